import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { bigintCursor, decodeCursor, keysetPage } from '../platform/validation/keyset-cursor';

export interface AuditEntry {
  siteId: string | null;
  principal: { actor: string; role: string };
  action: string;
  subject?: string;
  details?: Record<string, unknown>;
  requestId?: string;
}

export interface AuditRecord {
  id: string;
  actor: string;
  actorRole: string;
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
  createdAt: Date;
}

export interface AuditLogEntry extends AuditRecord {
  siteId: string | null;
}

/** Who did what, when, with which versions: written in the same transaction as the change it records. */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(entry: AuditEntry, tx: EntityManager = this.dataSource.manager): Promise<void> {
    await tx.query(
      `insert into audit_log (site_id, actor, actor_role, action, subject, details, request_id) values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.siteId,
        entry.principal.actor,
        entry.principal.role,
        entry.action,
        entry.subject ?? null,
        JSON.stringify(entry.details ?? {}),
        entry.requestId || null,
      ],
    );
  }

  /**
   * Entries after an id, oldest first, of every site (the webhook dispatcher follows the log as its outbox).
   * Ids are handed out at insert and become visible at commit, so a reader may see a gap that fills later.
   */
  readAfter(afterId: string, limit: number, tx: EntityManager = this.dataSource.manager): Promise<AuditLogEntry[]> {
    return tx.query(
      `select id::text, site_id as "siteId", actor, actor_role as "actorRole", action, subject, details,
              request_id as "requestId", created_at as "createdAt"
       from audit_log where id > $1 order by id limit $2`,
      [afterId, limit],
    );
  }

  async list(
    siteId: string,
    limit: number,
    cursor?: string,
  ): Promise<{ items: AuditRecord[]; nextCursor: string | null }> {
    const before = decodeCursor(bigintCursor, cursor) ?? null;
    // Ordered by the table's bigint id: the output column `id` is text, and text sorts 9 after 10.
    const items: AuditRecord[] = await this.dataSource.query(
      `select id::text, actor, actor_role as "actorRole", action, subject, details, request_id as "requestId", created_at as "createdAt"
       from audit_log where site_id = $1 and ($2::bigint is null or id < $2) order by audit_log.id desc limit $3`,
      [siteId, before, limit + 1],
    );
    return keysetPage(items, limit, bigintCursor, (entry) => entry.id);
  }
}
