import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../platform/database/sql';
import { hashToken } from '../auth/token-hash';

export interface ReviewLinkRow {
  id: string;
  siteId: string;
  label: string;
  expiresAt: Date;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
}

const COLUMNS = `id, site_id as "siteId", label, expires_at as "expiresAt", created_by as "createdBy",
  created_at as "createdAt", revoked_at as "revokedAt"`;

@Injectable()
export class ReviewLinksRepository {
  async insert(
    tx: EntityManager,
    values: { siteId: string; label: string; token: string; expiresInHours: number; createdBy: string },
  ): Promise<ReviewLinkRow> {
    const [row] = await tx.query(
      `insert into review_links (site_id, label, token_hash, expires_at, created_by)
       values ($1, $2, $3, now() + make_interval(hours => $4), $5) returning ${COLUMNS}`,
      [values.siteId, values.label, hashToken(values.token), values.expiresInHours, values.createdBy],
    );
    return row;
  }

  list(tx: EntityManager, siteId: string): Promise<ReviewLinkRow[]> {
    return tx.query(`select ${COLUMNS} from review_links where site_id = $1 order by created_at desc limit 500`, [
      siteId,
    ]);
  }

  /** The link a token opens on this site, only while it is neither expired nor revoked. */
  async findUsable(tx: EntityManager, siteId: string, token: string): Promise<ReviewLinkRow | null> {
    const rows = await tx.query(
      `select ${COLUMNS} from review_links
       where token_hash = $1 and site_id = $2 and revoked_at is null and expires_at > now()`,
      [hashToken(token), siteId],
    );
    return rows[0] ?? null;
  }

  async revoke(tx: EntityManager, siteId: string, id: string): Promise<boolean> {
    const rows = await queryRows(
      tx,
      `update review_links set revoked_at = coalesce(revoked_at, now()) where site_id = $1 and id = $2 returning id`,
      [siteId, id],
    );
    return rows.length > 0;
  }
}
