import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ENV_REFERENCE } from '../../libs/content-model';
import { queryRows } from '../platform/database/sql';

export type StateOrigin = 'initial' | 'promotion' | 'restore' | 'break_glass';

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
    const taken: { type: string; key: string; op: 'taken' | 'removed'; requested: boolean }[] = await tx.query(
      `with recursive wanted(type, key, requested) as (
         select type, key, true from unnest($4::text[], $5::text[]) as w(type, key)
         union
         select ref->>'type', ref->>'key', false from wanted w
         join state_entries s on s.state_id = $3 and s.type = w.type and s.key = w.key
         join revisions r on r.id = s.revision_id
         cross join lateral jsonb_array_elements(coalesce(r.refs, '[]'::jsonb)) ref
         where ref->>'type' <> '${ENV_REFERENCE}'
           and not exists (select 1 from state_entries b
                           where b.state_id = $2 and b.type = ref->>'type' and b.key = ref->>'key')
       ), closure as (
         select type, key, bool_or(requested) as requested from wanted group by type, key
       ), kept as (
         insert into state_entries (state_id, type, key, revision_id, version, route)
         select $1::bigint, b.type, b.key, b.revision_id, b.version, b.route from state_entries b
         where b.state_id = $2 and not exists (select 1 from closure c where c.type = b.type and c.key = b.key)
         union all
         select $1::bigint, s.type, s.key, s.revision_id,
                case when p.revision_id = s.revision_id then p.version else coalesce(p.version, 0) + 1 end, s.route
         from closure c
         join state_entries s on s.state_id = $3 and s.type = c.type and s.key = c.key
         left join state_entries p on p.state_id = $2 and p.type = s.type and p.key = s.key
         returning type, key
       )
       select c.type, c.key, c.requested,
              case when exists (select 1 from state_entries s where s.state_id = $3 and s.type = c.type and s.key = c.key)
                   then 'taken' else 'removed' end as op
       from closure c order by c.type, c.key`,
      [stateId, baseStateId, sourceStateId, entities.map((e) => e.type), entities.map((e) => e.key)],
    );
    await this.countEntries(tx, stateId);
    return taken;
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
