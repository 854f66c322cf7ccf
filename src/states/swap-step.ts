import { AuditService } from '../audit/audit.service';
import { actorOf } from '../jobs/job-actor';
import type { JobContext, JobStep, StepOutputs } from '../jobs/job-definition';
import { HeadSwapService, type SwapResult } from './head-swap.service';

/**
 * The swap every production-changing job ends with (promotion, restore): the head moves from the state the job
 * started on to the one it goes live with (by default what its `build-state` step built), and the job records
 * the new version and the window.
 */
export function swapStep<Params>(
  reason: string,
  startedOn: (ctx: JobContext<Params>) => number,
  goesLive: (ctx: JobContext<Params>, done: StepOutputs) => number = (_ctx, done) => done['build-state'] as number,
  options: { holdLease?: boolean } = {},
): JobStep<Params> {
  return {
    name: 'swap',
    async run(ctx, done: StepOutputs): Promise<SwapStepResult> {
      const stateId = goesLive(ctx, done);
      const swap = await ctx
        .use(HeadSwapService)
        .swap(ctx.siteId, ctx.job.id, startedOn(ctx), stateId, reason, options);
      await ctx.record({
        toVersion: swap.productionVersion,
        ...(swap.alreadySwapped
          ? {}
          : { timings: { maintenanceMs: round(swap.maintenanceMs), swapMs: round(swap.swapMs) } }),
      });
      return { ...swap, stateId, fromStateId: startedOn(ctx), swappedAt: Date.now() };
    },
  };
}

export interface SwapStepResult extends SwapResult {
  stateId: number;
  /** The head it swapped away from (what a post-swap check swaps back to). */
  fromStateId: number;
  /** When the head moved (epoch ms), for the time from the swap to a post-swap check's verdict. */
  swappedAt: number;
}

interface AuditEntry {
  action: string;
  subject: string;
  details: Record<string, unknown>;
}

/**
 * The last step of a job that swapped production: its total time, and the `<action>` audit entry with what the
 * job did (the versions, the state, the whole timings) plus the job's own details; `also`, a second entry
 * about another subject (an undo says so on the promotion it undid).
 */
export function finishSwapStep<Params>(
  action: string,
  details: (ctx: JobContext<Params>, done: StepOutputs) => Record<string, unknown>,
  also?: (ctx: JobContext<Params>, done: StepOutputs) => AuditEntry | null,
): JobStep<Params> {
  return {
    name: 'finish',
    async run(ctx, done) {
      const swap = done.swap as SwapStepResult;
      const timings = { totalMs: elapsedMs(ctx) };
      await ctx.record({ timings });
      const audit = ctx.use(AuditService);
      const entry = (e: AuditEntry) =>
        audit.record({ siteId: ctx.siteId, principal: actorOf(ctx.job), requestId: ctx.job.actor?.requestId, ...e });
      await entry({
        action,
        subject: ctx.job.id,
        details: {
          ...details(ctx, done),
          toVersion: swap.productionVersion,
          stateId: swap.stateId,
          timings: { ...timings, maintenanceMs: swap.maintenanceMs, swapMs: swap.swapMs },
        },
      });
      const second = also?.(ctx, done);
      if (second) await entry(second);
    },
  };
}

/** After the last failed attempt of a swapping job: give production back if the job still holds its lease. */
export const releaseSwapLease = (ctx: JobContext<unknown>) =>
  ctx
    .use(HeadSwapService)
    .releaseLease(ctx.siteId, ctx.job.id)
    .catch(() => {});

const round = (ms: number) => Math.round(ms * 100) / 100;

/** How long the job has run, for its finish step. */
export const elapsedMs = (ctx: JobContext<unknown>) =>
  Math.round(Date.now() - new Date(ctx.job.startedAt ?? Date.now()).getTime());
