export { CHECK_CODES, CHECK_SEVERITY } from './src/launch-check';
export type {
  CandidateState,
  CheckCode,
  CheckFix,
  KeyedBody,
  LaunchCheck,
  LaunchState,
  PageLinks,
  ServedRoute,
  Severity,
  StateDelta,
} from './src/launch-check';
export { deriveStateSets } from './src/state-sets';
export { launchChecks, sortChecks } from './src/launch-report';
export { variableChecks } from './src/variables';
export { designDriftChecks, DESIGN_TYPES } from './src/design-drift';
