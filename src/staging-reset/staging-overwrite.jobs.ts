import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { EnvironmentsService } from '../environments/environments.service';
import { AppError } from '../platform/errors/app-error';
import { actorOf } from '../jobs/job-actor';
import { defineJob, type JobContext, type JobStep } from '../jobs/job-definition';
import { JobKind } from '../jobs/job-names';
import { SiteEventsService } from '../site-events/site-events.service';
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
) {
  const backUp: JobStep<any> = {
    name: 'back-up-staging',
    transaction: { contentLock: 'shared' },
    async run({ use, tx, siteId, job }) {
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

/** Staging becomes a copy of production's head: every entity, and staging itself, at version 0. */
export const resetStagingJob = stagingOverwrite(
  JobKind.Reset,
  'reset',
  'copy-production',
  async ({ use, tx, siteId }) => {
    const environments = use(EnvironmentsService);
    const production = await environments.find(siteId, 'production', tx);
    const entities = await use(BackupsRepository).replaceStagingWithState(tx, siteId, production.headStateId!);
    await environments.resetStaging(tx, siteId, production.headStateId!);
    return entities;
  },
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
