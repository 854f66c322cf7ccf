import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { Metrics } from '../platform/metrics/metrics';
import { SiteEventsService } from '../site-events/site-events.service';
import type { EnvironmentRow, EnvName } from '../sites/site.types';
import { EnvironmentsService } from '../environments/environments.service';

// The fallback when a pub/sub message is lost (or Redis is down): a head swap or a lease taken elsewhere is
// seen within this long. A lease's end needs no refresh at all: every node compares maintenance_until with its clock.
export const ENVIRONMENT_TTL_MS = 1000;
// A signed cookie the database itself is behind (a database restored from a backup) is not read for again
// sooner than this: at most one such read per site and interval, however many visitors carry one.
const REFUTED_MS = 1000;

interface Read {
  startedAt: number;
  row: Promise<EnvironmentRow>;
}

/**
 * Production's environment rows (head state and maintenance lease) in memory, refreshed at once by site
 * events and at most ENVIRONMENT_TTL_MS late without them. Staging rows are read fresh: staging writes
 * announce nothing, and previews are rare next to production's traffic.
 */
@Injectable()
export class EnvironmentCache implements OnModuleInit, OnModuleDestroy {
  private readonly rows = new LRUCache<string, EnvironmentRow>({ max: 20_000, ttl: ENVIRONMENT_TTL_MS });
  private readonly loading = new Map<string, Read>();
  private readonly refuted = new LRUCache<string, true>({ max: 20_000, ttl: REFUTED_MS });
  // Bumped by every event of a site: a read that started before the event must not overwrite what it announced.
  private readonly generations = new Map<string, number>();
  private unsubscribe?: () => void;

  constructor(
    private readonly environments: EnvironmentsService,
    private readonly events: SiteEventsService,
    private readonly metrics: Metrics,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe((event) => {
      if (event.env !== 'production' || ['domains', 'settings', 'variables'].includes(event.kind)) return;
      const served = this.rows.peek(event.siteId, { allowStale: true }) !== undefined;
      this.generations.set(event.siteId, (this.generations.get(event.siteId) ?? 0) + 1);
      this.rows.delete(event.siteId);
      this.loading.delete(event.siteId);
      // Read the new row now rather than on the next request, for sites this node is serving.
      if (served) this.load(event.siteId).catch(() => undefined);
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  async get(siteId: string, env: EnvName): Promise<EnvironmentRow> {
    if (env === 'staging') return this.environments.find(siteId, 'staging');
    return this.peek(siteId) ?? this.load(siteId);
  }

  /** Production's row if this node holds a fresh one, without waiting: for the cached-page fast path. */
  peek(siteId: string): EnvironmentRow | null {
    return this.rows.get(siteId) ?? null;
  }

  /**
   * Production's row at `version` or later, the version a visitor's signed cookie says it was served already:
   * a node behind it (the swap's message late or lost) reads the row before answering. Reads are shared; one
   * that started before this call may predate the swap, so when it is still behind, a read started after it
   * decides. Still behind then, the cookie is ahead of the database itself: served as is, not read for again
   * for REFUTED_MS.
   */
  async atLeast(siteId: string, version: number): Promise<EnvironmentRow> {
    const known = this.peek(siteId);
    if (known && known.version >= version) return known;
    if (this.refuted.has(siteId)) {
      this.metrics.headCatchup('throttled');
      return known ?? this.load(siteId);
    }
    const asked = this.rows.perf.now();
    const first = this.reading(siteId);
    let row = await first.row;
    // Any read begun now began after `first` ended, so after this call: it sees every swap a visitor saw.
    if (row.version < version && first.startedAt < asked) row = await this.load(siteId);
    if (row.version < version) this.refuted.set(siteId, true);
    this.metrics.headCatchup(row.version < version ? 'refuted' : 'caught_up');
    return row;
  }

  private load(siteId: string): Promise<EnvironmentRow> {
    return this.reading(siteId).row;
  }

  /** The read of the site's row in flight, or a new one. */
  private reading(siteId: string): Read {
    const pending = this.loading.get(siteId);
    if (pending) return pending;
    const generation = this.generations.get(siteId) ?? 0;
    // The row's age counts from before the query: it may be older than its arrival.
    const readAt = this.rows.perf.now();
    const read: Read = {
      startedAt: readAt,
      row: this.environments
        .find(siteId, 'production')
        .then((row) => {
          if ((this.generations.get(siteId) ?? 0) === generation) this.rows.set(siteId, row, { start: readAt });
          return row;
        })
        .finally(() => {
          if (this.loading.get(siteId) === read) this.loading.delete(siteId);
        }),
    };
    this.loading.set(siteId, read);
    return read;
  }
}
