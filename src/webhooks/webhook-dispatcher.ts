import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService, type AuditLogEntry } from '../audit/audit.service';
import { Transactions } from '../platform/database/transactions';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDeliveryQueue } from './webhook-delivery-queue';
import { WebhookDispatchCursorRepository } from './webhook-dispatch-cursor.repository';
import { eventOfAction, patternsHearing } from './webhook-events';
import { WebhookPayloads } from './webhook-payloads';
import { WebhooksRepository } from './webhooks.repository';

const POLL_MS = 500;
const BATCH = 200;
// A gap in the ids is a transaction that has not committed yet, or one that rolled back. It is skipped only once
// every transaction running when it was first seen has ended, and never sooner than this.
const GAP_GRACE_MS = 1000;
const SWEEP_EVERY_MS = 30_000;

interface Gap {
  at: bigint;
  xmax: string;
  seenAt: number;
}

/**
 * Follows the audit log as an outbox: every entry whose action is a webhook event becomes one delivery per
 * webhook of its site that listens, in id order, each (webhook, entry) once. The cursor row's lock lets one
 * worker dispatch at a time; the rows and the cursor commit together, the queue entries follow the commit.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private gap?: Gap;
  private lastSweep = 0;
  private stopped = false;

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly cursor: WebhookDispatchCursorRepository,
    private readonly webhooks: WebhooksRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly payloads: WebhookPayloads,
    private readonly queue: WebhookDeliveryQueue,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .catch((error: unknown) => {
          this.logger.warn(`Webhook dispatch failed, will retry: ${String(error)}`);
          return false;
        })
        .then((more) => this.schedule(more ? 0 : POLL_MS));
    }, ms);
  }

  /** One batch; true when the batch was full (more entries are waiting). */
  async tick(): Promise<boolean> {
    const { created, full } = await this.transactions.run({}, async (tx) => {
      const after = await this.cursor.lock(tx);
      if (after === null) return { created: [], full: false };
      const entries = await this.audit.readAfter(after, BATCH, tx);
      // Taken after the read: a gap's transaction, if still open, is one this snapshot sees running.
      const xmax = await this.cursor.snapshotXmax(tx);
      const ready = await this.contiguous(after, entries, xmax, tx);
      if (!ready.length) return { created: [], full: false };
      const created = await this.dispatch(ready, tx);
      await this.cursor.advance(tx, ready[ready.length - 1].id);
      return { created, full: entries.length === BATCH && ready.length === entries.length };
    });
    for (const id of created) await this.queue.enqueue(id);
    await this.sweep();
    return full;
  }

  /** The entries up to the first gap that may still fill (see GAP_GRACE_MS). */
  private async contiguous(
    after: string,
    entries: AuditLogEntry[],
    xmax: string,
    tx: EntityManager,
  ): Promise<AuditLogEntry[]> {
    const ready: AuditLogEntry[] = [];
    let expected = BigInt(after) + 1n;
    for (const entry of entries) {
      const id = BigInt(entry.id);
      if (id !== expected) {
        if (this.gap?.at !== expected) {
          this.gap = { at: expected, xmax, seenAt: Date.now() };
          break;
        }
        const settled =
          Date.now() - this.gap.seenAt >= GAP_GRACE_MS && (await this.cursor.allEndedBefore(tx, this.gap.xmax));
        if (!settled) break;
        this.gap = undefined;
      }
      ready.push(entry);
      expected = id + 1n;
    }
    return ready;
  }

  private async dispatch(entries: AuditLogEntry[], tx: EntityManager): Promise<string[]> {
    const events = entries.flatMap((entry) => {
      const event = entry.siteId ? eventOfAction(entry.action) : null;
      return event ? [{ entry, event }] : [];
    });
    if (!events.length) return [];
    const subscriptions = await this.webhooks.subscriptionsOf(tx, [...new Set(events.map((e) => e.entry.siteId!))]);
    const created: string[] = [];
    for (const { entry, event } of events) {
      const hearing = patternsHearing(event);
      // A webhook hears what happened after it was made, not the backlog before it.
      const webhookIds = subscriptions
        .filter((s) => s.siteId === entry.siteId && new Date(s.createdAt) <= new Date(entry.createdAt))
        .filter((s) => s.events.some((pattern) => hearing.includes(pattern)))
        .map((s) => s.id);
      if (!webhookIds.length) continue;
      const payload = await this.payloads.build(entry, event);
      if (!payload) continue;
      created.push(...(await this.deliveries.insertForEvent(tx, { auditId: entry.id, event, payload, webhookIds })));
    }
    return created;
  }

  /** Now and then, queue again the pending deliveries whose queue entry was lost (Redis down or wiped). */
  private async sweep(): Promise<void> {
    if (Date.now() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = Date.now();
    for (const { id } of await this.deliveries.listOverdue(this.transactions.autocommit, 100))
      await this.queue.enqueue(id);
  }
}
