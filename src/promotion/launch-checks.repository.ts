import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { EntityManager } from 'typeorm';
import type {
  CandidateDelta,
  CandidateState,
  KeyedBody,
  LaunchState,
  PageLinks,
  ServedRoute,
} from '../../libs/launch-checks';

// The small, site-wide bodies the checks read whole; the candidate's navigation besides.
const BOTH_TYPES = ['redirect', 'robots_txt', 'site_settings', 'consent_rule'];
const CANDIDATE_TYPES = [...BOTH_TYPES, 'layout', 'component_override'];
// Of a page's blocks, only those that can link or show a file travel: text blocks are most of a body.
const LINKING_BLOCKS = `'$.blocks[*] ? (@.type == "html" || @.type == "link" || @.type == "button" || @.type == "component" || @.type == "image")'`;
// What the checks read of a manifest: what it serves, its files, its pages and the bodies of CANDIDATE_TYPES.
const READ_TYPE_SET = new Set(['media', 'page', 'post', ...CANDIDATE_TYPES]);
const READ_TYPES = `type in (${[...READ_TYPE_SET].map((t) => `'${t}'`).join(', ')})`;

/** The entities a selective candidate takes from staging (the selection's closure); the rest is production's head. */
export type ShippedEntities = readonly { type: string; key: string }[];

type PageParts = Pick<PageLinks, 'blocks' | 'ogImage'> & { noindex: boolean };
const PAGE_PARTS_CACHED = 200_000;
// Heads kept, counted in manifest rows: a few 100,000-entity sites, or many small ones.
const HEAD_ROWS_CACHED = 500_000;

/** One manifest row the checks read, with the body when its type is one of CANDIDATE_TYPES. */
interface ManifestRow {
  type: string;
  key: string;
  route: string | null;
  revisionId: string;
  body?: unknown;
}

/** Production's head as the checks read it: immutable, so kept per state and shared by every report over it. */
interface HeadManifest {
  rows: ManifestRow[];
  /** Production's side of every report over this head (the same arrays each time, so per-state sets are built once). */
  routes: ServedRoute[];
  bodies: Map<string, KeyedBody[]>;
}

/**
 * What the launch checks read of the candidate (staging's promotable manifest, or production's head with a
 * selection's entities from staging) and of production's head. The head is read once per state and kept (states
 * are immutable); a selection's candidate is that head with the shipped entities replaced, so its report reads
 * only what the selection ships. Staging's whole manifest is one set-based statement, whatever the site's size.
 */
@Injectable()
export class LaunchChecksRepository {
  // A revision is immutable, so what the checks read of it is too: kept by revision id, a report after an edit
  // reads the edited pages' bodies only. Bounded by count (an entry is a few blocks at most).
  private readonly pageParts = new LRUCache<string, PageParts>({ max: PAGE_PARTS_CACHED });
  private readonly heads = new LRUCache<number, HeadManifest>({
    maxSize: HEAD_ROWS_CACHED,
    sizeCalculation: (head) => head.rows.length + 1,
  });

  async load(
    tx: EntityManager,
    siteId: string,
    headStateId: number,
    shipped?: ShippedEntities,
  ): Promise<{ candidate: CandidateState; production: LaunchState }> {
    const head = await this.head(tx, headStateId);
    const fromStaging = shipped && (await this.shippedRows(tx, siteId, shipped));
    const rows = shipped ? laidOver(head.rows, shipped, fromStaging!) : await this.staging(tx, siteId);
    const pages = await this.pagesOf(tx, rows);
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
    const bodies = bodiesByType(rows);
    const of = (type: string) => bodies.get(type) ?? [];
    const headOf = (type: string) => head.bodies.get(type) ?? [];
    const production: LaunchState = {
      routes: head.routes,
      redirects: headOf('redirect'),
      robotsTxt: headOf('robots_txt'),
      siteSettings: headOf('site_settings'),
      consentRules: headOf('consent_rule'),
      noindexPages: wasNoindex.map((r) => r.id),
    };
    // A selection's candidate is the head with the shipped entities replaced: the checks may look at those only.
    const delta: CandidateDelta | undefined = shipped && {
      over: production,
      changed: new Set(shipped.map((e) => `${e.type}/${e.key}`)),
      routes: routesOf(fromStaging!),
    };
    return {
      candidate: {
        routes: routesOf(rows),
        redirects: of('redirect'),
        robotsTxt: of('robots_txt'),
        siteSettings: of('site_settings'),
        consentRules: of('consent_rule'),
        noindexPages: noindex.map((p) => `${p.type}/${p.key}`),
        pages: pages.map(({ noindex: _noindex, ...page }) => page),
        layouts: of('layout'),
        components: of('component_override'),
        mediaKeys: rows.filter((r) => r.type === 'media').map((r) => r.key),
        ...(delta ? { delta } : {}),
      },
      production,
    };
  }

  /**
   * Production's head as the checks read it, from the cache when this state was read before. A delta whose parent
   * is cached (the head a promotion just swapped in, over the one its preview read) is that parent with the
   * delta's own rows laid over it: a read of what the promotion changed, not of the site.
   */
  private async head(tx: EntityManager, stateId: number): Promise<HeadManifest> {
    const cached = this.heads.get(stateId);
    if (cached) return cached;
    const [{ parentId }]: { parentId: number | null }[] = await tx.query(
      `select parent_id::int as "parentId" from content_states where id = $1`,
      [stateId],
    );
    const parent = parentId === null ? undefined : this.heads.get(parentId);
    const rows = parent ? await this.overDelta(tx, stateId, parent) : await this.manifestOf(tx, stateId);
    const head: HeadManifest = {
      rows,
      routes: routesOf(rows),
      bodies: bodiesByType(rows),
    };
    this.heads.set(stateId, head);
    return head;
  }

