export { CHECK_CODES, CHECK_SEVERITY } from './src/launch-check';
export type {
  CandidateDelta,
  CandidateState,
  CheckCode,
  CheckFix,
  KeyedBody,
  LaunchCheck,
  LaunchState,
  PageLinks,
  ServedRoute,
  Severity,
} from './src/launch-check';
export { launchChecks, sortChecks } from './src/launch-report';
export { variableChecks } from './src/variables';
export { designDriftChecks, DESIGN_TYPES } from './src/design-drift';
