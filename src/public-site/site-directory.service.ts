import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { Site } from '../sites/site.types';
import { SitesService } from '../sites/sites.service';

// Sites are created, never renamed; an unknown slug is remembered briefly so a flood of them stays cheap.
const FOUND_TTL_MS = 60_000;
const MISSING_TTL_MS = 5_000;

/** Sites by slug or id for the public site, in memory. */
@Injectable()
export class SiteDirectory {
  private readonly cache = new LRUCache<string, { site: Site | null }>({ max: 20_000, ttl: FOUND_TTL_MS });

  constructor(private readonly sites: SitesService) {}

  async find(slugOrId: string): Promise<Site | null> {
    const cached = this.peek(slugOrId);
    if (cached !== undefined) return cached;
    const site = await this.sites.findBySlugOrId(slugOrId);
    this.cache.set(slugOrId, { site }, { ttl: site ? FOUND_TTL_MS : MISSING_TTL_MS });
    return site;
  }

  /** What this node knows without asking: the site, null for a known miss, undefined when it must look. */
  peek(slugOrId: string): Site | null | undefined {
    return this.cache.get(slugOrId)?.site;
  }
}