  private manifestOf(tx: EntityManager, stateId: number): Promise<ManifestRow[]> {
    return tx.query(
      `select e.type, e.key, e.route, e.revision_id::text as "revisionId",
              case when e.type = any($2::text[]) then r.body end as body
       from state_manifest($1) e
       left join lateral (select body from revisions where id = e.revision_id and e.type = any($2::text[])) r on true
       where e.route is not null or e.${READ_TYPES}`,
      [stateId, CANDIDATE_TYPES],
    );
  }

  /** A delta state's rows: its parent's, with the delta's own (a removal has no revision) in their place. */
  private async overDelta(tx: EntityManager, stateId: number, parent: HeadManifest): Promise<ManifestRow[]> {
    const own: (Omit<ManifestRow, 'revisionId'> & { revisionId: string | null })[] = await tx.query(
      `select e.type, e.key, e.route, e.revision_id::text as "revisionId",
              case when e.type = any($2::text[]) then r.body end as body
       from state_entries e
       left join lateral (select body from revisions where id = e.revision_id and e.type = any($2::text[])) r on true
       where e.state_id = $1`,
      [stateId, CANDIDATE_TYPES],
    );
    const kept = own.filter(
      (r): r is ManifestRow => r.revisionId !== null && (r.route !== null || READ_TYPE_SET.has(r.type)),
    );
    return laidOver(parent.rows, own, kept);
  }

  /** Staging's promotable manifest as the checks read it. */
  private staging(tx: EntityManager, siteId: string): Promise<ManifestRow[]> {
    return tx.query(
      `select s.type, s.key, s.route, s.revision_id::text as "revisionId",
              case when s.type = any($2::text[]) then r.body end as body
       from staging_manifest s
       left join lateral (select body from revisions where id = s.revision_id and s.type = any($2::text[])) r on true
       where s.site_id = $1 and (s.route is not null or s.${READ_TYPES})`,
      [siteId, CANDIDATE_TYPES],
    );
  }

  /** What a selection ships, as staging has it (one probe each); a shipped entity staging lacks is a removal. */
  private shippedRows(tx: EntityManager, siteId: string, shipped: ShippedEntities): Promise<ManifestRow[]> {
    return tx.query(
      `select s.type, s.key, s.route, s.revision_id::text as "revisionId",
              case when s.type = any($4::text[]) then r.body end as body
       from unnest($2::text[], $3::text[]) as w(type, key)
       cross join lateral (select * from staging_manifest m
                           where m.site_id = $1 and m.type = w.type and m.key = w.key offset 0) s
       left join lateral (select body from revisions where id = s.revision_id and s.type = any($4::text[])) r on true
       where s.route is not null or s.${READ_TYPES}`,
      [siteId, shipped.map((e) => e.type), shipped.map((e) => e.key), CANDIDATE_TYPES],
    );
  }

  /** The pages and posts of `rows` with the link-bearing parts of their bodies (from the cache when it has them). */
  private async pagesOf(tx: EntityManager, rows: ManifestRow[]): Promise<(PageLinks & { noindex: boolean })[]> {
    const pages = rows.filter((r) => r.type === 'page' || r.type === 'post');
    const missing = [...new Set(pages.map((r) => r.revisionId).filter((id) => !this.pageParts.has(id)))];
    if (missing.length) {
      const parts: (PageParts & { id: string })[] = await tx.query(
        `select id::text, jsonb_path_query_array(body, ${LINKING_BLOCKS}) as blocks, body->'seo'->'ogImage' as "ogImage",
           coalesce(body->'seo'->'noindex' = 'true'::jsonb, false) as noindex
         from revisions where id = any($1::bigint[])`,
        [missing],
      );
      for (const { id, ...part } of parts) this.pageParts.set(id, part);
    }
    return pages.map(({ type, key, route, revisionId }) => ({ type, key, route, ...this.pageParts.get(revisionId)! }));
  }
}

/** The bodies of CANDIDATE_TYPES among `rows`, by type. */
function bodiesByType(rows: ManifestRow[]): Map<string, KeyedBody[]> {
  const bodies = new Map<string, KeyedBody[]>();
  for (const row of rows)
    if (row.body !== undefined && row.body !== null) {
      const list = bodies.get(row.type) ?? [];
      list.push({ key: row.key, body: row.body });
      bodies.set(row.type, list);
    }
  return bodies;
}

/** `rows` without the entities `replaced` names, then `by` (what replaces them; a removal is in neither). */
function laidOver(rows: ManifestRow[], replaced: ShippedEntities, by: ManifestRow[]): ManifestRow[] {
  const keys = new Set(replaced.map((e) => `${e.type}/${e.key}`));
  return [...rows.filter((r) => !keys.has(`${r.type}/${r.key}`)), ...by];
}

const routesOf = (rows: ManifestRow[]): ServedRoute[] =>
  rows.filter((r) => r.route !== null).map(({ type, key, route }) => ({ type, key, route: route! }));
