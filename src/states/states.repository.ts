import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ENV_REFERENCE } from '../../libs/content-model';
import { queryRows } from '../platform/database/sql';

export type StateOrigin = 'initial' | 'promotion' | 'restore' | 'break_glass';

/** A closure's starting point: named entities, and every change of some types (source against base). */
export interface ClosureSeed {
  entities: { type: string; key: string }[];
  types: string[];
}

/** One entity of a selection's closure, as `stagingClosure` reads it. */
export interface ClosureEntry {
  type: string;
  key: string;
  requested: boolean;
  /** The entity that refers to it (a selected one first, then by type and key), for one the selection did not name. */
  includedBecause: { type: string; key: string } | null;
  stagingRevisionId: string | null;
  productionRevisionId: string | null;
  stagingVersion: number | null;
  productionVersion: number | null;
  driftRevisionId: string | null;
  sha256: string | null;
  variables: string[];
}

// Where a closure takes entities from ($3): another state, or staging's promotable manifest. Not materialized,
// so each probe by (type, key) stays an index lookup instead of a copy of the whole manifest.
const STATE_SOURCE = `select type, key, revision_id, version, route from state_entries where state_id = $3`;
const STAGING_SOURCE = `select type, key, revision_id, version, route from staging_manifest where site_id = $3`;

// One entity of a relation, probed by primary key. `offset 0` keeps the subquery a per-row index lookup: a plain
// join lets the planner hash the whole manifest instead, which it does when a fresh import left it without stats.
const probe = (from: string, type: string, key: string, extra = '') =>
  `(select * from ${from} where type = ${type} and key = ${key}${extra} offset 0)`;
const inSource = (type: string, key: string) => probe('src', type, key);
const inBase = (type: string, key: string, extra = '') =>
  probe('(select * from state_entries where state_id = $2) base', type, key, extra);

/**
 * The closure of a selection ($4 types and $5 keys, plus every difference between source and base of the types
 * in $6) over references: an entity brings what it refers to and, an object type, its fields (a record refers
 * to its type, so it brings both). A revert follows a reference when the base ($2) lacks the entity
 * ('missing'); a selective promotion when the source has it otherwise than the base ('changed'). Defines the
 * CTEs src, seed, wanted and closure (type, key, requested, because).
 */
function closure(source: string, follow: 'missing' | 'changed'): string {
  const followed =
    follow === 'missing'
      ? `not exists ${inBase('ref.type', 'ref.key')}`
      : `exists (select 1 from ${inSource('ref.type', 'ref.key')} x
                 where not exists ${inBase('x.type', 'x.key', ' and revision_id = x.revision_id')})`;
  return `with recursive src as not materialized (${source}),
    seed(type, key) as (
      select type, key from unnest($4::text[], $5::text[]) as w(type, key)
      union
      select coalesce(s.type, b.type), coalesce(s.key, b.key)
      from (select type, key, revision_id from src where type = any($6::text[])) s
      full join (select type, key, revision_id from state_entries where state_id = $2 and type = any($6::text[])) b
        on b.type = s.type and b.key = s.key
      where s.revision_id is distinct from b.revision_id
    ),
    wanted(type, key, requested, because_type, because_key) as (
      select type, key, true, null::text, null::text from seed
      union
      select ref.type, ref.key, false, w.type, w.key from wanted w
      cross join lateral ${inSource('w.type', 'w.key')} s
      cross join lateral (select refs from revisions where id = s.revision_id offset 0) r
      cross join lateral (
        select e->>'type' as type, e->>'key' as key from jsonb_array_elements(coalesce(r.refs, '[]'::jsonb)) e
        where e->>'type' <> '${ENV_REFERENCE}'
        union all
        select f.type, f.key from src f join revisions fr on fr.id = f.revision_id
        where w.type = 'custom_object_type' and f.type = 'custom_field'
          and fr.refs @> jsonb_build_array(jsonb_build_object('type', 'custom_object_type', 'key', w.key))
      ) ref
      where ${followed}
    ),
    closure as (
      select type, key, bool_or(requested) as requested,
             case when not bool_or(requested) then (array_agg(jsonb_build_object('type', because_type, 'key', because_key)
               order by not exists (select 1 from seed where seed.type = because_type and seed.key = because_key),
                        because_type, because_key))[1] end as because
      from wanted group by type, key
    )`;
}

