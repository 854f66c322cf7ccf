import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { holdContentLockShared } from '../database/content-lock';
import { AppError } from '../errors/app-error';
import { CrashPoints } from '../jobs/crash-points';
import { actorOf } from '../jobs/job-actor';
import { JobHandler, JobHandlerRegistry } from '../jobs/job-handler';
import { JobKind } from '../jobs/job-names';
import { JobRun } from '../jobs/job-run';
import type { JobRow } from '../jobs/job.types';
import { JobsRepository } from '../jobs/jobs.repository';
import { SiteEventsService } from '../site-events/site-events.service';
import { SitesRepository } from '../sites/sites.repository';
import { BackupsRepository } from './backups.repository';

export const RESET_STEPS = ['back-up-staging', 'copy-production'] as const;
export const BACKUP_RESTORE_STEPS = ['back-up-staging', 'restore-backup'] as const;

/**
 * Staging reset and staging backup restore. Each overwrites staging's manifest in one transaction, after
 * keeping the manifest it overwrites as a backup (nothing is lost); production is never written.
 */
@Injectable() // so TypeScript emits the constructor's parameter types that both subclasses inherit
abstract class StagingOverwrite implements JobHandler, OnModuleInit {
  abstract readonly kind: JobHandler['kind'];
  abstract readonly steps: readonly string[];

  constructor(
    protected readonly dataSource: DataSource,
    private readonly registry: JobHandlerRegistry,
    protected readonly jobs: JobsRepository,
    protected readonly backups: BackupsRepository,
    protected readonly sites: SitesRepository,
    private readonly audit: AuditService,
    private readonly events: SiteEventsService,
    protected readonly crash: CrashPoints,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  protected abstract overwrite(tx: EntityManager, job: JobRow): Promise<{ entities: number }>;

  async run(run: JobRun): Promise<void> {
    const job = run.job;
    const siteId = job.siteId!;
    const started = job.startedAt ? new Date(job.startedAt).getTime() : Date.now();
    // The backup and the overwrite commit together, so a backup made by this job means both happened.
    const earlier = await this.backups.findByJob(job.id);
    if (earlier) {
      await run.skip(this.steps[0], 'done by an earlier attempt');
      await run.skip(this.steps[1], 'done by an earlier attempt');
      await this.jobs.update(job.id, { result: { backupId: earlier.id } });
      return;
    }
    // One transaction for both steps: an edit that lands between the backup and the overwrite would be lost.
    const stagingBefore = await this.sites.environment(siteId, 'staging');
    // The job row is written after the commit: step() records progress on it from another connection.
    const outcome = await this.dataSource.transaction(async (tx) => {
      await holdContentLockShared(tx);
      await this.sites.lockEnvironment(tx, siteId, 'staging');
      const backup = await run.step(this.steps[0], async () => {
        await this.crash.at(`${this.kind}:${this.steps[0]}`);
        const reason = this.kind === JobKind.Reset ? 'reset' : 'backup_restore';
        return this.backups.backUpStaging(tx, siteId, reason, job.id);
      });
      return run.step(this.steps[1], async () => {
        await this.crash.at(`${this.kind}:${this.steps[1]}`);
        const done = await this.overwrite(tx, job);
        const staging = await this.sites.environment(siteId, 'staging', tx);
        await this.audit.record(
          {
            siteId,
            principal: actorOf(job),
            action: `${this.kind}.succeeded`,
            subject: job.id,
            details: {
              backupId: backup.id,
              entities: done.entities,
              stagingVersion: { from: stagingBefore.version, to: staging.version },
            },
            requestId: job.actor?.requestId,
          },
          tx,
        );
        return { backupId: backup.id, entities: done.entities, toVersion: staging.version };
      });
    });
    await this.jobs.update(job.id, {
      fromVersion: stagingBefore.version,
      toVersion: outcome.toVersion,
      result: { backupId: outcome.backupId, entities: outcome.entities },
      timings: { totalMs: Math.round(Date.now() - started), maintenanceMs: 0 },
    });
    await this.events.publish({ siteId, env: 'staging', kind: 'content' });
  }
}

@Injectable()
export class ResetStagingHandler extends StagingOverwrite {
  readonly kind = JobKind.Reset;
  readonly steps = RESET_STEPS;

  protected async overwrite(tx: EntityManager, job: JobRow) {
    const production = await this.sites.environment(job.siteId!, 'production', tx);
    return { entities: await this.backups.replaceStagingWithState(tx, job.siteId!, production.headStateId!) };
  }
}

@Injectable()
export class RestoreStagingBackupHandler extends StagingOverwrite {
  readonly kind = JobKind.StagingBackupRestore;
  readonly steps = BACKUP_RESTORE_STEPS;

  protected async overwrite(tx: EntityManager, job: JobRow) {
    const backup = await this.backups.find(job.params.backupId);
    if (!backup) throw new AppError('not_found', 'The staging backup no longer exists.');
    return { entities: await this.backups.replaceStagingWithBackup(tx, job.siteId!, backup.id) };
  }
}
