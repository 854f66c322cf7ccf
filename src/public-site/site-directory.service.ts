import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { SiteEventsService } from '../site-events/site-events.service';
import type { Site } from '../sites/site.types';
import { SitesService } from '../sites/sites.service';

// Sites are created, never renamed; an unknown slug is remembered briefly so a flood of them stays cheap. A
// change of a site's settings is announced (and FOUND_TTL_MS bounds how late a node without the message sees it).
const FOUND_TTL_MS = 60_000;
const MISSING_TTL_MS = 5_000;

/** Sites by slug or id for the public site, in memory. */
@Injectable()
export class SiteDirectory implements OnModuleInit, OnModuleDestroy {
  private readonly cache = new LRUCache<string, { site: Site | null }>({ max: 20_000, ttl: FOUND_TTL_MS });
  private unsubscribe?: () => void;
  // Bumped by every settings event: a read that started before one must not put back what it replaced.
  private generation = 0;

  constructor(
    private readonly sites: SitesService,
    private readonly events: SiteEventsService,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe((event) => {
      // Settings change rarely and entries are keyed by slug or id: forgetting every site is simpler than an index.
      if (event.kind !== 'settings') return;
      this.generation++;
      this.cache.clear();
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  async find(slugOrId: string): Promise<Site | null> {
    const cached = this.peek(slugOrId);
    if (cached !== undefined) return cached;
    const generation = this.generation;
    const site = await this.sites.findBySlugOrId(slugOrId);
    if (generation === this.generation)
      this.cache.set(slugOrId, { site }, { ttl: site ? FOUND_TTL_MS : MISSING_TTL_MS });
    return site;
  }

  /** What this node knows without asking: the site, null for a known miss, undefined when it must look. */
  peek(slugOrId: string): Site | null | undefined {
    return this.cache.get(slugOrId)?.site;
  }
}