// Writes state $1: the base's entities outside the closure, and the closure's from the source (versions count on).
// A data-modifying CTE runs whether or not the statement reads it; nothing is returned, so 100,000 rows are not.
const FILL = `kept as (
    insert into state_entries (state_id, type, key, revision_id, version, route)
    select $1::bigint, b.type, b.key, b.revision_id, b.version, b.route from state_entries b
    where b.state_id = $2 and not exists (select 1 from closure c where c.type = b.type and c.key = b.key)
    union all
    select $1::bigint, s.type, s.key, s.revision_id,
           case when p.revision_id = s.revision_id then p.version else coalesce(p.version, 0) + 1 end, s.route
    from closure c
    cross join lateral ${inSource('c.type', 'c.key')} s
    left join lateral ${inBase('c.type', 'c.key')} p on true
  )`;

type DanglingRow = { type: string; key: string; refType: string; refKey: string };
const byDangling = (a: DanglingRow, b: DanglingRow) =>
  [a.type, a.key, a.refType, a.refKey].join('\u0000') < [b.type, b.key, b.refType, b.refKey].join('\u0000') ? -1 : 1;

// A closure's plan is index probes all the way, but the planner prices each reference a revision may hold at 100
// rows, so its estimate passes JIT's thresholds and compiling takes seconds for a millisecond query. Off for the
// rest of the caller's transaction (callers of the closure run it in one).
async function withoutJit(tx: EntityManager): Promise<void> {
  if (tx.queryRunner?.isTransactionActive) await tx.query(`set local jit = off`);
}

const closureParams = (seed: ClosureSeed) => [
  seed.entities.map((e) => e.type),
  seed.entities.map((e) => e.key),
  seed.types,
];

/** Immutable production manifests, built with set-based SQL (a handful of statements per state). */
@Injectable()
export class StatesRepository {
  /** Where a state came from (origin_id is the job that built it, for a promotion or a restore), or null. */
  async find(
    tx: EntityManager,
    stateId: number,
  ): Promise<{ id: number; origin: StateOrigin; originId: string | null } | null> {
    const [row] = await tx.query(`select id::int, origin, origin_id as "originId" from content_states where id = $1`, [
      stateId,
    ]);
    return row ?? null;
  }

  /** A new site's production starts on an empty state. */
  async createInitial(tx: EntityManager, siteId: string): Promise<number> {
    const [state] = await tx.query(
      `insert into content_states (site_id, origin, entity_count) values ($1, 'initial', 0) returning id::int`,
      [siteId],
    );
    return state.id;
  }

  /**
   * A new empty state, or the one already built for this origin id (a retried job finds its own state:
   * building is idempotent per job).
   */
  async create(
    tx: EntityManager,
    siteId: string,
    origin: StateOrigin,
    originId: string,
  ): Promise<{ id: number; built: boolean }> {
    const [existing] = await tx.query(
      `select id::int, entity_count > 0 or exists (select 1 from state_entries where state_id = content_states.id) as built
      from content_states where origin_id = $1`,
      [originId],
    );
    if (existing) return { id: existing.id, built: existing.built };
    const [row] = await tx.query(
      `insert into content_states (site_id, origin, origin_id) values ($1, $2, $3) returning id::int`,
      [siteId, origin, originId],
    );
    return { id: row.id, built: false };
  }

  /**
   * Staging's promotable manifest as a new state: unchanged entities keep production's version, changed and
   * added ones get production's + 1. One INSERT … SELECT, however many entities.
   */
  async fillFromStaging(tx: EntityManager, stateId: number, siteId: string, baseStateId: number): Promise<number> {
    await tx.query(
      `insert into state_entries (state_id, type, key, revision_id, version, route)
       select $1, s.type, s.key, s.revision_id,
              case when p.revision_id = s.revision_id then p.version else coalesce(p.version, 0) + 1 end,
              s.route
       from staging_manifest s
       left join state_entries p on p.state_id = $3 and p.type = s.type and p.key = s.key
       where s.site_id = $2`,
      [stateId, siteId, baseStateId],
    );
    return this.countEntries(tx, stateId);
  }

  /** Another state's content (a snapshot's) with versions counted on from the base state, as a new state. */
  async fillFromState(tx: EntityManager, stateId: number, sourceStateId: number, baseStateId: number): Promise<number> {
    await tx.query(
      `insert into state_entries (state_id, type, key, revision_id, version, route)
       select $1, s.type, s.key, s.revision_id,
              case when p.revision_id = s.revision_id then p.version else coalesce(p.version, 0) + 1 end,
              s.route
       from state_entries s
       left join state_entries p on p.state_id = $3 and p.type = s.type and p.key = s.key
       where s.state_id = $2`,
      [stateId, sourceStateId, baseStateId],
    );
    return this.countEntries(tx, stateId);
  }

