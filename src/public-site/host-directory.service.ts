import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { SiteEventsService } from '../site-events/site-events.service';
import type { EnvName } from '../sites/site.types';
import { DomainsService } from '../domains/domains.service';
import { SiteDirectory } from './site-directory.service';

export interface HostRoute {
  siteId: string;
  slug: string;
  env: EnvName;
  host: string;
  primaryHost: string | null;
}

// Domain changes are announced; the expiry only bounds a lost announcement. Unknown hosts (the API's own
// host among them) are cached too, so they cost one query per host per period, not one per request.
const TTL_MS = 10_000;

/** Which environment of which site a request's Host belongs to. */
@Injectable()
export class HostDirectory implements OnModuleInit, OnModuleDestroy {
  private readonly cache = new LRUCache<string, { route: HostRoute | null }>({ max: 20_000, ttl: TTL_MS });
  private unsubscribe?: () => void;

  constructor(
    private readonly domains: DomainsService,
    private readonly sites: SiteDirectory,
    private readonly events: SiteEventsService,
  ) {}

  onModuleInit(): void {
    // Which hosts a site just gained or lost is not in the event; clearing everything is cheap and correct.
    this.unsubscribe = this.events.subscribe((event) => {
      if (event.kind === 'domains') this.cache.clear();
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  async route(host: string): Promise<HostRoute | null> {
    const cached = this.peek(host);
    if (cached !== undefined) return cached;
    const found = await this.domains.route(host);
    const site = found ? await this.sites.find(found.siteId) : null;
    const route = found && site ? { ...found, slug: site.slug, host } : null;
    this.cache.set(host, { route });
    return route;
  }

  /** What this node knows without asking: the route, null for a known miss, undefined when it must look. */
  peek(host: string): HostRoute | null | undefined {
    return this.cache.get(host)?.route;
  }
}
