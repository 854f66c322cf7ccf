import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { EntityManager } from 'typeorm';
import type { CandidateState, KeyedBody, LaunchState, PageLinks, ServedRoute } from '../../libs/launch-checks';

// The small, site-wide bodies the checks read whole; the candidate's navigation besides.
const BOTH_TYPES = ['redirect', 'robots_txt', 'site_settings', 'consent_rule'];
const CANDIDATE_TYPES = [...BOTH_TYPES, 'layout', 'component_override'];
// Of a page's blocks, only those that can link or show a file travel: text blocks are most of a body.
const LINKING_BLOCKS = `'$.blocks[*] ? (@.type == "html" || @.type == "link" || @.type == "button" || @.type == "component" || @.type == "image")'`;

type Side = 'c' | 'p';

/** The entities a selective candidate takes from staging (the selection's closure); the rest is production's head. */
export type ShippedEntities = readonly { type: string; key: string }[];

/**
 * The candidate's manifest as a CTE over ($site, $head, $types, $keys): staging's promotable manifest, or, when
 * $types is not null, production's head with the shipped entities taken from staging (a shipped entity staging
 * lacks is a removal: it is in neither half).
 */
const candidateCte = (site: string, head: string, types: string, keys: string) => `candidate as (
  select type, key, route, revision_id from staging_manifest
    where site_id = ${site}
      and (${types}::text[] is null or (type, key) in (select * from unnest(${types}::text[], ${keys}::text[])))
  union all
  select e.type, e.key, e.route, e.revision_id from state_manifest(${head}) e
    where ${types}::text[] is not null
      and not exists (select 1 from unnest(${types}::text[], ${keys}::text[]) u(type, key)
                      where u.type = e.type and u.key = e.key))`;

const shippedParams = (shipped?: ShippedEntities) =>
  shipped ? [shipped.map((e) => e.type), shipped.map((e) => e.key)] : [null, null];
type PageParts = Pick<PageLinks, 'blocks' | 'ogImage'> & { noindex: boolean };
const PAGE_PARTS_CACHED = 200_000;

/**
 * What the launch checks read of the candidate (staging's promotable manifest, or production's head with a
 * selection's entities from staging) and production's head: a handful of set-based statements, whatever the
 * site's size.
 */
@Injectable()
export class LaunchChecksRepository {
  // A revision is immutable, so what the checks read of it is too: kept by revision id, a report after an edit
  // reads the edited pages' bodies only. Bounded by count (an entry is a few blocks at most).
  private readonly pageParts = new LRUCache<string, PageParts>({ max: PAGE_PARTS_CACHED });

  async load(
    tx: EntityManager,
    siteId: string,
    headStateId: number,
    shipped?: ShippedEntities,
  ): Promise<{ candidate: CandidateState; production: LaunchState }> {
    const routes: (ServedRoute & { side: Side })[] = await tx.query(
      `with ${candidateCte('$1', '$2', '$3', '$4')}
       select 'c' as side, type, key, route from candidate where route is not null or type = 'media'
       union all
       select 'p', type, key, route from state_manifest($2) where route is not null`,
      [siteId, headStateId, ...shippedParams(shipped)],
    );
    const bodies: (KeyedBody & { side: Side; type: string })[] = await tx.query(
      `with ${candidateCte('$1', '$2', '$5', '$6')}
       select 'c' as side, s.type, s.key, r.body from candidate s join revisions r on r.id = s.revision_id
         where s.type = any($3::text[])
       union all
       select 'p', e.type, e.key, r.body from state_manifest($2, $4::text[]) e join revisions r on r.id = e.revision_id`,
      [siteId, headStateId, CANDIDATE_TYPES, BOTH_TYPES, ...shippedParams(shipped)],
    );
    const pages = await this.candidatePages(tx, siteId, headStateId, shipped);
    const noindex = pages.filter((p) => p.noindex);
    // Production's noindex matters only for the pages the candidate makes noindex: probed by key.
    const wasNoindex: { id: string }[] = noindex.length
      ? await tx.query(
          `select e.type || '/' || e.key as id from unnest($2::text[], $3::text[]) as w(type, key)
           cross join lateral state_entry($1, w.type, w.key) e join revisions r on r.id = e.revision_id
           where r.body->'seo'->'noindex' = 'true'::jsonb`,
          [headStateId, noindex.map((p) => p.type), noindex.map((p) => p.key)],
        )
      : [];
    const side = (s: Side): LaunchState => {
      const of = (type: string) =>
        bodies.filter((b) => b.side === s && b.type === type).map(({ key, body }) => ({ key, body }));
      return {
        routes: routes
          .filter((r) => r.side === s && r.route !== null)
          .map(({ type, key, route }) => ({ type, key, route })),
        redirects: of('redirect'),
        robotsTxt: of('robots_txt'),
        siteSettings: of('site_settings'),
        consentRules: of('consent_rule'),
        noindexPages: s === 'c' ? noindex.map((p) => `${p.type}/${p.key}`) : wasNoindex.map((r) => r.id),
      };
    };
    const candidate = side('c');
    return {
      candidate: {
        ...candidate,
        pages: pages.map(({ noindex: _noindex, ...page }) => page),
        layouts: bodies.filter((b) => b.side === 'c' && b.type === 'layout').map(({ key, body }) => ({ key, body })),
        components: bodies
          .filter((b) => b.side === 'c' && b.type === 'component_override')
          .map(({ key, body }) => ({ key, body })),
        mediaKeys: routes.filter((r) => r.side === 'c' && r.type === 'media').map((r) => r.key),
      },
      production: side('p'),
    };
  }

  /** The candidate's pages and posts with the link-bearing parts of their bodies (from the cache when it has them). */
  private async candidatePages(
    tx: EntityManager,
    siteId: string,
    headStateId: number,
    shipped?: ShippedEntities,
  ): Promise<(PageLinks & { noindex: boolean })[]> {
    const rows: { type: string; key: string; route: string | null; revisionId: string }[] = await tx.query(
      `with ${candidateCte('$1', '$2', '$3', '$4')}
       select type, key, route, revision_id::text as "revisionId" from candidate where type in ('page', 'post')`,
      [siteId, headStateId, ...shippedParams(shipped)],
    );
    const missing = [...new Set(rows.map((r) => r.revisionId).filter((id) => !this.pageParts.has(id)))];
    if (missing.length) {
      const parts: (PageParts & { id: string })[] = await tx.query(
        `select id::text, jsonb_path_query_array(body, ${LINKING_BLOCKS}) as blocks, body->'seo'->'ogImage' as "ogImage",
           coalesce(body->'seo'->'noindex' = 'true'::jsonb, false) as noindex
         from revisions where id = any($1::bigint[])`,
        [missing],
      );
      for (const { id, ...part } of parts) this.pageParts.set(id, part);
    }
    return rows.map(({ revisionId, ...row }) => ({ ...row, ...this.pageParts.get(revisionId)! }));
  }
}