  /** The base state with one entity replaced (revisionId) or removed (null); its version moves by one. */
  async fillWithOneChange(
    tx: EntityManager,
    stateId: number,
    baseStateId: number,
    change: { type: string; key: string; revisionId: string | null; route: string | null },
  ): Promise<{ fromVersion: number | null; toVersion: number | null }> {
    await tx.query(
      `insert into state_entries (state_id, type, key, revision_id, version, route)
       select $1, type, key, revision_id, version, route from state_entries where state_id = $2 and not (type = $3 and key = $4)`,
      [stateId, baseStateId, change.type, change.key],
    );
    const [before] = await tx.query(
      `select version from state_entries where state_id = $1 and type = $2 and key = $3`,
      [baseStateId, change.type, change.key],
    );
    let toVersion: number | null = null;
    if (change.revisionId) {
      toVersion = (before?.version ?? 0) + 1;
      await tx.query(
        `insert into state_entries (state_id, type, key, revision_id, version, route) values ($1, $2, $3, $4, $5, $6)`,
        [stateId, change.type, change.key, change.revisionId, toVersion, change.route],
      );
    }
    await this.countEntries(tx, stateId);
    return { fromVersion: before?.version ?? null, toVersion };
  }

  /**
   * The base state with some entities taken from the source state (a revert): each named entity, and what it
   * refers to that the base lacks, closed transitively, is the source's (or gone, when the source lacks it);
   * the rest is the base's. Versions count on from the base. One INSERT … SELECT with a recursive closure.
   */
  async fillWithEntitiesOf(
    tx: EntityManager,
    stateId: number,
    baseStateId: number,
    sourceStateId: number,
    entities: { type: string; key: string }[],
  ): Promise<{ type: string; key: string; op: 'taken' | 'removed'; requested: boolean }[]> {
    await withoutJit(tx);
    const taken: { type: string; key: string; op: 'taken' | 'removed'; requested: boolean }[] = await tx.query(
      `${closure(STATE_SOURCE, 'missing')},
       ${FILL}
       select c.type, c.key, c.requested,
              case when exists ${inSource('c.type', 'c.key')} then 'taken' else 'removed' end as op
       from closure c order by c.type, c.key`,
      [stateId, baseStateId, sourceStateId, ...closureParams({ entities, types: [] })],
    );
    await this.countEntries(tx, stateId);
    return taken;
  }

  /**
   * A selective promotion's candidate: the base state (production's head) with the selected staging changes and
   * what they refer to that staging has otherwise than the base, closed transitively; the closure rule of a
   * revert, with staging's promotable manifest as the source. One INSERT … SELECT.
   */
  async fillWithStagingSelection(
    tx: EntityManager,
    stateId: number,
    siteId: string,
    baseStateId: number,
    selection: ClosureSeed,
  ): Promise<number> {
    await withoutJit(tx);
    await tx.query(`${closure(STAGING_SOURCE, 'changed')}, ${FILL} select 1`, [
      stateId,
      baseStateId,
      siteId,
      ...closureParams(selection),
    ]);
    return this.countEntries(tx, stateId);
  }

  /**
   * The closure of a selection of staging's changes over the base state, without building it: each entity with
   * why it is in (requested, or the first entity that refers to it), both sides' revisions and versions, the
   * revision of `driftStateId` (staging's base) for drift, a media body's sha256 and the variables it uses.
   */
  async stagingClosure(
    tx: EntityManager,
    siteId: string,
    baseStateId: number,
    driftStateId: number | null,
    selection: ClosureSeed,
  ): Promise<ClosureEntry[]> {
    await withoutJit(tx);
    return tx.query(
      `${closure(STAGING_SOURCE, 'changed')}
       select c.type, c.key, c.requested, c.because as "includedBecause",
              s.revision_id::text as "stagingRevisionId", b.revision_id::text as "productionRevisionId",
              s.version as "stagingVersion", b.version as "productionVersion",
              (select d.revision_id::text from state_entries d
               where d.state_id = $1::bigint and d.type = c.type and d.key = c.key) as "driftRevisionId",
              case when c.type = 'media' then r.body->>'sha256' end as sha256,
              coalesce((select array_agg(e->>'key' order by e->>'key') from jsonb_array_elements(r.refs) e
                        where e->>'type' = '${ENV_REFERENCE}'), '{}') as variables
       from closure c
       left join lateral ${inSource('c.type', 'c.key')} s on true
       left join lateral (select body, refs from revisions where id = s.revision_id offset 0) r on true
       left join lateral ${inBase('c.type', 'c.key')} b on true
       order by c.type, c.key`,
      [driftStateId, baseStateId, siteId, ...closureParams(selection)],
    );
  }

