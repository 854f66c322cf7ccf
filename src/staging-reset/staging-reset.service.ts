import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { Transactions } from '../platform/database/transactions';
import { AppError } from '../platform/errors/app-error';
import { decodeCursor, keysetPage, timeCursor } from '../platform/validation/keyset-cursor';
import { JobKind } from '../jobs/job-names';
import { JobsService } from '../jobs/jobs.service';
import type { Site } from '../sites/site.types';
import { EnvironmentsService } from '../environments/environments.service';
import { isUuid } from '../platform/validation/id.pipe';
import { SnapshotsService } from '../snapshots/snapshots.service';
import { BackupsRepository } from './backups.repository';

export interface ResetRequest {
  confirm: string;
  fromSnapshot?: string;
}

@Injectable()
export class StagingResetService {
  constructor(
    private readonly transactions: Transactions,
    private readonly jobs: JobsService,
    private readonly backups: BackupsRepository,
    private readonly environments: EnvironmentsService,
    private readonly snapshots: SnapshotsService,
  ) {}

  /**
   * Staging becomes a copy of production, or of a snapshot's state to rehearse restoring it (versions 0); the
   * overwritten staging is kept as a backup. Production is never touched.
   */
  async reset(site: Site, body: ResetRequest, principal: Principal, requestId?: string) {
    if (body.confirm !== site.slug)
      throw new AppError(
        'invalid_confirmation',
        `Type the site's slug "${site.slug}" to confirm that staging will be overwritten.`,
        [{ path: 'body.confirm', message: `must be "${site.slug}"` }],
      );
    const snapshot = body.fromSnapshot === undefined ? null : await this.snapshotOf(site, body.fromSnapshot);
    return this.jobs.start(JobKind.Reset, {
      siteId: site.id,
      params: snapshot ? { snapshotId: snapshot.id } : {},
      principal,
      requestId,
      before: async (tx) => ({ fromVersion: (await this.environments.find(site.id, 'staging', tx)).version }),
      auditDetails: () => (snapshot ? { snapshotId: snapshot.id, label: snapshot.label } : {}),
      afterInsert: snapshot ? async () => ({ snapshotId: snapshot.id }) : undefined,
    });
  }

  /** Another site's snapshot, a deleted one and an id that is no snapshot's all answer the same 404. */
  private async snapshotOf(site: Site, id: string) {
    const snapshot = isUuid(id) ? await this.snapshots.find(id) : null;
    if (!snapshot || snapshot.siteId !== site.id) throw new AppError('not_found', `No snapshot ${id.slice(0, 60)}.`);
    return snapshot;
  }

  async listBackups(site: Site, limit: number, cursor?: string) {
    const rows = await this.backups.list(
      this.transactions.autocommit,
      site.id,
      limit + 1,
      decodeCursor(timeCursor, cursor),
    );
    const page = keysetPage(rows, limit, timeCursor, (backup) => backup.createdAt);
    return { items: page.items.map(({ siteId: _siteId, ...backup }) => backup), nextCursor: page.nextCursor };
  }

  /** Puts a backup back into staging; the staging it overwrites becomes a backup in turn. */
  async restoreBackup(site: Site, backupId: string, principal: Principal, requestId?: string) {
    const backup = await this.backups.find(this.transactions.autocommit, backupId);
    if (!backup || backup.siteId !== site.id) throw new AppError('not_found', `No staging backup ${backupId}.`);
    return this.jobs.start(JobKind.StagingBackupRestore, {
      siteId: site.id,
      params: { backupId: backup.id },
      principal,
      requestId,
      before: async (tx) => ({ fromVersion: (await this.environments.find(site.id, 'staging', tx)).version }),
      auditDetails: () => ({ backupId }),
    });
  }
}
