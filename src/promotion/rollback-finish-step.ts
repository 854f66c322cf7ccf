import { AuditService } from '../audit/audit.service';
import { actorOf } from '../jobs/job-actor';
import type { JobStep } from '../jobs/job-definition';
import { elapsedMs, type SwapStepResult } from '../states/swap-step';
import { rolledBack, type VerifyOutput } from './verify-step';

/**
 * The last step of a promotion its post-swap check rolled back: its total time and the `promotion.rolled_back`
 * audit entry (the webhooks' event), committed with the step so a retry writes it once.
 */
export function rollbackFinishStep<Params>(): JobStep<Params> {
  return {
    name: 'finish-rollback',
    skipIf: (_ctx, done) => (rolledBack(done) ? null : 'the post-swap check passed'),
    transaction: {},
    async run(ctx, done) {
      const swap = done.swap as SwapStepResult;
      const verify = done.verify as VerifyOutput;
      const timings = { totalMs: elapsedMs(ctx) };
      await ctx.record({ timings }, ctx.tx);
      await ctx.use(AuditService).record(
        {
          siteId: ctx.siteId,
          principal: actorOf(ctx.job),
          requestId: ctx.job.actor?.requestId,
          action: 'promotion.rolled_back',
          subject: ctx.job.id,
          details: {
            automatic: true,
            failures: verify.failures,
            fromVersion: done['check-fingerprint']?.fromVersion ?? ctx.job.fromVersion,
            swappedVersion: swap.productionVersion,
            toVersion: verify.productionVersion,
            rolledBackStateId: swap.stateId,
            stateId: swap.fromStateId,
            timings,
          },
        },
        ctx.tx,
      );
    },
  };
}