  /**
   * The references a selective candidate would leave dangling, without building it (capped): a selected or
   * needed entity's reference to what the candidate lacks, and, when the selection removes entities, the base's
   * other entities that still refer to them. Checks what the selection adds to the base, not the base itself.
   */
  async stagingSelectionDangling(
    tx: EntityManager,
    siteId: string,
    baseStateId: number,
    selection: ClosureSeed,
    limit: number,
    hasRemovals: boolean,
  ): Promise<{ type: string; key: string; refType: string; refKey: string }[]> {
    // In the candidate: the closure's from the source, or the base's outside the closure.
    const inCandidate = (type: string, key: string) => `(case
      when exists (select 1 from closure c2 where c2.type = ${type} and c2.key = ${key})
        then exists ${inSource(type, key)}
      else exists ${inBase(type, key)} end)`;
    const params = [limit, baseStateId, siteId, ...closureParams(selection)];
    await withoutJit(tx);
    const needs: DanglingRow[] = await tx.query(
      `${closure(STAGING_SOURCE, 'changed')}
       select c.type, c.key, ref->>'type' as "refType", ref->>'key' as "refKey" from closure c
       cross join lateral ${inSource('c.type', 'c.key')} s
       cross join lateral (select refs from revisions where id = s.revision_id offset 0) r
       cross join lateral jsonb_array_elements(coalesce(r.refs, '[]'::jsonb)) ref
       where ref->>'type' <> '${ENV_REFERENCE}' and not ${inCandidate(`ref->>'type'`, `ref->>'key'`)}
       order by 1, 2, 3, 4 limit $1`,
      params,
    );
    // Who still refers to a removed entity is a scan of the base's references: only when something is removed.
    const users: DanglingRow[] = hasRemovals
      ? await tx.query(
          `${closure(STAGING_SOURCE, 'changed')},
           removed as materialized (
             select c.type, c.key from closure c where not exists ${inSource('c.type', 'c.key')}
           )
           select b.type, b.key, x.type as "refType", x.key as "refKey" from removed x
           join state_entries b on b.state_id = $2
           join revisions r on r.id = b.revision_id
             and r.refs @> jsonb_build_array(jsonb_build_object('type', x.type, 'key', x.key))
           where not exists (select 1 from closure c where c.type = b.type and c.key = b.key)
           order by 1, 2, 3, 4 limit $1`,
          params,
        )
      : [];
    return [...needs, ...users].sort(byDangling).slice(0, limit);
  }

  /** References in a state to entities it does not hold (what a revert could leave behind), capped. */
  async dangling(
    tx: EntityManager,
    stateId: number,
    limit: number,
  ): Promise<{ type: string; key: string; refType: string; refKey: string }[]> {
    return tx.query(
      `select e.type, e.key, ref->>'type' as "refType", ref->>'key' as "refKey"
       from state_entries e
       join revisions r on r.id = e.revision_id
       cross join lateral jsonb_array_elements(coalesce(r.refs, '[]'::jsonb)) ref
       where e.state_id = $1 and ref->>'type' <> '${ENV_REFERENCE}'
         and not exists (select 1 from state_entries t
                         where t.state_id = $1 and t.type = ref->>'type' and t.key = ref->>'key')
       order by e.type, e.key limit $2`,
      [stateId, limit],
    );
  }

  /**
   * The routes of the pages and posts that `toStateId` adds or changes against `fromStateId`, in route order,
   * at most `limit`. One statement: the new state's routes in index order, each probed in the old state by key.
   */
  async changedPageRoutes(tx: EntityManager, fromStateId: number, toStateId: number, limit: number): Promise<string[]> {
    const rows = await queryRows<{ route: string }>(
      tx,
      `select b.route from state_entries b
       left join state_entries a on a.state_id = $1 and a.type = b.type and a.key = b.key
       where b.state_id = $2 and b.route is not null and b.type in ('page', 'post')
         and a.revision_id is distinct from b.revision_id
       order by b.route limit $3`,
      [fromStateId, toStateId, limit],
    );
    return rows.map((r) => r.route);
  }

  async countEntries(tx: EntityManager, stateId: number): Promise<number> {
    const rows = await queryRows<{ entityCount: number }>(
      tx,
      `update content_states set entity_count = (select count(*) from state_entries where state_id = $1) where id = $1
       returning entity_count as "entityCount"`,
      [stateId],
    );
    return rows[0]?.entityCount ?? 0;
  }
}
