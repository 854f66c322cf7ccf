import { CreateSites1764000000000 } from './1764000000000-CreateSites';
import { CreateContentStates1764000000100 } from './1764000000100-CreateContentStates';
import { CreateJobs1764000000200 } from './1764000000200-CreateJobs';
import { CreateAuditLog1764000000300 } from './1764000000300-CreateAuditLog';
import { CreateVisitorData1764000000400 } from './1764000000400-CreateVisitorData';
import { CreateReviewLinks1764000000410 } from './1764000000410-CreateReviewLinks';
import { AddRevisionReferences1764000000500 } from './1764000000500-AddRevisionReferences';
import { AddJobHeartbeat1764000001200 } from './1764000001200-AddJobHeartbeat';
import { AddMaintenanceSince1764000001201 } from './1764000001201-AddMaintenanceSince';
import { CreateMediaUploads1764000001300 } from './1764000001300-CreateMediaUploads';
import { BackfillMediaUploads1764000001301 } from './1764000001301-BackfillMediaUploads';
import { AddSiteTrustedCustomCode1764000001400 } from './1764000001400-AddSiteTrustedCustomCode';
import { CreateWebhooks1764000001600 } from './1764000001600-CreateWebhooks';
import { CreateStagingManifestView1764000001700 } from './1764000001700-CreateStagingManifestView';
import { AddStagingBaseState1764000001850 } from './1764000001850-AddStagingBaseState';
import { CreateHeadHistory1764000001900 } from './1764000001900-CreateHeadHistory';
import { CreateEnvironmentVariables1764000001950 } from './1764000001950-CreateEnvironmentVariables';
import { AddSiteReleaseGates1764000001500 } from './1764000001500-AddSiteReleaseGates';
import { CreatePromotionApprovals1764000001510 } from './1764000001510-CreatePromotionApprovals';
import { AddScheduledJobs1764000001800 } from './1764000001800-AddScheduledJobs';
import { BackfillPromotionFromState1764000001801 } from './1764000001801-BackfillPromotionFromState';
import { AddSiteSmokeChecks1764000002050 } from './1764000002050-AddSiteSmokeChecks';
import { AddRolledBackJobStatus1764000002051 } from './1764000002051-AddRolledBackJobStatus';
import { CreateVisualDiffs1764000002150 } from './1764000002150-CreateVisualDiffs';
import { AddDeltaStates1764000002400 } from './1764000002400-AddDeltaStates';
import { AddStagingChanges1764000002500 } from './1764000002500-AddStagingChanges';
import { BackfillRevisionRefs1764000002600 } from './1764000002600-BackfillRevisionRefs';
import { ComparisonsProbeByIndex1764000002700 } from './1764000002700-ComparisonsProbeByIndex';
import { StagingComparedOfTypes1764000002800 } from './1764000002800-StagingComparedOfTypes';
import { StateDelta1764000002900 } from './1764000002900-StateDelta';
import { RecomputeFormIntegrationRefs1764000002200 } from './1764000002200-RecomputeFormIntegrationRefs';

/** In order; never edit a merged migration, add a new one. */
export const MIGRATIONS = [
  CreateSites1764000000000,
  CreateContentStates1764000000100,
  CreateJobs1764000000200,
  CreateAuditLog1764000000300,
  CreateVisitorData1764000000400,
  CreateReviewLinks1764000000410,
  AddRevisionReferences1764000000500,
  AddJobHeartbeat1764000001200,
  AddMaintenanceSince1764000001201,
  CreateMediaUploads1764000001300,
  BackfillMediaUploads1764000001301,
  AddSiteTrustedCustomCode1764000001400,
  CreateWebhooks1764000001600,
  CreateStagingManifestView1764000001700,
  AddStagingBaseState1764000001850,
  CreateHeadHistory1764000001900,
  CreateEnvironmentVariables1764000001950,
  AddSiteReleaseGates1764000001500,
  CreatePromotionApprovals1764000001510,
  AddScheduledJobs1764000001800,
  BackfillPromotionFromState1764000001801,
  AddSiteSmokeChecks1764000002050,
  AddRolledBackJobStatus1764000002051,
  CreateVisualDiffs1764000002150,
  RecomputeFormIntegrationRefs1764000002200,
  AddDeltaStates1764000002400,
  AddStagingChanges1764000002500,
  BackfillRevisionRefs1764000002600,
  ComparisonsProbeByIndex1764000002700,
  StagingComparedOfTypes1764000002800,
  StateDelta1764000002900,
];
