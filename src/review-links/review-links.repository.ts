import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
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
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    values: { siteId: string; label: string; token: string; expiresInHours: number; createdBy: string },
    tx: EntityManager = this.dataSource.manager,
  ): Promise<ReviewLinkRow> {
    const [row] = await tx.query(
      `insert into review_links (site_id, label, token_hash, expires_at, created_by)
       values ($1, $2, $3, now() + make_interval(hours => $4), $5) returning ${COLUMNS}`,
      [values.siteId, values.label, hashToken(values.token), values.expiresInHours, values.createdBy],
    );
    return row;
  }

  list(siteId: string): Promise<ReviewLinkRow[]> {
    return this.dataSource.query(
      `select ${COLUMNS} from review_links where site_id = $1 order by created_at desc limit 500`,
      [siteId],
    );
  }

  /** The link a token opens on this site, only while it is neither expired nor revoked. */
  async findUsable(siteId: string, token: string): Promise<ReviewLinkRow | null> {
    const rows = await this.dataSource.query(
      `select ${COLUMNS} from review_links
       where token_hash = $1 and site_id = $2 and revoked_at is null and expires_at > now()`,
      [hashToken(token), siteId],
    );
    return rows[0] ?? null;
  }

  async revoke(siteId: string, id: string, tx: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = await queryRows(
      tx,
      `update review_links set revoked_at = coalesce(revoked_at, now()) where site_id = $1 and id = $2 returning id`,
      [siteId, id],
    );
    return rows.length > 0;
  }
}
