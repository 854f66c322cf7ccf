import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../platform/database/sql';
import type { DeliveryAttemptDto, DeliveryDto, WebhookPayload } from './webhooks.dto';

export interface PendingDelivery {
  id: string;
  webhookId: string;
  event: string;
  payload: WebhookPayload;
  attempts: number;
}

export interface AttemptOutcome {
  number: number;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
}

/** Deliveries (one per webhook and audit entry) and every attempt at each. */
@Injectable()
export class WebhookDeliveriesRepository {
  /** One delivery per webhook for an event; an entry seen again adds nothing (unique per webhook and entry). */
  async insertForEvent(
    tx: EntityManager,
    values: { auditId: string; event: string; payload: WebhookPayload; webhookIds: string[] },
  ): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `insert into webhook_deliveries (webhook_id, audit_id, event, payload)
       select unnest($1::uuid[]), $2, $3, $4
       on conflict (webhook_id, audit_id) do nothing returning id`,
      [values.webhookIds, values.auditId, values.event, JSON.stringify(values.payload)],
    );
    return rows.map((row) => row.id);
  }

  async findPending(tx: EntityManager, id: string): Promise<PendingDelivery | null> {
    const rows = await tx.query(
      `select id, webhook_id as "webhookId", event, payload, attempts from webhook_deliveries
       where id = $1 and status = 'pending'`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * One attempt and where the delivery stands after it, together: succeeded, failed for good, or pending until
   * the next attempt. False when the delivery was no longer pending (another copy of the job got there first).
   */
  async recordAttempt(
    tx: EntityManager,
    id: string,
    attempt: AttemptOutcome,
    next: { status: 'succeeded' | 'failed' } | { status: 'pending'; retryInMs: number },
  ): Promise<boolean> {
    const updated = await queryRows(
      tx,
      `update webhook_deliveries set attempts = $2, status = $3,
         next_attempt_at = case when $3 = 'pending' then now() + make_interval(secs => $4) else next_attempt_at end,
         finished_at = case when $3 = 'pending' then null else now() end
       where id = $1 and status = 'pending' and attempts = $2 - 1 returning id`,
      [id, attempt.number, next.status, next.status === 'pending' ? next.retryInMs / 1000 : 0],
    );
    if (!updated.length) return false;
    await tx.query(
      `insert into webhook_delivery_attempts (delivery_id, number, started_at, duration_ms, status_code, error, response_excerpt)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        id,
        attempt.number,
        attempt.startedAt,
        attempt.durationMs,
        attempt.statusCode,
        attempt.error,
        attempt.responseExcerpt,
      ],
    );
    return true;
  }

  /** Pending deliveries whose attempt is overdue by a minute: their queue entry was lost (Redis down or wiped). */
  async listOverdue(tx: EntityManager, limit: number): Promise<{ id: string }[]> {
    return tx.query(
      `select id from webhook_deliveries where status = 'pending' and next_attempt_at < now() - interval '1 minute'
       order by next_attempt_at limit $1`,
      [limit],
    );
  }

  /** A webhook's deliveries, newest event first, with their attempts (at most one attempt list per delivery). */
  async listForWebhook(tx: EntityManager, webhookId: string, limit: number, beforeAuditId: string | null) {
    const deliveries: (Omit<DeliveryDto, 'attempts'> & { auditId: string })[] = await tx.query(
      `select id, event, audit_id::text as "auditId", audit_id::text as "eventId", status, created_at as "createdAt",
              case when status = 'pending' then next_attempt_at end as "nextAttemptAt", finished_at as "finishedAt"
       from webhook_deliveries where webhook_id = $1 and ($2::bigint is null or audit_id < $2)
       order by audit_id desc limit $3`,
      [webhookId, beforeAuditId, limit],
    );
    const attempts: (DeliveryAttemptDto & { deliveryId: string })[] = deliveries.length
      ? await tx.query(
          `select delivery_id as "deliveryId", number, started_at as "at", duration_ms as "durationMs",
                  status_code as "statusCode", error, response_excerpt as "responseExcerpt"
           from webhook_delivery_attempts where delivery_id = any($1) order by delivery_id, number`,
          [deliveries.map((d) => d.id)],
        )
      : [];
    return deliveries.map(({ auditId, ...delivery }) => ({
      auditId,
      delivery: {
        ...delivery,
        eventId: `evt_${delivery.eventId}`,
        attempts: attempts.filter((a) => a.deliveryId === delivery.id).map(({ deliveryId: _, ...a }) => a),
      } as DeliveryDto,
    }));
  }
}
