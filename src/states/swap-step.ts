import type { JobContext, JobStep, StepOutputs } from '../jobs/job-definition';
import { HeadSwapService, type SwapResult } from './head-swap.service';

/**
 * The swap every production-changing job ends with (promotion, restore): the head moves from the state the job
 * started on to the one its `build-state` step built, and the job records the new version and the window.
 */
export function swapStep<Params>(reason: string, startedOn: (ctx: JobContext<Params>) => number): JobStep<Params> {
  return {
    name: 'swap',
    async run(ctx, done: StepOutputs): Promise<SwapResult> {
      const swap = await ctx
        .use(HeadSwapService)
        .swap(ctx.siteId, ctx.job.id, startedOn(ctx), done['build-state'] as number, reason);
      await ctx.record({
        toVersion: swap.productionVersion,
        ...(swap.alreadySwapped ? {} : { timings: { maintenanceMs: Math.round(swap.maintenanceMs * 100) / 100 } }),
      });
      return swap;
    },
  };
}

/** How long the job has run, for its finish step. */
export const elapsedMs = (ctx: JobContext<unknown>) =>
  Math.round(Date.now() - new Date(ctx.job.startedAt ?? Date.now()).getTime());
