import { EnvironmentsService } from '../environments/environments.service';
import type { JobOutcome, JobStep, StepOutputs } from '../jobs/job-definition';
import { AppError } from '../platform/errors/app-error';
import { SiteProbe } from '../public-site/site-probe.service';
import { SitesService } from '../sites/sites.service';
import { HeadSwapService } from '../states/head-swap.service';
import { StatesService } from '../states/states.service';
import type { SwapStepResult } from '../states/swap-step';
import { type CheckFailure, failuresOf, pathsOf, planChecks, type Verification } from './post-swap-check';

// The bound: a promotion of 10,000 pages checks the first 50 by route, so the check (and the window it
// keeps production dark for) does not grow with the promotion.
export const MAX_CHANGED_PAGES = 50;
// The lease lasts SWAP_LEASE_SECONDS (5 s); renewed this often while pages render, it never lapses mid-check,
// and a worker that dies still frees production within 5 s.
const RENEW_LEASE_MS = 2000;

export interface VerifyOutput {
  rolledBack: boolean;
  failures: CheckFailure[];
  /** Production's version after the verdict (the rollback's, when it swapped back). */
  productionVersion: number;
}

/**
 * Right after the swap, with production still dark (the swap kept the lease): render the new state's home
 * page, changed pages and smoke checks through the public site's rendering code. All good: production comes
 * back on the new state. Any failure: the same compare-and-swap puts the previous state back (version + 1) and
 * ends the lease, so visitors see old → maintenance → old. A retry re-checks, or recognises its own rollback.
 */
export function verifyStep<Params>(): JobStep<Params> {
  return {
    name: 'verify',
    async run(ctx, done): Promise<VerifyOutput> {
      const swap = done.swap as SwapStepResult;
      const { stateId: live, fromStateId: previous } = swap;
      const headSwap = ctx.use(HeadSwapService);
      const production = await ctx.use(EnvironmentsService).find(ctx.siteId, 'production');
      const head = production.headStateId;
      const recorded = ctx.job.result.verification as Verification | undefined;
      // An earlier attempt reached its verdict and died before saying so: recognise it, neither checking again
      // (production would go dark once more) nor swapping back twice.
      if (
        (head === previous && recorded?.verdict === 'rolled_back') ||
        (head === live && recorded?.verdict === 'passed')
      ) {
        await headSwap.releaseLease(ctx.siteId, ctx.job.id);
        const rolledBack = recorded.verdict === 'rolled_back';
        return { rolledBack, failures: recorded.failures, productionVersion: production.version };
      }
      if (head !== live)
        throw new AppError('conflict', 'Production changed during the post-swap check: look at production.', [
          { expectedStateId: live, currentStateId: head },
        ]);

      const reason = 'Checking the promotion';
      const first = await headSwap.hold(ctx.siteId, ctx.job.id, reason);
      const heldSince = performance.now();
      let renewed = heldSince;
      const renew = async () => {
        if (!first || performance.now() - renewed < RENEW_LEASE_MS) return;
        // Before the await: pages render a few at once, and one renewal serves them all.
        renewed = performance.now();
        await headSwap.hold(ctx.siteId, ctx.job.id, reason);
      };
      const site = (await ctx.use(SitesService).findBySlugOrId(ctx.siteId))!;
      // Planned before the swap when the job has that step (a promotion); else looked up now.
      const changed =
        (done['plan-check'] as string[] | undefined) ??
        (await ctx.use(StatesService).changedPageRoutes(ctx.tx, previous, live, MAX_CHANGED_PAGES));
      const checks = planChecks(changed, site.smokeChecks);
      const probed = await ctx.use(SiteProbe).render(ctx.siteId, live, pathsOf(checks), renew);
      const failures = failuresOf(checks, probed);
      const verifyMs = round(Date.now() - swap.swappedAt);
      const verification: Verification = {
        verdict: failures.length ? 'rolled_back' : 'passed',
        checked: checks.length,
        failures,
      };
      // Recorded before any swap back: a retry after a crash in between knows why production is on the old state.
      await ctx.record({ result: { verification }, timings: { verifyMs } });
      if (!failures.length) {
        await headSwap.releaseLease(ctx.siteId, ctx.job.id);
        // The whole dark window: the swap's part (and a dead attempt's) as the lease row kept it, then the check's.
        const window = first ? first.heldMs + performance.now() - heldSince : swap.maintenanceMs;
        await ctx.record({ timings: { maintenanceMs: round(window) } });
        return { rolledBack: false, failures, productionVersion: swap.productionVersion };
      }
      const back = await headSwap.swap(ctx.siteId, ctx.job.id, live, previous, 'Rolling the promotion back');
      await ctx.record({
        toVersion: back.productionVersion,
        ...(back.alreadySwapped ? {} : { timings: { maintenanceMs: round(back.maintenanceMs) } }),
      });
      return { rolledBack: true, failures, productionVersion: back.productionVersion };
    },
  };
}

/** Steps after `verify` that only a promotion that stays live takes (or only one rolled back). */
export const rolledBack = (done: StepOutputs): boolean =>
  (done.verify as VerifyOutput | undefined)?.rolledBack === true;

/** A rolled-back promotion ends `rolled_back`, with the failing URLs as its error. */
export function verifyOutcome(done: StepOutputs): JobOutcome | null {
  if (!rolledBack(done)) return null;
  const failures = (done.verify as VerifyOutput).failures;
  return {
    status: 'rolled_back',
    error: {
      code: 'post_swap_check_failed',
      message:
        `${failures.length} post-swap check${failures.length === 1 ? '' : 's'} failed (${failures[0].url}` +
        `${failures.length > 1 ? ', …' : ''}): production was swapped back to the previous state.`,
      details: failures,
    },
  };
}

const round = (ms: number) => Math.round(ms * 100) / 100;
