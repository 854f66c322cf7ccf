import { referenceKeys } from '../../libs/content-model';
import type { MediaStore } from '../../libs/media-storage';
import { AppError } from '../platform/errors/app-error';
import { EnvironmentsService } from '../environments/environments.service';
import { defineJob } from '../jobs/job-definition';
import { JobKind } from '../jobs/job-names';
import { MEDIA_STORE } from '../platform/media-store/media.tokens';
import { SnapshotsService } from '../snapshots/snapshots.service';
import { finishSwapStep, releaseSwapLease, swapStep } from '../states/swap-step';
import { StatesService } from '../states/states.service';
import { CandidateRepository } from './candidate.repository';
import { parseFingerprint, sameFingerprint } from './fingerprint';
import { PreviewService } from './preview.service';

export interface PromotionParams {
  fingerprint: string;
  snapshot: boolean;
  note?: string;
  /** The preview's counts at request time, for the history and the audit log. */
  summary: { added: number; changed: number; removed: number; unchanged: number };
}

const STALE = 'Staging or production changed since the preview: review the fresh diff and promote again.';
const stale = (params: PromotionParams) => new AppError('stale_preview', STALE, [{ fingerprint: params.fingerprint }]);
const seen = (params: PromotionParams) => parseFingerprint(params.fingerprint)!;

/**
 * The promotion: check, validate, copy media, snapshot if asked, build the state (keyed by the job), swap, and
 * mark staging in step with the new state.
 * A step that already happened is recognised (the state and snapshot by the job, the swap by the head).
 */
export const promotionJob = defineJob<PromotionParams>({
  kind: JobKind.Promotion,
  steps: [
    {
      name: 'check-fingerprint',
      async run(ctx) {
        const now = await ctx.use(PreviewService).current(ctx.tx, ctx.siteId);
        if (!sameFingerprint(now.fingerprint, seen(ctx.params))) throw stale(ctx.params);
        await ctx.record({ fromVersion: now.productionVersion });
        return { fromVersion: now.productionVersion };
      },
    },
    {
      name: 'validate',
      async run({ use, siteId, tx }) {
        const candidate = use(CandidateRepository);
        // References of bodies written by bulk paths are computed once, here, then kept on the revision.
        for (let batch; (batch = await candidate.revisionsWithoutRefs(tx, siteId, 500)).length;)
          await candidate.setRefs(
            tx,
            batch.map((r) => ({ id: r.id, refs: referenceKeys(r.type, r.body) })),
          );
        const { total, sample } = await candidate.dangling(tx, siteId, 100);
        if (total > 0)
          throw new AppError(
            'dangling_references',
            `${total} reference${total === 1 ? '' : 's'} point at entities that staging would not promote; publish or create them first.`,
            sample,
          );
      },
    },
    {
      name: 'copy-media',
      async run(ctx) {
        const missing = await ctx
          .use(CandidateRepository)
          .mediaToCopy(ctx.tx, ctx.siteId, seen(ctx.params).headStateId);
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
      // One snapshot of the database: the staging manifest copied is exactly the one the fingerprint names.
      transaction: { contentLock: 'shared', isolation: 'REPEATABLE READ' },
      async run({ use, tx, siteId, job, params, record }) {
        const states = use(StatesService);
        const state = await states.create(tx, siteId, 'promotion', job.id);
        if (state.built) return state.id;
        const now = await use(PreviewService).current(tx, siteId);
        if (!sameFingerprint(now.fingerprint, seen(params))) throw stale(params);
        const entities = await states.fillFromStaging(tx, state.id, siteId, seen(params).headStateId);
        await record({ result: { stateId: state.id, entities } }, tx);
        return state.id;
      },
    },
    swapStep<PromotionParams>('Promotion in progress', (ctx) => seen(ctx.params).headStateId),
    {
      // Drift is measured from here on against what this promotion made production (a retry sets it again).
      name: 'mark-staging-in-step',
      transaction: {},
      async run({ use, tx, siteId }, done) {
        await use(EnvironmentsService).markStagingInStep(tx, siteId, done['build-state'] as number);
      },
    },
    finishSwapStep<PromotionParams>('promotion.succeeded', ({ params }, done) => ({
      fromVersion: done['check-fingerprint'].fromVersion,
      summary: params.summary,
      note: params.note ?? null,
    })),
  ],
  onFailed: releaseSwapLease,
});
