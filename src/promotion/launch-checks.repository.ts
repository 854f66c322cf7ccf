import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { EntityManager } from 'typeorm';
import {
  type CandidateState,
  deriveStateSets,
  type KeyedBody,
  type LaunchState,
  type PageLinks,
  type ServedRoute,
  type StateDelta,
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

/** A page or post with the link-bearing parts of its body, and whether it is noindex. */
type PageEntry = PageLinks & { noindex: boolean };

/** Production's head as the checks read it: immutable, so kept per state and shared by every report over it. */
interface HeadManifest {
  rows: ManifestRow[];
  /**
   * Production's side of every report over this head (the same arrays each time, so the sets the checks derive
   * from them are built once per state); its noindex pages are probed per report.
   */
  state: LaunchState;
  /** What a selection's candidate takes from it besides the pages (laid over, not rebuilt from its rows). */
  navigation: Pick<CandidateState, 'layouts' | 'components' | 'mediaKeys'>;
  /** Its pages, for the candidates of selections over it: filled by the first, or from its parent's. */
  pages?: PageEntry[];
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
    const rows = shipped ? undefined : await this.staging(tx, siteId);
    const pages = shipped
      ? laidOver(await this.headPages(tx, head), shipped, await this.pagesOf(tx, fromStaging!))
      : await this.pagesOf(tx, rows!);
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
    const production: LaunchState = { ...head.state, noindexPages: wasNoindex.map((r) => r.id) };
    // A selection's candidate is the head with the shipped entities replaced: the checks may look at those only.
    const candidate = shipped ? overHead(head, shipped, fromStaging!) : { ...stateOf(rows!), ...navigationOf(rows!) };
    return {
      candidate: { ...candidate, noindexPages: noindex.map((p) => `${p.type}/${p.key}`), pages },
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
    const parentId = await this.parentOf(tx, stateId);
    const parent = parentId === null ? undefined : this.heads.get(parentId);
    const delta = parent && (await this.deltaRows(tx, stateId, parentId!));
    const head = delta ? await this.overParent(tx, parent!, delta) : wholeHead(await this.manifestOf(tx, stateId));
    this.heads.set(stateId, head);
    return head;
  }

  /**
   * A head built over a cached parent: the parent's arrays with the delta laid over them (as a selection's
   * candidate is built over a head), and what the checks derive from its routes patched, not rebuilt.
   */
  private async overParent(
    tx: EntityManager,
    parent: HeadManifest,
    delta: { replaced: ShippedEntities; rows: ManifestRow[] },
  ): Promise<HeadManifest> {
    const {
      routes,
      redirects,
      robotsTxt,
      siteSettings,
      consentRules,
      layouts,
      components,
      mediaKeys,
      delta: own,
    } = overHead(parent, delta.replaced, delta.rows);
    const state: LaunchState = { routes, redirects, robotsTxt, siteSettings, consentRules, noindexPages: [] };
    deriveStateSets(state, own);
    return {
      rows: laidOver(parent.rows, delta.replaced, delta.rows),
      state,
      navigation: { layouts, components, mediaKeys },
      ...(parent.pages ? { pages: laidOver(parent.pages, delta.replaced, await this.pagesOf(tx, delta.rows)) } : {}),
    };
  }

  private async parentOf(tx: EntityManager, stateId: number): Promise<number | null> {
    const [{ parentId }]: { parentId: number | null }[] = await tx.query(
      `select parent_id::int as "parentId" from content_states where id = $1`,
      [stateId],
    );
    return parentId;
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

  /**
   * A delta state's own rows over `parentId`: the entities it replaces in that parent, and those it has (not its
   * removals). Undefined when its parent is another by now (the GC folded this one's into it): read whole then.
   */
  private async deltaRows(
    tx: EntityManager,
    stateId: number,
    parentId: number,
  ): Promise<{ replaced: ShippedEntities; rows: ManifestRow[] } | undefined> {
    const own: (Omit<ManifestRow, 'revisionId'> & { revisionId: string | null; parentId: number })[] = await tx.query(
      `select e.parent_id::int as "parentId", e.type, e.key, e.route, e.revision_id::text as "revisionId",
                case when e.type = any($2::text[]) then r.body end as body
         from state_delta($1) e
         left join lateral (select body from revisions where id = e.revision_id and e.type = any($2::text[])) r on true`,
      [stateId, CANDIDATE_TYPES],
    );
    if (!own.length || own.some((r) => r.parentId !== parentId)) return undefined;
    const rows = own.filter(
      (r): r is ManifestRow & { parentId: number } =>
        r.revisionId !== null && (r.route !== null || READ_TYPE_SET.has(r.type)),
    );
    return { replaced: own, rows };
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

  private async headPages(tx: EntityManager, head: HeadManifest): Promise<PageEntry[]> {
    return (head.pages ??= await this.pagesOf(tx, head.rows));
  }

  /** The pages and posts of `rows` with the link-bearing parts of their bodies (from the cache when it has them). */
  private async pagesOf(tx: EntityManager, rows: ManifestRow[]): Promise<PageEntry[]> {
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

/** What every check reads of a manifest's rows, noindex pages aside. */
function stateOf(rows: ManifestRow[]): LaunchState {
  return {
    routes: routesOf(rows),
    redirects: bodiesOf(rows, 'redirect'),
    robotsTxt: bodiesOf(rows, 'robots_txt'),
    siteSettings: bodiesOf(rows, 'site_settings'),
    consentRules: bodiesOf(rows, 'consent_rule'),
    noindexPages: [],
  };
}

/** The bodies of one of CANDIDATE_TYPES among `rows`. */
function bodiesOf(rows: ManifestRow[], type: string): KeyedBody[] {
  const bodies: KeyedBody[] = [];
  for (const row of rows) if (row.type === type && row.body != null) bodies.push({ key: row.key, body: row.body });
  return bodies;
}

/** A head read whole: everything built from its rows. */
function wholeHead(rows: ManifestRow[]): HeadManifest {
  return { rows, state: stateOf(rows), navigation: navigationOf(rows) };
}

function navigationOf(rows: ManifestRow[]): HeadManifest['navigation'] {
  return {
    layouts: bodiesOf(rows, 'layout'),
    components: bodiesOf(rows, 'component_override'),
    mediaKeys: rows.filter((r) => r.type === 'media').map((r) => r.key),
  };
}

/**
 * A selection's candidate but its pages: the head's arrays with the shipped entities replaced by `by` (staging's
 * rows of them), each array passed once; the routes' split is the delta's too.
 */
function overHead(
  head: HeadManifest,
  shipped: ShippedEntities,
  by: ManifestRow[],
): Omit<CandidateState, 'pages' | 'noindexPages'> & { delta: StateDelta } {
  const routes = partition(head.state.routes, shipped);
  const own = routesOf(by);
  const bodies = (type: string, list: readonly KeyedBody[]) => {
    const keys = new Set(shipped.filter((e) => e.type === type).map((e) => e.key));
    return keys.size ? [...list.filter((b) => !keys.has(b.key)), ...bodiesOf(by, type)] : list;
  };
  const media = new Set(shipped.filter((e) => e.type === 'media').map((e) => e.key));
  const { state, navigation } = head;
  return {
    routes: [...routes.kept, ...own],
    redirects: bodies('redirect', state.redirects),
    robotsTxt: bodies('robots_txt', state.robotsTxt),
    siteSettings: bodies('site_settings', state.siteSettings),
    consentRules: bodies('consent_rule', state.consentRules),
    layouts: bodies('layout', navigation.layouts),
    components: bodies('component_override', navigation.components),
    mediaKeys: [
      ...(media.size ? navigation.mediaKeys.filter((k) => !media.has(k)) : navigation.mediaKeys),
      ...by.filter((r) => r.type === 'media').map((r) => r.key),
    ],
    delta: {
      over: head.state,
      routes: own,
      before: routes.taken,
    },
  };
}

/** `rows` without the entities `replaced` names, then `by` (what replaces them; a removal is in neither). */
function laidOver<T extends { type: string; key: string }>(rows: T[], replaced: ShippedEntities, by: T[]): T[] {
  return replaced.length ? [...partition(rows, replaced).kept, ...by] : rows;
}

/** `rows` split into those `replaced` names and the rest, in one pass. */
function partition<T extends { type: string; key: string }>(rows: readonly T[], replaced: ShippedEntities) {
  // By type, then key: no string built per row of the site.
  const keys = new Map<string, Set<string>>();
  for (const e of replaced) keys.set(e.type, (keys.get(e.type) ?? new Set()).add(e.key));
  const kept: T[] = [];
  const taken: T[] = [];
  for (const row of rows) (keys.get(row.type)?.has(row.key) ? taken : kept).push(row);
  return { kept, taken };
}

const routesOf = (rows: ManifestRow[]): ServedRoute[] =>
  rows.filter((r) => r.route !== null).map(({ type, key, route }) => ({ type, key, route: route! }));
