import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../platform/database/sql';
import type { SiteRole } from './principal';
import { hashToken } from './token-hash';

export interface SiteTokenRow {
  id: string;
  siteId: string;
  role: SiteRole;
  label: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const COLUMNS = `id, site_id as "siteId", role, label, created_at as "createdAt", last_used_at as "lastUsedAt", revoked_at as "revokedAt"`;

@Injectable()
export class TokensRepository {
  async insert(tx: EntityManager, siteId: string, role: SiteRole, label: string, token: string): Promise<SiteTokenRow> {
    const [row] = await tx.query(
      `insert into site_tokens (site_id, role, label, token_hash) values ($1, $2, $3, $4) returning ${COLUMNS}`,
      [siteId, role, label, hashToken(token)],
    );
    return row;
  }

  async findActiveByToken(tx: EntityManager, token: string): Promise<SiteTokenRow | null> {
    // last_used_at is refreshed at most once a minute so that reads stay reads.
    const rows = await queryRows<SiteTokenRow>(
      tx,
      `update site_tokens set last_used_at = case when last_used_at is null or last_used_at < now() - interval '1 minute'
         then now() else last_used_at end
       where token_hash = $1 and revoked_at is null returning ${COLUMNS}`,
      [hashToken(token)],
    );
    return rows[0] ?? null;
  }

  /** Whether a token still stands (not revoked), without touching its last use: open streams ask this. */
  async isActive(tx: EntityManager, id: string): Promise<boolean> {
    const rows = await tx.query(`select 1 from site_tokens where id = $1 and revoked_at is null`, [id]);
    return rows.length > 0;
  }

  list(tx: EntityManager, siteId: string): Promise<SiteTokenRow[]> {
    return tx.query(`select ${COLUMNS} from site_tokens where site_id = $1 order by created_at`, [siteId]);
  }

  async revoke(tx: EntityManager, siteId: string, id: string): Promise<boolean> {
    const rows = await queryRows(
      tx,
      `update site_tokens set revoked_at = coalesce(revoked_at, now()) where site_id = $1 and id = $2 returning id`,
      [siteId, id],
    );
    return rows.length > 0;
  }
}
