import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../platform/database/sql';
import type { WebhookDto } from './webhooks.dto';

// Never the secret: it is read only where a delivery is signed (`signingOf`).
const COLUMNS = `id, url, events, created_by as "createdBy", created_at as "createdAt"`;

export interface WebhookSubscription {
  id: string;
  siteId: string;
  events: string[];
  createdAt: Date;
}

@Injectable()
export class WebhooksRepository {
  async insert(
    tx: EntityManager,
    values: { siteId: string; url: string; events: string[]; secret: string; createdBy: string },
  ): Promise<WebhookDto> {
    const [row] = await tx.query(
      `insert into webhooks (site_id, url, events, secret, created_by) values ($1, $2, $3, $4, $5) returning ${COLUMNS}`,
      [values.siteId, values.url, values.events, values.secret, values.createdBy],
    );
    return row;
  }

  async count(tx: EntityManager, siteId: string): Promise<number> {
    const [row] = await tx.query(`select count(*)::int as n from webhooks where site_id = $1`, [siteId]);
    return row.n;
  }

  list(tx: EntityManager, siteId: string): Promise<WebhookDto[]> {
    return tx.query(`select ${COLUMNS} from webhooks where site_id = $1 order by created_at, id`, [siteId]);
  }

  async find(tx: EntityManager, siteId: string, id: string): Promise<WebhookDto | null> {
    const rows = await tx.query(`select ${COLUMNS} from webhooks where site_id = $1 and id = $2`, [siteId, id]);
    return rows[0] ?? null;
  }

  /** Deletes the webhook and, by cascade, its delivery log; a queued delivery then finds nothing to send. */
  async delete(tx: EntityManager, siteId: string, id: string): Promise<boolean> {
    const rows = await queryRows(tx, `delete from webhooks where site_id = $1 and id = $2 returning id`, [siteId, id]);
    return rows.length > 0;
  }

  /** The subscriptions of some sites, for the dispatcher. */
  subscriptionsOf(tx: EntityManager, siteIds: string[]): Promise<WebhookSubscription[]> {
    return tx.query(
      `select id, site_id as "siteId", events, created_at as "createdAt" from webhooks where site_id = any($1)`,
      [siteIds],
    );
  }

  /** Where and with what a delivery is sent. */
  async signingOf(tx: EntityManager, id: string): Promise<{ url: string; secret: string } | null> {
    const rows = await tx.query(`select url, secret from webhooks where id = $1`, [id]);
    return rows[0] ?? null;
  }
}
