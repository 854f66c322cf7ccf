import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../platform/database/sql';

export interface SnapshotRow {
  id: string;
  siteId: string;
  stateId: number;
  label: string;
  productionVersion: number;
  origin: 'manual' | 'promotion';
  jobId: string | null;
  createdBy: string | null;
  createdAt: Date;
  entityCount: number;
}

const COLUMNS = `s.id, s.site_id as "siteId", s.state_id::int as "stateId", s.label, s.production_version::int as "productionVersion",
  s.origin, s.job_id as "jobId", s.created_by as "createdBy", s.created_at as "createdAt", c.entity_count as "entityCount"`;

/** A snapshot pins a production state: a row, never a copy of the content. */
@Injectable()
export class SnapshotsRepository {
  /** Pins production's current head. With a job id, a retried job finds the snapshot it already took. */
  async pinHead(
    tx: EntityManager,
    values: { siteId: string; label: string; origin: 'manual' | 'promotion'; createdBy: string; jobId?: string },
  ): Promise<SnapshotRow> {
    const rows = await queryRows<{ id: string }>(
      tx,
      `insert into snapshots (site_id, state_id, label, production_version, origin, job_id, created_by)
       select site_id, head_state_id, $2, version, $3, $4, $5 from environments where site_id = $1 and name = 'production'
       on conflict (job_id) where job_id is not null do nothing returning id`,
      [values.siteId, values.label, values.origin, values.jobId ?? null, values.createdBy],
    );
    const id = rows[0]?.id ?? (await tx.query(`select id from snapshots where job_id = $1`, [values.jobId]))[0].id;
    return (await this.find(tx, id))!;
  }

  async find(tx: EntityManager, id: string): Promise<SnapshotRow | null> {
    const rows = await tx.query(
      `select ${COLUMNS} from snapshots s join content_states c on c.id = s.state_id where s.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  list(tx: EntityManager, siteId: string, limit: number, before?: Date): Promise<SnapshotRow[]> {
    return tx.query(
      `select ${COLUMNS} from snapshots s join content_states c on c.id = s.state_id
       where s.site_id = $1 and ($2::timestamptz is null or s.created_at < $2) order by s.created_at desc limit $3`,
      [siteId, before ?? null, limit],
    );
  }

  async count(tx: EntityManager, siteId: string): Promise<number> {
    const [row] = await tx.query(`select count(*)::int as n from snapshots where site_id = $1`, [siteId]);
    return row.n;
  }

  async delete(tx: EntityManager, siteId: string, id: string): Promise<boolean> {
    const rows = await queryRows(tx, `delete from snapshots where site_id = $1 and id = $2 returning id`, [siteId, id]);
    return rows.length > 0;
  }
}
