import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { EnvironmentsService } from '../environments/environments.service';
import { AppError } from '../platform/errors/app-error';
import { actorOf } from '../jobs/job-actor';
import { defineJob, type JobContext, type JobStep } from '../jobs/job-definition';
import { JobKind } from '../jobs/job-names';
import { SiteEventsService } from '../site-events/site-events.service';
import { SnapshotsService } from '../snapshots/snapshots.service';
import { elapsedMs } from '../states/swap-step';
import { BackupsRepository } from './backups.repository';

type Overwrite = (ctx: JobContext<any> & { tx: EntityManager }) => Promise<number>;

/**
 * Staging reset and staging backup restore both keep staging's manifest as a backup, then overwrite it; each
 * step commits with its own success. The overwrite brings the backup up to date under the staging row's lock,
 * so an edit that landed between the two steps is in the backup too: nothing is lost.
 */
function stagingOverwrite(
  kind: JobKind,
  reason: 'reset' | 'backup_restore',
  overwriteStep: string,
  overwrite: Overwrite,
  /** Refuses before anything is written, e.g. when the source is gone (the overwrite checks it again). */
  assertSource?: (ctx: JobContext<any> & { tx: EntityManager }) => Promise<unknown>,
) {
  const backUp: JobStep<any> = {
    name: 'back-up-staging',
    transaction: { contentLock: 'shared' },
    async run(ctx) {
      const { use, tx, siteId, job } = ctx;
      await assertSource?.(ctx);
      await use(EnvironmentsService).lock(tx, siteId, 'staging');
      const backup = await use(BackupsRepository).backUpStaging(tx, siteId, reason, job.id);
      return { backupId: backup.id };
    },
  };
  const replace: JobStep<any> = {
    name: overwriteStep,
    transaction: { contentLock: 'shared' },
    async run(ctx, done) {
      const { use, tx, siteId, job, record } = ctx;
      const environments = use(EnvironmentsService);
      const before = await environments.lock(tx, siteId, 'staging');
      const backupId = done['back-up-staging'].backupId as string;
      await use(BackupsRepository).refreshBackup(tx, backupId, siteId);
      const entities = await overwrite(ctx);
      const after = await environments.find(siteId, 'staging', tx);
      await use(AuditService).record(
        {
          siteId,
          principal: actorOf(job),
          action: `${kind}.succeeded`,
          subject: job.id,
          details: { backupId, entities, stagingVersion: { from: before.version, to: after.version } },
          requestId: job.actor?.requestId,
        },
        tx,
      );
      const totalMs = elapsedMs(ctx);
      await record(
        {
          fromVersion: before.version,
          toVersion: after.version,
          result: { backupId, entities },
          timings: { totalMs, maintenanceMs: 0 },
        },
        tx,
      );
      return { entities };
    },
  };
  return defineJob({
    kind,
    steps: [backUp, replace],
    succeeded: ({ use, siteId }) => use(SiteEventsService).publish({ siteId, env: 'staging', kind: 'content' }),
  });
}

export interface ResetParams {
  /** A snapshot to rehearse a restore with: staging becomes its state instead of production's head. */
  snapshotId?: string;
}

/** What staging becomes a copy of: the snapshot's state (if not deleted meanwhile), else production's head. */
async function resetSource({ use, siteId, params }: JobContext<ResetParams>, tx: EntityManager): Promise<number> {
  if (!params.snapshotId) return (await use(EnvironmentsService).find(siteId, 'production', tx)).headStateId!;
  const snapshot = await use(SnapshotsService).find(params.snapshotId, tx);
  if (!snapshot || snapshot.siteId !== siteId)
    throw new AppError('not_found', 'The snapshot was deleted before staging could be reset to it.', [
      { snapshotId: params.snapshotId },
    ]);
  return snapshot.stateId;
}

/**
 * Staging becomes a copy of production's head, or of a snapshot's state (a rehearsed restore): every entity,
 * and staging itself, at version 0. Staging is then in step with that state, so a rehearsal's preview marks
 * as drift what production changed since the snapshot: exactly what restoring it would overwrite.
 */
export const resetStagingJob = stagingOverwrite(
  JobKind.Reset,
  'reset',
  'copy-production',
  async (ctx) => {
    const { use, tx, siteId } = ctx;
    const stateId = await resetSource(ctx, tx);
    const entities = await use(BackupsRepository).replaceStagingWithState(tx, siteId, stateId);
    await use(EnvironmentsService).resetStaging(tx, siteId, stateId);
    return entities;
  },
  (ctx) => resetSource(ctx, ctx.tx),
);

/** Staging gets a backup's manifest back, drafts included; that is one more staging change. */
export const restoreStagingBackupJob = stagingOverwrite(
  JobKind.StagingBackupRestore,
  'backup_restore',
  'restore-backup',
  async ({ use, tx, siteId, params }) => {
    const backups = use(BackupsRepository);
    const backup = await backups.find(tx, params.backupId);
    if (!backup) throw new AppError('not_found', 'The staging backup no longer exists.');
    const entities = await backups.replaceStagingWithBackup(tx, siteId, backup.id);
    await use(EnvironmentsService).bumpStaging(tx, siteId, 1);
    return entities;
  },
);
