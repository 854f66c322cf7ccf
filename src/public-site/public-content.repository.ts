import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DesignEntity } from '../../libs/site-renderer';
import type { ContentSource } from './content-source';

export interface PublicEntity {
  type: string;
  key: string;
  body: any;
}

/**
 * Reads of what an environment shows: production's head state, or staging's promotable manifest (a page's
 * draft is never visible; other types publish as written). Every lookup is one indexed query.
 */
@Injectable()
export class PublicContentRepository {
  /** Whether the state exists here: on a read replica, whether it has replayed the state yet. */
  async hasState(tx: EntityManager, stateId: number): Promise<boolean> {
    const rows = await tx.query(`select 1 from content_states where id = $1`, [stateId]);
    return rows.length > 0;
  }

  /** Whether the state is a selective preview's candidate of this site (see CandidateStates). */
  async isCandidateOf(tx: EntityManager, siteId: string, stateId: number): Promise<boolean> {
    const rows = await tx.query(
      `select 1 from content_states where id = $1 and site_id = $2 and origin = 'candidate'`,
      [stateId, siteId],
    );
    return rows.length > 0;
  }

  /** The page, post or redirect answering on a route: one lookup on the (state, route) index per chain level. */
  async findByRoute(tx: EntityManager, source: ContentSource, route: string): Promise<PublicEntity | null> {
    const rows =
      source.kind === 'state'
        ? await tx.query(withBodies('state_route($1, $2)'), [source.stateId, route])
        : await tx.query(`${withBodies('staging_manifest')} where e.site_id = $1 and e.route = $2`, [
            source.siteId,
            route,
          ]);
    return rows[0] ?? null;
  }

  async findEntity(tx: EntityManager, source: ContentSource, type: string, key: string): Promise<PublicEntity | null> {
    const rows =
      source.kind === 'state'
        ? await tx.query(withBodies('state_entry($1, $2, $3)'), [source.stateId, type, key])
        : await tx.query(`${select(source)} and e.type = $2 and e.key = $3`, [source.siteId, type, key]);
    return rows[0] ?? null;
  }

  /** Every entity of the given types (the design types are few per site, whatever its size). */
  ofTypes(tx: EntityManager, source: ContentSource, types: readonly string[]): Promise<DesignEntity[]> {
    if (source.kind === 'state')
      return tx.query(`${withBodies('state_manifest($1, $2::text[])')} order by e.type, e.key`, [
        source.stateId,
        types,
      ]);
    return tx.query(`${select(source)} and e.type = any($2) order by e.type, e.key`, [source.siteId, types]);
  }

  /**
   * The parent of a delta state whose own rows hold none of `types`: it has exactly its parent's entities of
   * those types (null when it holds some, or is whole). Read in one statement, as the GC may fold the parent in.
   */
  async parentWithSame(tx: EntityManager, stateId: number, types: readonly string[]): Promise<number | null> {
    const rows: { parent: number }[] = await tx.query(
      `select s.parent_id::int as parent from content_states s
       where s.id = $1 and s.parent_id is not null
         and not exists (select 1 from state_delta(s.id) d where d.type = any($2::text[]))`,
      [stateId, types],
    );
    return rows[0]?.parent ?? null;
  }

  /** The given (type, key) pairs that exist. */
  async byKeys(
    tx: EntityManager,
    source: ContentSource,
    refs: { type: string; key: string }[],
  ): Promise<PublicEntity[]> {
    if (!refs.length) return [];
    const pairs = [refs.map((r) => r.type), refs.map((r) => r.key)];
    if (source.kind === 'state')
      return tx.query(
        `select e.type, e.key, r.body from unnest($2::text[], $3::text[]) as w(type, key)
         cross join lateral state_entry($1, w.type, w.key) e join revisions r on r.id = e.revision_id`,
        [source.stateId, ...pairs],
      );
    return tx.query(`${select(source)} and (e.type, e.key) in (select * from unnest($2::text[], $3::text[]))`, [
      source.siteId,
      ...pairs,
    ]);
  }

  /**
   * A media entity as a production state retired less than `graceMinutes` ago served it under this key, with
   * bytes whose sha256 starts with `version` (skew protection: a visitor holding an older page keeps its files).
   */
  async retiredMedia(
    tx: EntityManager,
    siteId: string,
    key: string,
    version: string,
    graceMinutes: number,
  ): Promise<unknown> {
    const rows: { body: unknown }[] = await tx.query(
      `with stints as (
         select state_id, lead(became_head_at) over (order by id) as retired_at from head_history where site_id = $1
       )
       select r.body from stints s
       cross join lateral state_entry(s.state_id, 'media', $2) e
       join revisions r on r.id = e.revision_id
       where s.retired_at > now() - make_interval(mins => $4) and starts_with(r.body->>'sha256', $3)
       order by s.retired_at desc limit 1`,
      [siteId, key, version, graceMinutes],
    );
    return rows[0]?.body ?? null;
  }

  /** The routes of published pages and posts, for sitemap.xml. */
  async publishedRoutes(tx: EntityManager, source: ContentSource, limit: number): Promise<string[]> {
    const rows: { route: string }[] = await tx.query(
      `select route from ${manifest(source, "'{page,post}'")} e where ${ownerColumn(source)}
         and type in ('page', 'post') and route is not null
       order by route limit $2`,
      [param(source), limit],
    );
    return rows.map((r) => r.route);
  }
}

// Production's head state resolved through its chain, or staging's promotable manifest (a view with the same
// columns); $1 names the state or the site.
const manifest = (source: ContentSource, types = 'null') =>
  source.kind === 'state' ? `state_manifest($1, ${types})` : 'staging_manifest';
const ownerColumn = (source: ContentSource) => (source.kind === 'state' ? 'true' : 'e.site_id = $1');
const withBodies = (from: string) =>
  `select e.type, e.key, r.body from ${from} e join revisions r on r.id = e.revision_id`;

function select(source: ContentSource): string {
  return `${withBodies(manifest(source))} where ${ownerColumn(source)}`;
}

function param(source: ContentSource): number | string {
  return source.kind === 'state' ? source.stateId : source.siteId;
}
