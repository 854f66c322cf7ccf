import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { AppError } from '../errors/app-error';
import { decodeCursor, keysetPage, timeCursor } from '../validation/keyset-cursor';
import { toJobDto } from '../jobs/job.dto';
import { JobKind } from '../jobs/job-names';
import { plannedSteps } from '../jobs/job-run';
import { JobsRepository } from '../jobs/jobs.repository';
import { JobsService } from '../jobs/jobs.service';
import { startSiteJob } from '../jobs/start-site-job';
import type { Site } from '../sites/site.types';
import { SitesRepository } from '../sites/sites.repository';
import { BackupsRepository } from './backups.repository';
import { BACKUP_RESTORE_STEPS, RESET_STEPS } from './staging-reset.handlers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class StagingResetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsRepository,
    private readonly jobsService: JobsService,
    private readonly backups: BackupsRepository,
    private readonly sites: SitesRepository,
    private readonly audit: AuditService,
  ) {}

  /** Staging becomes a copy of production (versions 0); the overwritten staging is kept as a backup. */
  async reset(site: Site, confirm: string, principal: Principal, requestId?: string) {
    if (confirm !== site.slug)
      throw new AppError(
        'invalid_confirmation',
        `Type the site's slug "${site.slug}" to confirm that staging will be overwritten.`,
        [{ path: 'body.confirm', message: `must be "${site.slug}"` }],
      );
    const job = await startSiteJob(this.dataSource, this.jobs, {
      siteId: site.id,
      kind: JobKind.Reset,
      params: {},
      principal,
      requestId,
      steps: plannedSteps(RESET_STEPS),
      before: async (tx) => ({ fromVersion: (await this.sites.environment(site.id, 'staging', tx)).version }),
      audit: (tx, jobId) =>
        this.audit.record({ siteId: site.id, principal, action: 'reset.requested', subject: jobId, requestId }, tx),
    });
    await this.jobsService.enqueue(job);
    return toJobDto(job);
  }

  async listBackups(site: Site, limit: number, cursor?: string) {
    const rows = await this.backups.list(site.id, limit + 1, decodeCursor(timeCursor, cursor));
    const page = keysetPage(rows, limit, timeCursor, (backup) => backup.createdAt);
    return { items: page.items.map(({ siteId: _siteId, ...backup }) => backup), nextCursor: page.nextCursor };
  }

  /** Puts a backup back into staging; the staging it overwrites becomes a backup in turn. */
  async restoreBackup(site: Site, backupId: string, principal: Principal, requestId?: string) {
    const backup = UUID.test(backupId) ? await this.backups.find(backupId) : null;
    if (!backup || backup.siteId !== site.id) throw new AppError('not_found', `No staging backup ${backupId}.`);
    const job = await startSiteJob(this.dataSource, this.jobs, {
      siteId: site.id,
      kind: JobKind.StagingBackupRestore,
      params: { backupId: backup.id },
      principal,
      requestId,
      steps: plannedSteps(BACKUP_RESTORE_STEPS),
      before: async (tx) => ({ fromVersion: (await this.sites.environment(site.id, 'staging', tx)).version }),
      audit: (tx, jobId) =>
        this.audit.record(
          {
            siteId: site.id,
            principal,
            action: 'staging_backup_restore.requested',
            subject: jobId,
            details: { backupId },
            requestId,
          },
          tx,
        ),
    });
    await this.jobsService.enqueue(job);
    return toJobDto(job);
  }
}
