import type { EntityManager } from 'typeorm';
import type { MediaStore } from '../../libs/media-storage';
import { AppError } from '../platform/errors/app-error';
import { EnvironmentsService } from '../environments/environments.service';
import { defineJob, type JobContext, type StepOutputs } from '../jobs/job-definition';
import { JobKind } from '../jobs/job-names';
import { MEDIA_STORE } from '../platform/media-store/media.tokens';
import { SnapshotsService } from '../snapshots/snapshots.service';
import { finishSwapStep, releaseSwapLease, swapStep } from '../states/swap-step';
import { StatesService } from '../states/states.service';
import { assertCandidateValid } from './candidate-validation';
import { CandidateRepository } from './candidate.repository';
import { type Fingerprint, parseFingerprint, sameFingerprint } from './fingerprint';
import { SelectiveCandidate, type SelectiveClosure } from './selective-candidate';
import { Transactions } from '../platform/database/transactions';
import { type Selection, selectionHash } from './selection';
import { PreviewService } from './preview.service';
import { VariablesService } from '../variables/variables.service';
import type { FrozenWindow } from '../release-gates/release-gates.service';
import type { AcknowledgedChecks } from './launch-checks.service';
import { rollbackFinishStep } from './rollback-finish-step';
import { MAX_CHANGED_PAGES, rolledBack, verifyOutcome, verifyStep } from './verify-step';

export interface PromotionParams {
  fingerprint: string;
  snapshot: boolean;
  note?: string;
  /** The preview's counts at request time, for the history and the audit log. */
  summary: { added: number; changed: number; removed: number; unchanged: number };
  /** The approvals that let it start (ids), when the site requires some. */
  approvals?: string[];
  /** The error launch checks it went ahead over, and who acknowledged them. */
  acknowledgedChecks?: AcknowledgedChecks;
  /** The freeze window an owner overrode to start it, and why. */
  freezeOverride?: { reason: string; window: FrozenWindow };
  /**
   * A scheduled promotion: its candidate was validated and built when the schedule was made (the job's
   * `result.stateId`), so it ships that state whatever staging became since.
   */
  pinned?: boolean;
  /** The zone the schedule was written in, for people reading it back. */
  timeZone?: string;
  /** A selective promotion: production's head plus the closure of this selection of staging's changes. */
  select?: Selection;
}

const STALE = 'Staging or production changed since the preview: review the fresh diff and promote again.';
const stale = (params: PromotionParams, details: Record<string, unknown> = {}) =>
  new AppError('stale_preview', STALE, [{ fingerprint: params.fingerprint, ...details }]);
const seen = (params: PromotionParams) => parseFingerprint(params.fingerprint)!;
const pinnedState = (ctx: JobContext<PromotionParams>): number => ctx.job.result.stateId;
// The state this promotion makes production: built by the job, or by the schedule that pinned it.
const builtState = (ctx: JobContext<PromotionParams>, done: StepOutputs): number =>
  ctx.params.pinned ? pinnedState(ctx) : (done['build-state'] as number);
// What the preview of this promotion's selection would be fingerprinted as now.
const asSelected = (now: Fingerprint, params: PromotionParams): Fingerprint =>
  params.select ? { ...now, selection: selectionHash(params.select) } : now;
/**
 * The selection's closure over the head the preview saw (refused when it names unknown entities or nothing), read
 * in a transaction of its own (one snapshot, and the closure's planner settings stay in it).
 */
const withClosure = <T>(
  ctx: JobContext<PromotionParams>,
  select: Selection,
  work: (tx: EntityManager, closure: SelectiveClosure) => Promise<T>,
): Promise<T> =>
  ctx.use(Transactions).run({ isolation: 'REPEATABLE READ' }, async (tx) => {
    const head = { headStateId: seen(ctx.params).headStateId, baseStateId: null };
    return work(tx, await ctx.use(SelectiveCandidate).closure(tx, ctx.siteId, head, select));
  });
const PINNED = 'pinned when the promotion was scheduled';
const ROLLED_BACK = 'the post-swap check rolled production back';

/**
 * The promotion: check, validate, copy media, snapshot if asked, build the state (keyed by the job), swap, check
 * production's pages while it is still dark (rolling back to the previous state if one fails), and mark staging
 * in step with the new state.
 * A step that already happened is recognised (the state and snapshot by the job, the swap by the head).
 * A scheduled promotion checks only production (staging may have moved on: it ships the pinned state).
 */
/** The media blobs a selective candidate adds or changes (production's bucket may lack them). */
function mediaOf(closure: { changes: { sha256: string | null; op: string }[] }): string[] {
  return [...new Set(closure.changes.filter((c) => c.op !== 'removed' && c.sha256).map((c) => c.sha256!))];
}

