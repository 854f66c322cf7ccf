import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { holdContentLockShared } from '../database/content-lock';
import { AppError } from '../errors/app-error';
import { CrashPoints } from '../jobs/crash-points';
import { JobHandler, JobHandlerRegistry } from '../jobs/job-handler';
import { JobKind } from '../jobs/job-names';
import { JobRun } from '../jobs/job-run';
import { actorOf } from '../jobs/job-actor';
import type { JobRow } from '../jobs/job.types';
import { JobsRepository } from '../jobs/jobs.repository';
import { HeadSwapService } from '../states/head-swap.service';
import { StatesRepository } from '../states/states.repository';
import { SnapshotsRepository } from './snapshots.repository';

export const RESTORE_STEPS = ['build-state', 'swap', 'finish'] as const;

/** Rolls production back to a snapshot: a new state with the snapshot's content, then the same swap as promotion. */
@Injectable()
export class RestoreHandler implements JobHandler, OnModuleInit {
  readonly kind = JobKind.Restore;
  readonly steps = RESTORE_STEPS;

  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: JobHandlerRegistry,
    private readonly jobs: JobsRepository,
    private readonly snapshots: SnapshotsRepository,
    private readonly states: StatesRepository,
    private readonly swapper: HeadSwapService,
    private readonly audit: AuditService,
    private readonly crash: CrashPoints,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async run(run: JobRun): Promise<void> {
    const job = run.job;
    const siteId = job.siteId!;
    const baseStateId = job.params.baseStateId as number;
    const started = job.startedAt ? new Date(job.startedAt).getTime() : Date.now();

    const stateId = await run.step('build-state', async () => {
      await this.crash.at('restore:build-state');
      const snapshot = await this.snapshots.find(job.params.snapshotId);
      if (!snapshot) throw new AppError('not_found', 'The snapshot was deleted before it could be restored.');
      return this.dataSource.transaction(async (tx) => {
        await holdContentLockShared(tx);
        const state = await this.states.create(tx, siteId, 'restore', job.id);
        if (!state.built) await this.states.fillFromState(tx, state.id, snapshot.stateId, baseStateId);
        await this.jobs.update(job.id, { snapshotId: snapshot.id, result: { stateId: state.id } }, tx);
        return state.id;
      });
    });

    await run.step('swap', async () => {
      await this.crash.at('restore:swap');
      const result = await this.swapper.swap(siteId, job.id, baseStateId, stateId, 'Restoring a snapshot');
      if (!result.alreadySwapped)
        await this.jobs.update(job.id, { timings: { maintenanceMs: Math.round(result.maintenanceMs * 100) / 100 } });
    });

    await run.step('finish', async () => {
      const fresh = (await this.jobs.find(job.id))!;
      const timings = { totalMs: Math.round(Date.now() - started), maintenanceMs: fresh.timings?.maintenanceMs ?? 0 };
      await this.jobs.update(job.id, { timings });
      await this.audit.record({
        siteId,
        principal: actorOf(job),
        action: 'restore.succeeded',
        subject: job.id,
        details: {
          snapshotId: job.params.snapshotId,
          fromVersion: fresh.fromVersion,
          toVersion: fresh.toVersion,
          stateId,
          timings,
        },
        requestId: job.actor?.requestId,
      });
    });
  }

  async onFailed(job: JobRow): Promise<void> {
    await this.swapper.releaseLease(job.siteId!, job.id).catch(() => {});
  }
}
