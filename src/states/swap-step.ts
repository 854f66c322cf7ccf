import { AuditService } from '../audit/audit.service';
import { actorOf } from '../jobs/job-actor';
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

/**
 * The last step of a job that swapped production: its total time, and the `<action>` audit entry with what the
 * job did (the versions, the state, the whole timings) plus the job's own details.
 */
export function finishSwapStep<Params>(
  action: string,
  details: (ctx: JobContext<Params>, done: StepOutputs) => Record<string, unknown>,
): JobStep<Params> {
  return {
    name: 'finish',
    async run(ctx, done) {
      const swap = done.swap as SwapResult;
      const timings = { totalMs: elapsedMs(ctx) };
      await ctx.record({ timings });
      await ctx.use(AuditService).record({
        siteId: ctx.siteId,
        principal: actorOf(ctx.job),
        action,
        subject: ctx.job.id,
        details: {
          ...details(ctx, done),
          toVersion: swap.productionVersion,
          stateId: done['build-state'],
          timings: { ...timings, maintenanceMs: swap.maintenanceMs },
        },
        requestId: ctx.job.actor?.requestId,
      });
    },
  };
}

/** After the last failed attempt of a swapping job: give production back if the job still holds its lease. */
export const releaseSwapLease = (ctx: JobContext<unknown>) =>
  ctx
    .use(HeadSwapService)
    .releaseLease(ctx.siteId, ctx.job.id)
    .catch(() => {});

/** How long the job has run, for its finish step. */
export const elapsedMs = (ctx: JobContext<unknown>) =>
  Math.round(Date.now() - new Date(ctx.job.startedAt ?? Date.now()).getTime());
