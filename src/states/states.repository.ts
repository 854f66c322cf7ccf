import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ENV_REFERENCE } from '../../libs/content-model';
import type { StateDeltaPolicy } from '../platform/config/config';
import { refreshStatisticsAfterWrite } from '../platform/database/planner-statistics';
import { RUNTIME_CONFIG } from '../platform/config/runtime-config';
import { queryRows } from '../platform/database/sql';

/** What built a state; a `candidate` is a selective preview's candidate, built to render and never a head. */
export type StateOrigin = 'initial' | 'promotion' | 'restore' | 'break_glass' | 'candidate';

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

// One entity of a relation, probed by primary key. `offset 0` keeps the subquery a per-row index lookup: a plain
// join lets the planner hash the whole manifest instead, which it does when a fresh import left it without stats.
const probe = (from: string, type: string, key: string, extra = '') =>
  `(select * from ${from} where type = ${type} and key = ${key}${extra} offset 0)`;

/** Where a closure takes entities from ($3): one entity by (type, key), or every entity of some types. */
interface ClosureSource {
  probe(type: string, key: string): string;
  ofTypes(types: string): string;
}
// Another state (a snapshot, for a revert), resolved through its chain.
const STATE_SOURCE: ClosureSource = {
  probe: (type, key) => `(select * from state_entry($3, ${type}, ${key}) offset 0)`,
  ofTypes: (types) => `state_manifest($3, ${types})`,
};
// Staging's promotable manifest (a selective promotion).
const STAGING_SOURCE: ClosureSource = {
  probe: (type, key) => probe('staging_manifest', type, key, ' and site_id = $3'),
  ofTypes: (types) => `(select * from staging_manifest where site_id = $3 and type = any(${types}))`,
};
const inStaging = STAGING_SOURCE.probe;
// The base state's entity: one probe per level of its chain.
const inBase = (type: string, key: string, extra = '') =>
  `(select * from state_entry($2, ${type}, ${key}) base where true${extra} offset 0)`;

/**
 * The closure of a selection ($4 types and $5 keys, plus every difference between source and base of the types
 * in $6) over references: an entity brings what it refers to and, an object type, its fields (a record refers
 * to its type, so it brings both). A revert follows a reference when the base ($2) lacks the entity
 * ('missing'); a selective promotion when the source has it otherwise than the base ('changed'). Defines the
 * CTEs seed, wanted and closure (type, key, requested, because).
 */
