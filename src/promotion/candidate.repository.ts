import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ENV_REFERENCE } from '../../libs/content-model';

export interface DanglingReference {
  type: string;
  key: string;
  refType: string;
  refKey: string;
}

/**
 * Questions about the candidate state that a promotion must answer first: staging's promotable manifest, or
 * for a scheduled promotion the state pinned from it when the schedule was made.
 */
@Injectable()
export class CandidateRepository {
  /**
   * What the candidate (staging) changes over production's head, checked in one statement (the changes are
   * compared once): the references it would add that point at nothing it carries (those of what it adds or
   * changes, and, when it removes entities, those of its other entities to them; the first `limit` and how
   * many), and the environment variables what it adds or changes uses. Production's head was checked when it
   * was promoted, so the unchanged rest is not read again.
   */
  async checkChanges(
    tx: EntityManager,
    siteId: string,
    headStateId: number,
    limit: number,
  ): Promise<{ dangling: { total: number; sample: DanglingReference[] }; variables: string[] }> {
    // A reference's target is one probe (`offset 0`: not an anti-join that hashes all of staging). Who still
    // refers to a removed entity is a scan of staging's references: gated (a one-time filter) on a removal.
    const [row] = await tx.query(
      `with changed as materialized (
         select type, key, staging_revision_id as revision_id, staging_revision_id is null as removed
         from staging_compared($1, $2) where staging_revision_id is distinct from production_revision_id
       ), dangling as (
         select d.*, count(*) over ()::int as total from (
           select c.type, c.key, ref->>'type' as "refType", ref->>'key' as "refKey"
           from changed c
           join revisions r on r.id = c.revision_id
           cross join lateral jsonb_array_elements(r.refs) ref
           where ref->>'type' <> '${ENV_REFERENCE}'
             and not exists (select 1 from staging_manifest t
                             where t.site_id = $1 and t.type = ref->>'type' and t.key = ref->>'key' offset 0)
           union all
           select s.type, s.key, x.type, x.key
           from changed x
           join staging_manifest s on s.site_id = $1
           join revisions r on r.id = s.revision_id
             and r.refs @> jsonb_build_array(jsonb_build_object('type', x.type, 'key', x.key))
           where exists (select 1 from changed where removed) and x.removed
             and not exists (select 1 from changed c where c.type = s.type and c.key = s.key)
         ) d order by d.type, d.key, d."refType", d."refKey" limit $3
       ), variables as (
         select distinct ref->>'key' as name from changed c
         join revisions r on r.id = c.revision_id
         cross join lateral jsonb_array_elements(r.refs) ref
         where r.refs @> '[{"type": "${ENV_REFERENCE}"}]' and ref->>'type' = '${ENV_REFERENCE}'
       )
       select (select coalesce(jsonb_agg(to_jsonb(d) order by d.type, d.key, d."refType", d."refKey"), '[]')
               from dangling d) as dangling,
              (select coalesce(array_agg(name order by name), '{}') from variables) as variables`,
      [siteId, headStateId, limit],
    );
    const listed: (DanglingReference & { total: number })[] = row.dangling;
    return {
      dangling: { total: listed[0]?.total ?? 0, sample: listed.map(({ total: _total, ...ref }) => ref) },
      variables: row.variables,
    };
  }

  /** The environment variables the candidate's bodies use, from their stored references. */
  async variablesUsed(tx: EntityManager, siteId: string): Promise<string[]> {
    const rows: { name: string }[] = await tx.query(
      `select distinct ref->>'key' as name from staging_manifest s
       join revisions r on r.id = s.revision_id
       cross join lateral jsonb_array_elements(r.refs) ref
       where s.site_id = $1 and r.refs @> '[{"type": "${ENV_REFERENCE}"}]' and ref->>'type' = '${ENV_REFERENCE}'
       order by 1`,
      [siteId],
    );
    return rows.map((r) => r.name);
  }

  /** Media blobs the candidate uses that production's head does not (so may be missing from its bucket). */
  async mediaToCopy(tx: EntityManager, siteId: string, headStateId: number): Promise<string[]> {
    const rows: { sha256: string }[] = await tx.query(
      `select r.body->>'sha256' as sha256 from staging_manifest s join revisions r on r.id = s.revision_id
       where s.site_id = $1 and s.type = 'media'
       except
       select r.body->>'sha256' from state_manifest($2, '{media}') e join revisions r on r.id = e.revision_id`,
      [siteId, headStateId],
    );
    return rows.map((r) => r.sha256);
  }

  /** Media blobs a pinned candidate state uses that production's head does not. */
  async pinnedMediaToCopy(tx: EntityManager, stateId: number, headStateId: number): Promise<string[]> {
    const rows: { sha256: string }[] = await tx.query(
      `select r.body->>'sha256' as sha256 from state_manifest($1, '{media}') e join revisions r on r.id = e.revision_id
       except
       select r.body->>'sha256' from state_manifest($2, '{media}') e join revisions r on r.id = e.revision_id`,
      [stateId, headStateId],
    );
    return rows.map((r) => r.sha256);
  }
}
