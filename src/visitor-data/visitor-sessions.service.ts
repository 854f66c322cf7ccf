import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { createHash, randomBytes } from 'node:crypto';
import type { Principal } from '../auth/principal';
import { Transactions } from '../platform/database/transactions';
import { Metrics } from '../platform/metrics/metrics';
import type { EnvName, Site } from '../sites/site.types';
import { BatchWriter } from './batch-writer';
import { describeWriteFailure, isRowFault } from './row-fault';
import { type SessionMark, SessionsRepository } from './sessions.repository';
import { assertMayRead } from './visitor-data-access';

/** Idle time after which a visitor's session ends (the usual analytics session). */
export const SESSION_TTL_SECONDS = 30 * 60;
// Refreshing the expiry at most once a minute per session keeps a page view from costing a write.
const TOUCH_EVERY_MS = 60_000;
const TOUCH_MEMORY = 100_000;
const TOKEN = /^[A-Za-z0-9_-]{32}$/;
// A session row the database refuses (its site removed meanwhile) is split out of its batch, and only it is lost.
const BATCH = { maxBatch: 500, maxDelayMs: 50, isolate: isRowFault };

/**
 * Visitor sessions, stored server-side with an expiry and refreshed on activity. Writes are batched and never
 * awaited by a page view: a lost write costs one session's accuracy, not a visitor's page.
 */
@Injectable()
export class VisitorSessionsService implements OnModuleDestroy {
  private readonly logger = new Logger(VisitorSessionsService.name);
  private readonly creates: BatchWriter<SessionMark>;
  private readonly touches: BatchWriter<SessionMark>;
  // By cookie token: the sessions this node refreshed lately, so most page views need neither a hash nor a write.
  private readonly recent = new LRUCache<string, { id: string; touchedAt: number }>({ max: TOUCH_MEMORY });

  constructor(
    private readonly transactions: Transactions,
    private readonly sessions: SessionsRepository,
    metrics: Metrics,
  ) {
    this.creates = new BatchWriter(
      (rows) => this.sessions.createMany(this.transactions.autocommit, rows, SESSION_TTL_SECONDS),
      { ...BATCH, ...metrics.batchWriterHooks('session_creates') },
    );
    this.touches = new BatchWriter(
      (rows) => this.sessions.touchMany(this.transactions.autocommit, rows, SESSION_TTL_SECONDS),
      { ...BATCH, ...metrics.batchWriterHooks('session_touches') },
    );
  }

  /** A new session: the cookie's secret and the session's id (a digest of it). */
  begin(siteId: string, env: EnvName): { token: string; id: string } {
    const token = randomBytes(24).toString('base64url');
    const id = sessionIdOf(token);
    this.recent.set(token, { id, touchedAt: Date.now() });
    this.write(this.creates, { id, siteId, env, at: new Date() });
    return { token, id };
  }

  /**
   * The session of a cookie's token, refreshed when its last refresh is a minute old (then `refreshed` tells
   * the caller to renew the cookie too). Null for a token that is not one of ours.
   */
  resume(siteId: string, env: EnvName, token: string): { id: string; refreshed: boolean } | null {
    if (!TOKEN.test(token)) return null;
    const now = Date.now();
    const known = this.recent.get(token);
    if (known && now - known.touchedAt < TOUCH_EVERY_MS) return { id: known.id, refreshed: false };
    const id = known?.id ?? sessionIdOf(token);
    this.recent.set(token, { id, touchedAt: now });
    this.write(this.touches, { id, siteId, env, at: new Date(now) });
    return { id, refreshed: true };
  }

  async list(site: Site, env: EnvName, principal: Principal, limit: number) {
    assertMayRead(principal, env);
    return this.sessions.active(this.transactions.autocommit, site.id, env, limit);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([this.creates.flush(), this.touches.flush()]).catch((error) => this.logger.error(error));
  }

  private write(writer: BatchWriter<SessionMark>, mark: SessionMark): void {
    writer.add(mark).catch((error) => this.logger.warn(`session write failed: ${describeWriteFailure(error)}`));
  }
}

/** The public id of a session: 128 bits of the token's digest, so the API never shows a usable cookie. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 32);
}
