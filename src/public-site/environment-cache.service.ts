import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { SiteEventsService } from '../site-events/site-events.service';
import type { EnvironmentRow, EnvName } from '../sites/site.types';
import { EnvironmentsService } from '../environments/environments.service';

// The fallback when a pub/sub message is lost (or Redis is down): a head swap or a lease taken elsewhere is
// seen within this long. A lease's end needs no refresh at all: every node compares maintenance_until with its clock.
export const ENVIRONMENT_TTL_MS = 1000;

/**
 * Production's environment rows (head state and maintenance lease) in memory, refreshed at once by site
 * events and at most ENVIRONMENT_TTL_MS late without them. Staging rows are read fresh: staging writes
 * announce nothing, and previews are rare next to production's traffic.
 */
@Injectable()
export class EnvironmentCache implements OnModuleInit, OnModuleDestroy {
  private readonly rows = new LRUCache<string, EnvironmentRow>({ max: 20_000, ttl: ENVIRONMENT_TTL_MS });
  private readonly loading = new Map<string, Promise<EnvironmentRow>>();
  // Bumped by every event of a site: a read that started before the event must not overwrite what it announced.
  private readonly generations = new Map<string, number>();
  private unsubscribe?: () => void;

  constructor(
    private readonly environments: EnvironmentsService,
    private readonly events: SiteEventsService,
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

  private load(siteId: string): Promise<EnvironmentRow> {
    const pending = this.loading.get(siteId);
    if (pending) return pending;
    const generation = this.generations.get(siteId) ?? 0;
    // The row's age counts from before the query: it may be older than its arrival.
    const readAt = this.rows.perf.now();
    const load = this.environments
      .find(siteId, 'production')
      .then((row) => {
        if ((this.generations.get(siteId) ?? 0) === generation) this.rows.set(siteId, row, { start: readAt });
        return row;
      })
      .finally(() => {
        if (this.loading.get(siteId) === load) this.loading.delete(siteId);
      });
    this.loading.set(siteId, load);
    return load;
  }
}
