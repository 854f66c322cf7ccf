import { runBurstBench } from './burst';
import { runContentBench } from './content';
import { runLaunchBench } from './launch';
import { runPromotionBench } from './promotion';
import { runRecoveryBench } from './recovery';
import { runRenderBench } from './render';
import { runReplicaBench } from './replica';
import { runScheduleBench } from './schedule';
import { runSelectiveBench } from './selective';
import { runVerifyBench } from './verify';
import { runVisualBench } from './visual';
/** Every benchmark suite, by name; each writes bench/results/<name>.json and refreshes the summary. */
export const SUITES: Record<string, () => Promise<void>> = {
  burst: runBurstBench,
  content: runContentBench,
  launch: runLaunchBench,
  promotion: runPromotionBench,
  recovery: runRecoveryBench,
  render: runRenderBench,
  replica: runReplicaBench,
  schedule: runScheduleBench,
  selective: runSelectiveBench,
  verify: runVerifyBench,
  visual: runVisualBench,
};