function closure(source: ClosureSource, follow: 'missing' | 'changed'): string {
  const followed =
    follow === 'missing'
      ? `not exists ${inBase('ref.type', 'ref.key')}`
      : `exists (select 1 from ${source.probe('ref.type', 'ref.key')} x
                 where not exists ${inBase('x.type', 'x.key', ' and revision_id = x.revision_id')})`;
  return `with recursive seed(type, key) as (
      select type, key from unnest($4::text[], $5::text[]) as w(type, key)
      union
      select coalesce(s.type, b.type), coalesce(s.key, b.key)
      from ${source.ofTypes('$6::text[]')} s
      full join state_manifest($2, $6::text[]) b
        on b.type = s.type and b.key = s.key
      -- A one-time filter: with no types, neither side is read (an empty any() would still scan the site).
      where cardinality($6::text[]) > 0 and s.revision_id is distinct from b.revision_id
    ),
    wanted(type, key, requested, because_type, because_key) as (
      select type, key, true, null::text, null::text from seed
      union
      select ref.type, ref.key, false, w.type, w.key from wanted w
      cross join lateral ${source.probe('w.type', 'w.key')} s
      cross join lateral (select refs from revisions where id = s.revision_id offset 0) r
      cross join lateral (
        select e->>'type' as type, e->>'key' as key from jsonb_array_elements(coalesce(r.refs, '[]'::jsonb)) e
        where e->>'type' <> '${ENV_REFERENCE}'
        union all
        select f.type, f.key from ${source.ofTypes(`'{custom_field}'`)} f join revisions fr on fr.id = f.revision_id
        where w.type = 'custom_object_type'
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

// Writes state $1 as a delta on the base: the closure's entities from the source (versions count on), and a
// removal row for each one the source lacks and the base has. What the closure leaves alone is the base's.
// A data-modifying CTE runs whether or not the statement reads it.
const fill = (source: ClosureSource) => `kept as (
    insert into state_entries (state_id, type, key, revision_id, version, route)
    select $1::bigint, c.type, c.key, s.revision_id,
           case when s.revision_id is null or p.revision_id = s.revision_id then p.version
                else coalesce(p.version, 0) + 1 end,
           s.route
    from closure c
    left join lateral ${source.probe('c.type', 'c.key')} s on true
    left join lateral ${inBase('c.type', 'c.key')} p on true
    where s.revision_id is not null or p.revision_id is not null
  )`;

// A small base counts as this many entities when measuring its deltas' share: compacting a 10-entity site at
// its third changed row would buy nothing, and its lookups stay as deep as the depth bound allows anyway.
const SMALL_BASE = 1000;

type DanglingRow = { type: string; key: string; refType: string; refKey: string };
const byDangling = (a: DanglingRow, b: DanglingRow) =>
  [a.type, a.key, a.refType, a.refKey].join('\u0000') < [b.type, b.key, b.refType, b.refKey].join('\u0000') ? -1 : 1;

const closureParams = (seed: ClosureSeed) => [
  seed.entities.map((e) => e.type),
  seed.entities.map((e) => e.key),
  seed.types,
];

/**
 * Immutable production manifests, built with set-based SQL (a handful of statements per state). Each fill writes
 * the new state as a delta on its base (the rows that differ, a removal as a row without a revision) and then
 * settles it: kept as a delta, or compacted into a full manifest when the chain would pass the policy's bounds.
 */
@Injectable()
export class StatesRepository {
  constructor(@Inject(RUNTIME_CONFIG) private readonly config: { stateDeltas: StateDeltaPolicy }) {}

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
      `insert into content_states (site_id, origin, entity_count, type_counts) values ($1, 'initial', 0, '{}') returning id::int`,
      [siteId],
    );
    return state.id;
  }

  /**
   * A new empty state, or the one already built for this origin id (a retried job finds its own state:
   * building is idempotent per job). A concurrent builder of the same origin id waits here for the other's
   * commit, then finds its state.
   */
  async create(
    tx: EntityManager,
    siteId: string,
    origin: StateOrigin,
    originId: string,
  ): Promise<{ id: number; built: boolean }> {
    const [row] = await tx.query(
      `insert into content_states (site_id, origin, origin_id) values ($1, $2, $3)
       on conflict (origin_id) do nothing returning id::int`,
      [siteId, origin, originId],
    );
    if (row) return { id: row.id, built: false };
    const [existing] = await tx.query(
      `select id::int, parent_id is not null or entity_count > 0
                or exists (select 1 from state_entries where state_id = content_states.id) as built
      from content_states where origin_id = $1 and site_id = $2`,
      [originId, siteId],
    );
    return { id: existing.id, built: existing.built };
  }

  /** The state built for this origin id on this site, if any. */
  async findByOrigin(tx: EntityManager, siteId: string, originId: string): Promise<number | null> {
    const [row] = await tx.query(`select id::int from content_states where origin_id = $1 and site_id = $2`, [
      originId,
      siteId,
    ]);
    return row?.id ?? null;
  }

  /**
   * Staging's promotable manifest as a new state: unchanged entities keep production's version, changed and
   * added ones get production's + 1. Written as what differs from the base (one INSERT … SELECT over the
   * entities staging_compared names: staging's changes since its base and production's since then), then settled.
   */
  async fillFromStaging(tx: EntityManager, stateId: number, siteId: string, baseStateId: number): Promise<number> {
    await tx.query(
      `insert into state_entries (state_id, type, key, revision_id, version, route)
       select $1, c.type, c.key, c.staging_revision_id,
              case when c.staging_revision_id is null or c.production_revision_id = c.staging_revision_id
                   then c.production_version else coalesce(c.production_version, 0) + 1 end,
              c.staging_route
       from staging_compared($2, $3) c
       where c.staging_revision_id is distinct from c.production_revision_id
          or c.staging_route is distinct from c.production_route`,
      [stateId, siteId, baseStateId],
    );
    return this.settle(tx, stateId, baseStateId);
  }

  /** Another state's content (a snapshot's) with versions counted on from the base state, as a new state. */
  async fillFromState(tx: EntityManager, stateId: number, sourceStateId: number, baseStateId: number): Promise<number> {
    await tx.query(
      `insert into state_entries (state_id, type, key, revision_id, version, route)
       select $1, d.type, d.key, d.to_revision_id,
              case when d.to_revision_id is null or d.from_revision_id = d.to_revision_id then d.from_version
                   else coalesce(d.from_version, 0) + 1 end,
              d.to_route
       from state_diff($3, $2) d`,
      [stateId, sourceStateId, baseStateId],
    );
    return this.settle(tx, stateId, baseStateId);
  }

  /** The base state with one entity replaced (revisionId) or removed (null); its version moves by one. */
  async fillWithOneChange(
    tx: EntityManager,
    stateId: number,
    baseStateId: number,
    change: { type: string; key: string; revisionId: string | null; route: string | null },
  ): Promise<{ fromVersion: number | null; toVersion: number | null }> {
    const [before] = await tx.query(`select version from state_entry($1, $2, $3)`, [
      baseStateId,
      change.type,
      change.key,
    ]);
    const toVersion = change.revisionId ? (before?.version ?? 0) + 1 : null;
    if (change.revisionId || before)
      await tx.query(
        `insert into state_entries (state_id, type, key, revision_id, version, route) values ($1, $2, $3, $4, $5, $6)`,
        [
          stateId,
          change.type,
          change.key,
          change.revisionId,
          toVersion ?? before.version,
          change.revisionId ? change.route : null,
        ],
      );
    await this.settle(tx, stateId, baseStateId, { checkRoutes: true });
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
    const taken: { type: string; key: string; op: 'taken' | 'removed'; requested: boolean }[] = await tx.query(
      `${closure(STATE_SOURCE, 'missing')},
       ${fill(STATE_SOURCE)}
       select c.type, c.key, c.requested,
              case when exists ${STATE_SOURCE.probe('c.type', 'c.key')} then 'taken' else 'removed' end as op
       from closure c order by c.type, c.key`,
      [stateId, baseStateId, sourceStateId, ...closureParams({ entities, types: [] })],
    );
    await this.settle(tx, stateId, baseStateId, { checkRoutes: true });
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
    await tx.query(`${closure(STAGING_SOURCE, 'changed')}, ${fill(STAGING_SOURCE)} select 1`, [
      stateId,
      baseStateId,
      siteId,
      ...closureParams(selection),
    ]);
    return this.settle(tx, stateId, baseStateId, { checkRoutes: true });
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
    return tx.query(
      `${closure(STAGING_SOURCE, 'changed')}
       select c.type, c.key, c.requested, c.because as "includedBecause",
              s.revision_id::text as "stagingRevisionId", b.revision_id::text as "productionRevisionId",
              s.version as "stagingVersion", b.version as "productionVersion",
              (select d.revision_id::text from state_entry($1::bigint, c.type, c.key) d) as "driftRevisionId",
              case when c.type = 'media' then r.body->>'sha256' end as sha256,
              coalesce((select array_agg(e->>'key' order by e->>'key') from jsonb_array_elements(r.refs) e
                        where e->>'type' = '${ENV_REFERENCE}'), '{}') as variables
       from closure c
       left join lateral ${inStaging('c.type', 'c.key')} s on true
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
        then exists ${inStaging(type, key)}
      else exists ${inBase(type, key)} end)`;
    const params = [limit, baseStateId, siteId, ...closureParams(selection)];
    const needs: DanglingRow[] = await tx.query(
      `${closure(STAGING_SOURCE, 'changed')}
       select c.type, c.key, ref->>'type' as "refType", ref->>'key' as "refKey" from closure c
       cross join lateral ${inStaging('c.type', 'c.key')} s
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
             select c.type, c.key from closure c where not exists ${inStaging('c.type', 'c.key')}
           )
           select b.type, b.key, x.type as "refType", x.key as "refKey" from removed x
           cross join state_manifest($2) b
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
       from state_manifest($1) e
       join revisions r on r.id = e.revision_id
       cross join lateral jsonb_array_elements(coalesce(r.refs, '[]'::jsonb)) ref
       where ref->>'type' <> '${ENV_REFERENCE}'
         and not exists (select 1 from state_entry($1, ref->>'type', ref->>'key'))
       order by e.type, e.key limit $2`,
      [stateId, limit],
    );
  }

  /**
   * The routes of the pages and posts that `toStateId` adds or changes against `fromStateId`, in route order,
   * at most `limit`: what separates the two states, which for a state built on the other is its own delta.
   */
  async changedPageRoutes(tx: EntityManager, fromStateId: number, toStateId: number, limit: number): Promise<string[]> {
    const rows = await queryRows<{ route: string }>(
      tx,
      `select to_route as route from state_diff($1, $2)
       where to_route is not null and to_revision_id is not null and type in ('page', 'post')
       order by to_route limit $3`,
      [fromStateId, toStateId, limit],
    );
    return rows.map((r) => r.route);
  }

  /**
   * Refuses a delta that gives an entity a route another entity of the state still serves (a full manifest's
   * unique route index cannot see across a chain): each of the delta's routes resolved in its parent
   * (`state_route`, which knows which level shadows which), unless the delta moves that entity too. Driven by
   * the delta's rows, so it costs what the delta holds.
   */
  private async assertRoutesFree(tx: EntityManager, stateId: number): Promise<void> {
    const [clash] = await tx.query(
      `select d.route from content_states s
       join state_entries d on d.state_id = s.id and d.route is not null
       cross join lateral state_route(s.parent_id, d.route) o
       where s.id = $1 and (o.type, o.key) <> (d.type, d.key)
         and not exists (select 1 from state_entries n where n.state_id = s.id and n.type = o.type and n.key = o.key)
       limit 1`,
      [stateId],
    );
    if (clash) throw new RouteTakenError(clash.route);
  }

  /**
   * Settles a state whose rows are what differs from `parentId`: it stays a delta (its chain recorded on its
   * row), or, when that would make the chain longer than the policy's depth or its deltas more than the policy's
   * share of the full base (counted as at least SMALL_BASE entities), it becomes a full manifest: the parent's entities it does not override are copied
   * in and its removal rows go. Records and returns how many entities it holds.
   */
  private async settle(
    tx: EntityManager,
    stateId: number,
    parentId: number,
    { checkRoutes = false } = {},
  ): Promise<number> {
    const { maxDepth, maxPercent, smallBase = SMALL_BASE } = this.config.stateDeltas;
    await this.countTypes(tx, parentId);
    const [chain] = await queryRows<{ compact: boolean }>(
      tx,
      `with own as (
         select e.type, count(*)::int as rows,
                count(*) filter (where e.revision_id is null)::int as removed,
                count(*) filter (where e.revision_id is not null
                                 and not exists (select 1 from state_entry($2, e.type, e.key)))::int as added
         from state_entries e where e.state_id = $1 group by e.type
       ), parent as (
         select p.id, p.ancestors, p.chain_rows, p.entity_count, p.type_counts,
                coalesce((select b.entity_count from content_states b where b.id = p.ancestors[cardinality(p.ancestors)]),
                         p.entity_count) as base_entities
         from content_states p where p.id = $2
       ), counts as (
         select coalesce(jsonb_object_agg(type, n) filter (where n > 0), '{}'::jsonb) as type_counts
         from (select type, sum(n)::int as n from (
                 select t.key as type, t.value::int as n from parent, jsonb_each_text(parent.type_counts) t
                 union all select type, added - removed from own) c group by type) t
       )
       update content_states s set
         parent_id = parent.id, ancestors = array[parent.id] || parent.ancestors,
         chain_rows = parent.chain_rows + coalesce((select sum(rows) from own), 0),
         entity_count = parent.entity_count + coalesce((select sum(added - removed) from own), 0),
         type_counts = counts.type_counts
       from parent, counts where s.id = $1
       returning cardinality(s.ancestors) > $3 or s.chain_rows * 100 > $4 * greatest(parent.base_entities, $5) as compact`,
      [stateId, parentId, maxDepth, maxPercent, smallBase],
    );
    // Before compacting: a clash would otherwise surface as the unique route index's error.
    if (checkRoutes) await this.assertRoutesFree(tx, stateId);
    if (!chain?.compact) return this.entityCount(tx, stateId);
    await this.compact(tx, stateId, parentId);
    const entities = await this.entityCount(tx, stateId);
    // A whole manifest may be most of the table (a site's first promotion): the next statements plan with it.
    await refreshStatisticsAfterWrite(tx, ['state_entries'], entities);
    return entities;
  }

  /** A delta made whole: the parent's entities it does not override, copied in; its removal rows dropped. */
  private async compact(tx: EntityManager, stateId: number, parentId: number): Promise<void> {
    await tx.query(
      `insert into state_entries (state_id, type, key, revision_id, version, route)
       select $1, p.type, p.key, p.revision_id, p.version, p.route from state_manifest($2) p
       where not exists (select 1 from state_entries e where e.state_id = $1 and e.type = p.type and e.key = p.key)`,
      [stateId, parentId],
    );
    await tx.query(`delete from state_entries where state_id = $1 and revision_id is null`, [stateId]);
    await tx.query(`update content_states set parent_id = null, ancestors = '{}', chain_rows = 0 where id = $1`, [
      stateId,
    ]);
  }

  /**
   * Folds each state that is kept only because a retained delta's chain passes through it into the one kept
   * state built on it, so the collector can delete it (with what only it references): the child takes the
   * rows it does not override and the folded state's place in the chain (a folded full state makes the child
   * full). A state two kept states are built on stays: it is shared. Returns how many were folded. The
   * caller holds the content lock exclusively; each fold rewrites one chain in place, not what it resolves to.
   */
  async foldIntermediates(tx: EntityManager, retained: number[]): Promise<number> {
    let folded = 0;
    for (;;) {
      const [fold] = await queryRows<{ id: number; child: number; full: boolean }>(
        tx,
        `with needed as (
           select unnest($1::bigint[]) as id
           union select unnest(c.ancestors) from content_states c where c.id = any($1::bigint[])
         )
         select p.id::int, min(k.id)::int as child, cardinality(p.ancestors) = 0 as full
         from content_states p join needed n on n.id = p.id
         join content_states k on k.parent_id = p.id join needed kn on kn.id = k.id
         where p.id <> all($1::bigint[])
         group by p.id having count(*) = 1 order by p.id limit 1`,
        [retained],
      );
      if (!fold) return folded;
      await tx.query(
        `insert into state_entries (state_id, type, key, revision_id, version, route)
         select $2, p.type, p.key, p.revision_id, p.version, p.route from state_entries p
         where p.state_id = $1
           and not exists (select 1 from state_entries c where c.state_id = $2 and c.type = p.type and c.key = p.key)`,
        [fold.id, fold.child],
      );
      if (fold.full)
        await tx.query(`delete from state_entries where state_id = $1 and revision_id is null`, [fold.child]);
      await tx.query(
        `update content_states c set parent_id = p.parent_id, ancestors = p.ancestors
         from content_states p where p.id = $1 and c.id = $2`,
        [fold.id, fold.child],
      );
      // The chains through the folded state lose it; their delta row counts are taken again.
      await tx.query(
        `update content_states set ancestors = array_remove(ancestors, $1::bigint) where $1::bigint = any(ancestors)`,
        [fold.id],
      );
      await tx.query(
        `update content_states d set chain_rows = case when cardinality(d.ancestors) = 0 then 0 else
           (select count(*) from state_entries e where e.state_id = any(array[d.id] || d.ancestors[1:cardinality(d.ancestors) - 1])) end
         where d.id = $1 or $1::bigint = any(d.ancestors)`,
        [fold.child],
      );
      folded += 1;
    }
  }

  /**
   * Each type's entity count in a state, recorded on it (computed once for a state written without it): a
   * preview counts its unchanged entities from the head's, without reading the head's manifest.
   */
  async countTypes(tx: EntityManager, stateId: number): Promise<Record<string, number>> {
    const [row] = await queryRows<{ typeCounts: Record<string, number> | null }>(
      tx,
      `select type_counts as "typeCounts" from content_states where id = $1`,
      [stateId],
    );
    if (!row || row.typeCounts) return row?.typeCounts ?? {};
    const [counted] = await queryRows<{ typeCounts: Record<string, number> }>(
      tx,
      `update content_states c set type_counts = (
         select coalesce(jsonb_object_agg(m.type, m.n), '{}'::jsonb)
         from (select type, count(*)::int as n from state_manifest(c.id) group by type) m)
       where c.id = $1 returning c.type_counts as "typeCounts"`,
      [stateId],
    );
    return counted.typeCounts;
  }

  private async entityCount(tx: EntityManager, stateId: number): Promise<number> {
    const rows = await queryRows<{ entityCount: number }>(
      tx,
      `select entity_count as "entityCount" from content_states where id = $1`,
      [stateId],
    );
    return rows[0]?.entityCount ?? 0;
  }
}

/** A state would serve one route with two entities. */
export class RouteTakenError extends Error {
  constructor(readonly route: string) {
    super(`route ${route} is served by two entities`);
  }
}
