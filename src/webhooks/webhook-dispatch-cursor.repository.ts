import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** How far the dispatcher has read the audit log, and what it needs to tell a gap from a late commit. */
@Injectable()
export class WebhookDispatchCursorRepository {
  /** The cursor, locked for this transaction; null when another dispatcher holds it (it is working now). */
  async lock(tx: EntityManager): Promise<string | null> {
    const rows = await tx.query(
      `select audit_id::text as "auditId" from webhook_dispatch_cursor for update skip locked`,
    );
    return rows[0]?.auditId ?? null;
  }

  async advance(tx: EntityManager, auditId: string): Promise<void> {
    await tx.query(`update webhook_dispatch_cursor set audit_id = $1`, [auditId]);
  }

  /** Every transaction id below this one had started when this ran (pg_current_snapshot's xmax). */
  async snapshotXmax(tx: EntityManager): Promise<string> {
    const [row] = await tx.query(`select pg_snapshot_xmax(pg_current_snapshot())::text as xmax`);
    return row.xmax;
  }

  /** Whether every transaction that had started by `xmax` has ended (committed or rolled back). */
  async allEndedBefore(tx: EntityManager, xmax: string): Promise<boolean> {
    const [row] = await tx.query(`select pg_snapshot_xmin(pg_current_snapshot()) >= $1::xid8 as ended`, [xmax]);
    return row.ended;
  }
}
