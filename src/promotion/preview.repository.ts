import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface TypeSummary {
  type: string;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  drift: number;
}

export interface ChangedEntry {
  type: string;
  key: string;
  stagingRevisionId: string | null;
  productionRevisionId: string | null;
  stagingVersion: number | null;
  productionVersion: number | null;
  /** Production changed this entity since staging's base state: promoting would overwrite that change. */
  drift: boolean;
  /** The base state's revision, for a drifted entity (null: the base did not have it). */
  baseRevisionId: string | null;
}

/** Which states a preview compares: production's head, and the one staging was last in step with. */
export interface ComparedStates {
  headStateId: number;
  baseStateId: number | null;
}

// Staging's promotable manifest (site $1) against a state ($2), on the entities they may differ on: what staging
// changed since its base and what separates that base from the state (staging_compared, migration 2500). Rows
// alike on both sides may appear; entities outside are alike.
const JOINED = `
  select type, key, staging_revision_id::text as "stagingRevisionId",
         production_revision_id::text as "productionRevisionId",
         staging_version as "stagingVersion", production_version as "productionVersion"
  from staging_compared($1, $2)`;

// The three-way part: the base state ($3) is probed by primary key only for a row of the diff (staging differs
// from production's head), and not at all while staging is in step with the head; so it costs what the change
// costs, not what the site does. A row whose staging already equals production's head is never drift.
const BASE_REVISION = (row: string) => `(select b.revision_id::text from state_entry($3, ${row}.type, ${row}.key) b)`;
const DRIFTED = (row: string) => `case
  when $3::bigint is null or $3::bigint = $2::bigint then false
  when ${row}."stagingRevisionId" is not distinct from ${row}."productionRevisionId" then false
  else ${BASE_REVISION(row)} is distinct from ${row}."productionRevisionId" end`;

// The rows of JOINED that differ, and each type's counts ($1 site, $2 head, $3 base): `unchanged` is the head's
// count per type less what changed or went. CTEs `diff` (read once) and `summary`.
const SUMMARY_CTES = `
  diff as materialized (
    select * from (${JOINED}) joined where "stagingRevisionId" is distinct from "productionRevisionId"
  ), differing as (
    select type,
      count(*) filter (where "productionRevisionId" is null)::int as added,
      count(*) filter (where "stagingRevisionId" is not null and "productionRevisionId" is not null)::int as changed,
      count(*) filter (where "stagingRevisionId" is null)::int as removed,
      count(*) filter (where ${DRIFTED('diff')})::int as drift
    from diff group by type
  ), head as (
    select t.key as type, t.value::int as n from jsonb_each_text(coalesce(
      (select type_counts from content_states where id = $2),
      (select jsonb_object_agg(m.type, m.n) from (select type, count(*) as n from state_manifest($2) group by type) m),
      '{}'::jsonb)) t
  ), summary as (
    select coalesce(d.type, h.type) as type, coalesce(d.added, 0) as added, coalesce(d.changed, 0) as changed,
           coalesce(d.removed, 0) as removed,
           (coalesce(h.n, 0) - coalesce(d.changed, 0) - coalesce(d.removed, 0))::int as unchanged,
           coalesce(d.drift, 0) as drift
    from differing d full join head h on h.type = d.type
    where coalesce(d.added, 0) + coalesce(h.n, 0) > 0
  )`;

export interface PreviewPage {
  limit: number;
  after?: { type: string; key: string };
  type?: string;
}

/**
 * The diff as set-based SQL over the entities staging and the head may differ on, bodies only for what changed;
 * a preview reads its counts and its page of changes in one statement, so the entities are compared once.
 */
@Injectable()
export class PreviewRepository {
  async summary(tx: EntityManager, siteId: string, states: ComparedStates): Promise<TypeSummary[]> {
    return tx.query(`with ${SUMMARY_CTES} select * from summary order by 1`, [
      siteId,
      states.headStateId,
      states.baseStateId,
    ]);
  }

  /** The counts per type and one page of the changes (by type and key, after `page.after`), compared once. */
  async summaryAndChanges(
    tx: EntityManager,
    siteId: string,
    states: ComparedStates,
    page: PreviewPage,
  ): Promise<{ summary: TypeSummary[]; changes: ChangedEntry[] }> {
    // Every row of a page is in the diff; the base is looked up for the page's rows only, after the limit.
    const [row] = await tx.query(
      `with ${SUMMARY_CTES}, page as (
         select * from diff
         where ($4::text is null or type = $4) and ($5::text is null or (type, key) > ($5, $6))
         order by type, key limit $7
       ), described as (
         select page.*, base.looked and base.rev is distinct from page."productionRevisionId" as drift,
                base.rev as "baseRevisionId"
         from page
         cross join lateral (
           select coalesce($3::bigint <> $2::bigint, false) as looked,
                  case when $3::bigint <> $2::bigint then ${BASE_REVISION('page')} end as rev
         ) base
       )
       select (select coalesce(jsonb_agg(to_jsonb(s) order by s.type), '[]') from summary s) as summary,
              (select coalesce(jsonb_agg(to_jsonb(d) order by d.type, d.key), '[]') from described d) as changes`,
      [
        siteId,
        states.headStateId,
        states.baseStateId,
        page.type ?? null,
        page.after?.type ?? null,
        page.after?.key ?? null,
        page.limit,
      ],
    );
    return row;
  }

  /** The entities that drifted (the first `limit`, in diff order) and how many there are. */
  async drifted(
    tx: EntityManager,
    siteId: string,
    states: ComparedStates,
    limit: number,
  ): Promise<{ total: number; entities: { type: string; key: string }[] }> {
    const rows: { type: string; key: string; total: number }[] = await tx.query(
      `select type, key, count(*) over ()::int as total from (${JOINED}) joined
       where ${DRIFTED('joined')} order by type, key limit $4`,
      [siteId, states.headStateId, states.baseStateId, limit],
    );
    return { total: rows[0]?.total ?? 0, entities: rows.map(({ type, key }) => ({ type, key })) };
  }

  async entityCount(tx: EntityManager, stateId: number): Promise<number> {
    const [row] = await tx.query(`select entity_count::int as count from content_states where id = $1`, [stateId]);
    return row?.count ?? 0;
  }

  /** Staging's changes of a few (small, site-wide) types against a state: a join of those types only. */
  async changesOfTypes(
    tx: EntityManager,
    siteId: string,
    headStateId: number,
    types: readonly string[],
  ): Promise<{ type: string; key: string; op: 'added' | 'changed' | 'removed' }[]> {
    return tx.query(
      `select type, key,
              case when production_revision_id is null then 'added' when staging_revision_id is null then 'removed'
                   else 'changed' end as op
       from staging_compared($1, $2, $3::text[])
       where staging_revision_id is distinct from production_revision_id
       order by 1, 2`,
      [siteId, headStateId, types],
    );
  }

  async bodies(tx: EntityManager, revisionIds: string[]): Promise<Map<string, unknown>> {
    if (!revisionIds.length) return new Map();
    const rows: { id: string; body: unknown }[] = await tx.query(
      `select id::text, body from revisions where id = any($1::bigint[])`,
      [revisionIds],
    );
    return new Map(rows.map((r) => [r.id, r.body]));
  }
}