export const promotionJob = defineJob<PromotionParams>({
  kind: JobKind.Promotion,
  steps: [
    {
      name: 'check-fingerprint',
      async run(ctx) {
        const now = await ctx.use(PreviewService).current(ctx.tx, ctx.siteId);
        const expected = seen(ctx.params);
        if (ctx.params.pinned) {
          if (now.fingerprint.headStateId !== expected.headStateId)
            throw stale(ctx.params, {
              expectedStateId: expected.headStateId,
              currentStateId: now.fingerprint.headStateId,
              productionVersion: now.productionVersion,
            });
        } else if (!sameFingerprint(asSelected(now.fingerprint, ctx.params), expected)) throw stale(ctx.params);
        // The state this promotion swaps away from: what an undo puts back.
        await ctx.record({ fromVersion: now.productionVersion, result: { fromStateId: expected.headStateId } });
        return { fromVersion: now.productionVersion };
      },
    },
    {
      name: 'validate',
      skipIf: (ctx) => (ctx.params.pinned ? PINNED : null),
      run: async (ctx) => {
        const { use, siteId, tx, params } = ctx;
        const select = params.select;
        if (select) {
          const head = seen(params).headStateId;
          const variables = use(VariablesService);
          await withClosure(ctx, select, (own, closure) =>
            use(SelectiveCandidate).assertValid(own, siteId, head, select, closure, variables),
          );
          return;
        }
        await assertCandidateValid(
          { candidate: use(CandidateRepository), variables: use(VariablesService) },
          tx,
          siteId,
          seen(params).headStateId,
        );
      },
    },
    {
      name: 'copy-media',
      async run(ctx) {
        const candidate = ctx.use(CandidateRepository);
        const head = seen(ctx.params).headStateId;
        const missing = ctx.params.pinned
          ? await candidate.pinnedMediaToCopy(ctx.tx, pinnedState(ctx), head)
          : ctx.params.select
            ? await withClosure(ctx, ctx.params.select, async (_tx, closure) => mediaOf(closure))
            : await candidate.mediaToCopy(ctx.tx, ctx.siteId, head);
        const copied = await ctx.use<MediaStore>(MEDIA_STORE).copyToProduction(missing, { concurrency: 8 });
        await ctx.record({ result: { media: { considered: missing.length, ...copied } } });
      },
    },
    {
      name: 'snapshot',
      skipIf: (ctx) => (ctx.params.snapshot ? null : 'not asked'),
      transaction: {},
      async run(ctx) {
        const snapshot = await ctx.use(SnapshotsService).pinHead(ctx.tx, {
          siteId: ctx.siteId,
          label: `Before promotion ${new Date(ctx.job.createdAt).toISOString()}`,
          origin: 'promotion',
          createdBy: ctx.job.actor?.actor ?? 'system',
          jobId: ctx.job.id,
        });
        await ctx.record({ snapshotId: snapshot.id }, ctx.tx);
      },
    },
    {
      name: 'build-state',
      skipIf: (ctx) => (ctx.params.pinned ? PINNED : null),
      // One snapshot of the database: the staging manifest copied is exactly the one the fingerprint names.
      transaction: { contentLock: 'shared', isolation: 'REPEATABLE READ' },
      async run({ use, tx, siteId, job, params, record }) {
        const states = use(StatesService);
        const state = await states.create(tx, siteId, 'promotion', job.id);
        if (state.built) return state.id;
        const now = await use(PreviewService).current(tx, siteId);
        if (!sameFingerprint(asSelected(now.fingerprint, params), seen(params))) throw stale(params);
        const head = seen(params).headStateId;
        const entities = params.select
          ? await states.fillWithStagingSelection(tx, state.id, siteId, head, params.select)
          : await states.fillFromStaging(tx, state.id, siteId, head);
        await record({ result: { stateId: state.id, entities } }, tx);
        return state.id;
      },
    },
    {
      // The pages the post-swap check renders, found before the swap: production is dark from the swap to the
      // check's verdict, and this join of the two manifests grows with the site.
      name: 'plan-check',
      run: (ctx, done) =>
        ctx
          .use(StatesService)
          .changedPageRoutes(ctx.tx, seen(ctx.params).headStateId, builtState(ctx, done), MAX_CHANGED_PAGES),
    },
    swapStep<PromotionParams>(
      'Promotion in progress',
      (ctx) => seen(ctx.params).headStateId,
      (ctx, done) => builtState(ctx, done),
      { holdLease: true },
    ),
    verifyStep<PromotionParams>(),
    {
      // Drift is measured from here on against what this promotion made production (a retry sets it again).
      name: 'mark-staging-in-step',
      skipIf: (_ctx, done) => (rolledBack(done) ? ROLLED_BACK : null),
      transaction: {},
      async run(ctx, done) {
        const state = builtState(ctx, done);
        // After a selective promotion staging is in step with the new head only if it was with the old one: the
        // entities left behind are the old head's there. Otherwise its base stays (what drifted still has).
        if (ctx.params.select) {
          const { baseStateId } = await ctx.use(PreviewService).current(ctx.tx, ctx.siteId);
          if (baseStateId !== seen(ctx.params).headStateId) return;
        }
        await ctx
          .use(EnvironmentsService)
          .markStagingInStep(ctx.tx, ctx.siteId, state, { onlyWhatMoved: ctx.params.select !== undefined });
      },
    },
    {
      ...finishSwapStep<PromotionParams>('promotion.succeeded', ({ params, job }, done) => ({
        fromVersion: done['check-fingerprint'].fromVersion,
        summary: params.summary,
        note: params.note ?? null,
        ...(params.pinned ? { scheduled: true, runAt: job.runAt, late: job.result.late ?? false } : {}),
      })),
      skipIf: (_ctx, done) => (rolledBack(done) ? ROLLED_BACK : null),
    },
    rollbackFinishStep<PromotionParams>(),
  ],
  outcome: verifyOutcome,
  onFailed: releaseSwapLease,
});
