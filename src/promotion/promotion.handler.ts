import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { MediaStore } from '../../libs/media-storage';
import { AuditService } from '../audit/audit.service';
import { referenceKeys } from '../content/revisions.repository';
import { holdContentLockShared } from '../database/content-lock';
import { AppError } from '../errors/app-error';
import { JobHandler, JobHandlerRegistry } from '../jobs/job-handler';
import { JobKind } from '../jobs/job-names';
import { JobRun } from '../jobs/job-run';
import { JobsRepository } from '../jobs/jobs.repository';
import { actorOf } from '../jobs/job-actor';
import type { JobRow } from '../jobs/job.types';
import { MEDIA_STORE } from '../media/media.tokens';
import { SnapshotsRepository } from '../snapshots/snapshots.repository';
import { StatesRepository } from '../states/states.repository';
import { CandidateRepository } from './candidate.repository';
import { CrashPoints } from '../jobs/crash-points';
import { parseFingerprint, sameFingerprint } from './fingerprint';
import { HeadSwapService } from '../states/head-swap.service';
import { PreviewService } from './preview.service';

export const PROMOTION_STEPS = [
  'check-fingerprint',
  'validate',
  'copy-media',
  'snapshot',
  'build-state',
  'swap',
  'finish',
] as const;

export interface PromotionParams {
  fingerprint: string;
  snapshot: boolean;
  note?: string;
  /** The preview's counts at request time, for the history and the audit log. */
  summary: { added: number; changed: number; removed: number; unchanged: number };
}

const STALE = 'Staging or production changed since the preview: review the fresh diff and promote again.';

/**
 * The promotion job. Every step may run twice (a retry, or a new worker after a crash): each one recognises
 * work already done (the state is keyed by the job, the snapshot by the job, the swap by the head).
 */
@Injectable()
export class PromotionHandler implements JobHandler, OnModuleInit {
  readonly kind = JobKind.Promotion;
  readonly steps = PROMOTION_STEPS;

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: JobHandlerRegistry,
    private readonly jobs: JobsRepository,
    private readonly previews: PreviewService,
    private readonly candidate: CandidateRepository,
    private readonly states: StatesRepository,
    private readonly snapshots: SnapshotsRepository,
    private readonly swapper: HeadSwapService,
    private readonly audit: AuditService,
    private readonly crash: CrashPoints,
    @Inject(MEDIA_STORE) private readonly store: MediaStore,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async run(run: JobRun): Promise<void> {
    const job = run.job;
    const siteId = job.siteId!;
    const params = job.params as PromotionParams;
    const seen = parseFingerprint(params.fingerprint)!;
    const at = (step: string) => this.crash.at(`promotion:${step}`);
    const started = job.startedAt ? new Date(job.startedAt).getTime() : Date.now();

    await run.step('check-fingerprint', async () => {
      await at('check-fingerprint');
      const now = await this.dataSource.transaction((tx) => this.previews.current(tx, siteId));
      // Once this job's state is built, staging may move on: what ships is what was built from the preview.
      const builtStateId = job.result.stateId as number | undefined;
      const fresh = builtStateId
        ? now.fingerprint.headStateId === seen.headStateId || now.fingerprint.headStateId === builtStateId
        : sameFingerprint(now.fingerprint, seen);
      if (!fresh) throw new AppError('stale_preview', STALE, [{ fingerprint: params.fingerprint }]);
      await this.jobs.update(job.id, { fromVersion: now.productionVersion });
    });

    await run.step('validate', async () => {
      await at('validate');
      await this.computeMissingRefs(siteId);
      const { total, sample } = await this.candidate.dangling(this.dataSource.manager, siteId, 100);
      if (total > 0)
        throw new AppError(
          'dangling_references',
          `${total} reference${total === 1 ? '' : 's'} point at entities that staging would not promote; publish or create them first.`,
          sample,
        );
    });

    await run.step('copy-media', async () => {
      await at('copy-media');
      const missing = await this.candidate.mediaToCopy(this.dataSource.manager, siteId, seen.headStateId);
      const copied = await this.store.copyToProduction(missing, { concurrency: 8 });
      await this.jobs.update(job.id, { result: { media: { considered: missing.length, ...copied } } });
    });

    if (params.snapshot) {
      await run.step('snapshot', async () => {
        await at('snapshot');
        const snapshot = await this.dataSource.transaction((tx) =>
          this.snapshots.pinHead(tx, {
            siteId,
            label: `Before promotion ${job.createdAt instanceof Date ? job.createdAt.toISOString() : job.createdAt}`,
            origin: 'promotion',
            createdBy: job.actor?.actor ?? 'system',
            jobId: job.id,
          }),
        );
        await this.jobs.update(job.id, { snapshotId: snapshot.id });
      });
    } else {
      await run.skip('snapshot', 'not asked');
    }

    const stateId = await run.step('build-state', async () => {
      await at('build-state');
      // One snapshot of the database: the staging manifest copied is exactly the one the fingerprint names.
      return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
        await holdContentLockShared(tx);
        const state = await this.states.create(tx, siteId, 'promotion', job.id);
        if (state.built) return state.id;
        const now = await this.previews.current(tx, siteId);
        if (!sameFingerprint(now.fingerprint, seen))
          throw new AppError('stale_preview', STALE, [{ fingerprint: params.fingerprint }]);
        const entities = await this.states.fillFromStaging(tx, state.id, siteId, seen.headStateId);
        await this.jobs.update(job.id, { result: { stateId: state.id, entities } }, tx);
        return state.id;
      });
    });

    await run.step('swap', async () => {
      await at('swap');
      const result = await this.swapper.swap(siteId, job.id, seen.headStateId, stateId, 'Promotion in progress');
      if (!result.alreadySwapped)
        await this.jobs.update(job.id, { timings: { maintenanceMs: round(result.maintenanceMs) } });
      await at('after-swap');
    });

    await run.step('finish', async () => {
      await at('finish');
      const fresh = (await this.jobs.find(job.id))!;
      const timings = { totalMs: Math.round(Date.now() - started), maintenanceMs: fresh.timings?.maintenanceMs ?? 0 };
      await this.jobs.update(job.id, { timings });
      await this.audit.record({
        siteId,
        principal: actorOf(job),
        action: 'promotion.succeeded',
        subject: job.id,
        details: {
          fromVersion: fresh.fromVersion,
          toVersion: fresh.toVersion,
          stateId,
          summary: params.summary,
          timings,
          note: params.note ?? null,
        },
        requestId: job.actor?.requestId,
      });
    });
  }

  async onFailed(job: JobRow): Promise<void> {
    await this.swapper.releaseLease(job.siteId!, job.id).catch(() => {});
  }

  /** References of bodies written by bulk paths are computed once, here, then kept on the revision. */
  private async computeMissingRefs(siteId: string): Promise<void> {
    for (;;) {
      const batch = await this.candidate.revisionsWithoutRefs(this.dataSource.manager, siteId, 500);
      if (!batch.length) return;
      await this.candidate.setRefs(
        this.dataSource.manager,
        batch.map((r) => ({ id: r.id, refs: referenceKeys(r.type, r.body) })),
      );
    }
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;
