import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface StagingBackupRow {
  id: string;
  siteId: string;
  reason: 'reset' | 'backup_restore';
  stagingVersion: number;
  entityCount: number;
  jobId: string | null;
  createdAt: Date;
}

const COLUMNS = `id, site_id as "siteId", reason, staging_version::int as "stagingVersion", entity_count as "entityCount",
  job_id as "jobId", created_at as "createdAt"`;

/** Staging's working manifest, kept whole (drafts and published) before a reset or a backup restore overwrites it. */
@Injectable()
export class BackupsRepository {
  /** Copies staging's manifest into a backup; keyed by the job, so a retried job keeps its first backup. */
  async backUpStaging(
    tx: EntityManager,
    siteId: string,
    reason: StagingBackupRow['reason'],
    jobId: string,
  ): Promise<StagingBackupRow> {
    const [existing] = await tx.query(`select ${COLUMNS} from staging_backups where job_id = $1`, [jobId]);
    if (existing) return existing;
    const [backup] = await tx.query(
      `insert into staging_backups (site_id, reason, staging_version, entity_count, job_id)
       select $1, $2, e.version, (select count(*) from staging_entries where site_id = $1), $3
       from environments e where e.site_id = $1 and e.name = 'staging' returning ${COLUMNS}`,
      [siteId, reason, jobId],
    );
    await this.copyStagingInto(tx, backup.id, siteId);
    return backup;
  }

  /** The backup holds staging's manifest as it is now (under the caller's lock of the staging row). */
  async refreshBackup(tx: EntityManager, backupId: string, siteId: string): Promise<void> {
    await tx.query(`delete from staging_backup_entries where backup_id = $1`, [backupId]);
    await this.copyStagingInto(tx, backupId, siteId);
    await tx.query(
      `update staging_backups b set entity_count = (select count(*) from staging_backup_entries where backup_id = b.id),
         staging_version = e.version
       from environments e where b.id = $1 and e.site_id = $2 and e.name = 'staging'`,
      [backupId, siteId],
    );
  }

  /** Staging's manifest becomes a copy of a production state, every entity at version 0. */
  async replaceStagingWithState(tx: EntityManager, siteId: string, stateId: number): Promise<number> {
    await tx.query(`delete from staging_entries where site_id = $1`, [siteId]);
    await tx.query(
      `insert into staging_entries (site_id, type, key, data_revision_id, published_revision_id, version, route)
       select $1, type, key, revision_id, revision_id, 0, route from state_manifest($2)`,
      [siteId, stateId],
    );
    const [row] = await tx.query(`select count(*)::int as n from staging_entries where site_id = $1`, [siteId]);
    return row.n;
  }

  /** Staging's manifest becomes a backup's again, drafts included. */
  async replaceStagingWithBackup(tx: EntityManager, siteId: string, backupId: string): Promise<number> {
    await tx.query(`delete from staging_entries where site_id = $1`, [siteId]);
    await tx.query(
      `insert into staging_entries (site_id, type, key, data_revision_id, published_revision_id, version, route)
       select $1, type, key, data_revision_id, published_revision_id, version, route from staging_backup_entries where backup_id = $2`,
      [siteId, backupId],
    );
    const [row] = await tx.query(`select count(*)::int as n from staging_entries where site_id = $1`, [siteId]);
    return row.n;
  }

  async findByJob(tx: EntityManager, jobId: string): Promise<StagingBackupRow | null> {
    const rows = await tx.query(`select ${COLUMNS} from staging_backups where job_id = $1`, [jobId]);
    return rows[0] ?? null;
  }

  async find(tx: EntityManager, id: string): Promise<StagingBackupRow | null> {
    const rows = await tx.query(`select ${COLUMNS} from staging_backups where id = $1`, [id]);
    return rows[0] ?? null;
  }

  list(tx: EntityManager, siteId: string, limit: number, before?: Date): Promise<StagingBackupRow[]> {
    return tx.query(
      `select ${COLUMNS} from staging_backups where site_id = $1 and ($2::timestamptz is null or created_at < $2)
       order by created_at desc limit $3`,
      [siteId, before ?? null, limit],
    );
  }

  private async copyStagingInto(tx: EntityManager, backupId: string, siteId: string): Promise<void> {
    await tx.query(
      `insert into staging_backup_entries (backup_id, type, key, data_revision_id, published_revision_id, version, route)
       select $1, type, key, data_revision_id, published_revision_id, version, route from staging_entries where site_id = $2`,
      [backupId, siteId],
    );
  }
}
