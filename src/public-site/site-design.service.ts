import { Injectable } from '@nestjs/common';
import { buildDesign, DESIGN_TYPES, type PageAssets, type SiteDesign } from '../../libs/site-renderer';
import type { FormBody, MediaBody } from '../../libs/content-model';
import type { ContentSource } from './content-source';
import { LruCache } from './lru-cache';
import { PublicContentRepository } from './public-content.repository';

// A design is a few kilobytes; this many covers every busy site of a node several times over.
const DESIGNS = 500;

/** The design (settings, theme, CSS, layouts, components, popups, consent) of what an environment shows. */
@Injectable()
export class SiteDesignService {
  private readonly designs = new LruCache<SiteDesign>({ maxEntries: DESIGNS });
  private readonly loading = new Map<string, Promise<SiteDesign>>();

  constructor(private readonly content: PublicContentRepository) {}

  /** Cached by scope: a state never changes, so neither does its design. */
  async design(source: ContentSource, scope: string): Promise<SiteDesign> {
    const cached = this.designs.get(scope);
    if (cached) return cached;
    let pending = this.loading.get(scope);
    if (!pending) {
      pending = this.content
        .ofTypes(source, DESIGN_TYPES)
        .then((entities) => {
          const design = buildDesign(entities);
          this.designs.set(scope, design);
          return design;
        })
        .finally(() => this.loading.delete(scope));
      this.loading.set(scope, pending);
    }
    return pending;
  }

  /** The forms and media a page needs, in one query. */
  async assets(source: ContentSource, keys: { forms: string[]; media: string[] }): Promise<PageAssets> {
    const rows = await this.content.byKeys(source, [
      ...keys.forms.map((key) => ({ type: 'form', key })),
      ...keys.media.map((key) => ({ type: 'media', key })),
    ]);
    const forms = new Map<string, FormBody>();
    const media = new Map<string, MediaBody>();
    for (const row of rows) {
      if (row.type === 'form') forms.set(row.key, row.body);
      else media.set(row.key, row.body);
    }
    return { forms, media };
  }
}
