import { Injectable } from '@nestjs/common';
import type { Site } from '../sites/site.types';
import { SitesService } from '../sites/sites.service';
import { LruCache } from './lru-cache';

// Sites are created, never renamed; an unknown slug is remembered briefly so a flood of them stays cheap.
const FOUND_TTL_MS = 60_000;
const MISSING_TTL_MS = 5_000;

/** Sites by slug or id for the public site, in memory. */
@Injectable()
export class SiteDirectory {
  private readonly cache = new LruCache<{ site: Site | null; until: number }>({ maxEntries: 20_000 });

  constructor(private readonly sites: SitesService) {}

  async find(slugOrId: string): Promise<Site | null> {
    const cached = this.peek(slugOrId);
    if (cached !== undefined) return cached;
    const site = await this.sites.findBySlugOrId(slugOrId);
    this.cache.set(slugOrId, { site, until: Date.now() + (site ? FOUND_TTL_MS : MISSING_TTL_MS) });
    return site;
  }

  /** What this node knows without asking: the site, null for a known miss, undefined when it must look. */
  peek(slugOrId: string): Site | null | undefined {
    const cached = this.cache.get(slugOrId);
    return cached && cached.until > Date.now() ? cached.site : undefined;
  }
}
