import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { buildDesign, DESIGN_TYPES, type PageAssets, type SiteDesign } from '../../libs/site-renderer';
import type { FormBody, MediaBody } from '../../libs/content-model';
import { type ContentSource, stateScope } from './content-source';
import { ContentReads } from './content-reads.service';
import { PublicContentRepository } from './public-content.repository';

// A design is a few kilobytes; this many covers every busy site of a node several times over.
const DESIGNS = 500;

/** The design (settings, theme, CSS, layouts, components, popups, consent) of what an environment shows. */
@Injectable()
export class SiteDesignService {
  // fetch() reads a scope's design once however many requests ask for it at the same time.
  private readonly designs = new LRUCache<string, SiteDesign, { source: ContentSource }>({
    max: DESIGNS,
    fetchMethod: async (_scope, _stale, { context }) => {
      const { source } = context;
      // A state that changed no design entity over its parent (most promotions) has the parent's design: the
      // first page after a swap (the post-swap check's) renders without reading the design again.
      const parent =
        source.kind === 'state'
          ? await this.reads.run(source, (tx) => this.content.parentWithSame(tx, source.stateId, DESIGN_TYPES))
          : null;
      if (parent !== null) return this.design({ kind: 'state', stateId: parent }, stateScope(parent));
      return buildDesign(await this.reads.run(source, (tx) => this.content.ofTypes(tx, source, DESIGN_TYPES)));
    },
  });

  constructor(
    private readonly reads: ContentReads,
    private readonly content: PublicContentRepository,
  ) {}

  /** Cached by scope: a state never changes, so neither does its design. */
  async design(source: ContentSource, scope: string): Promise<SiteDesign> {
    return (await this.designs.fetch(scope, { context: { source } }))!;
  }

  /** The forms and media a page needs, in one query. */
  async assets(source: ContentSource, keys: { forms: string[]; media: string[] }): Promise<PageAssets> {
    const refs = [
      ...keys.forms.map((key) => ({ type: 'form', key })),
      ...keys.media.map((key) => ({ type: 'media', key })),
    ];
    const rows = refs.length ? await this.reads.run(source, (tx) => this.content.byKeys(tx, source, refs)) : [];
    const forms = new Map<string, FormBody>();
    const media = new Map<string, MediaBody>();
    for (const row of rows) {
      if (row.type === 'form') forms.set(row.key, row.body);
      else media.set(row.key, row.body);
    }
    return { forms, media };
  }
}
