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
   * The references the candidate (staging) would add that point at nothing it carries: those of what it adds or
   * changes over production's head, and, when it removes entities, those of its other entities to them.
   * Production's head was checked when it was promoted, so the unchanged rest is not read again.
   */
  async dangling(
    tx: EntityManager,
    siteId: string,
    headStateId: number,
    limit: number,
  ): Promise<{ total: number; sample: DanglingReference[] }> {
    const changed = `changed as materialized (
      select type, key, staging_revision_id as revision_id, staging_revision_id is null as removed
      from staging_compared($1, $2) where staging_revision_id is distinct from production_revision_id)`;
    const [{ removals }] = await tx.query(
      `with ${changed} select count(*) filter (where removed)::int as removals from changed`,
      [siteId, headStateId],
    );
    // Who still refers to a removed entity is a scan of staging's references: only when something is removed.
    const rows: (DanglingReference & { total: number })[] = await tx.query(
      `with ${changed}
       select d.*, count(*) over ()::int as total from (
         select c.type, c.key, ref->>'type' as "refType", ref->>'key' as "refKey"
         from changed c
         join revisions r on r.id = c.revision_id
         cross join lateral jsonb_array_elements(r.refs) ref
         where ref->>'type' <> '${ENV_REFERENCE}'
           and not exists (select 1 from staging_manifest t
                           where t.site_id = $1 and t.type = ref->>'type' and t.key = ref->>'key')
         union all
         select s.type, s.key, x.type, x.key
         from changed x
         join staging_manifest s on s.site_id = $1
         join revisions r on r.id = s.revision_id
           and r.refs @> jsonb_build_array(jsonb_build_object('type', x.type, 'key', x.key))
         where $4 and x.removed
           and not exists (select 1 from changed c where c.type = s.type and c.key = s.key)
       ) d order by d.type, d.key, d."refType", d."refKey" limit $3`,
      [siteId, headStateId, limit, removals > 0],
    );
    return { total: rows[0]?.total ?? 0, sample: rows.map(({ total: _total, ...ref }) => ref) };
  }

  /** The environment variables used by what the candidate adds or changes over production's head. */
  async variablesChanged(tx: EntityManager, siteId: string, headStateId: number): Promise<string[]> {
    const rows: { name: string }[] = await tx.query(
      `select distinct ref->>'key' as name from staging_compared($1, $2) c
       join revisions r on r.id = c.staging_revision_id
       cross join lateral jsonb_array_elements(r.refs) ref
       where c.staging_revision_id is distinct from c.production_revision_id
         and r.refs @> '[{"type": "${ENV_REFERENCE}"}]' and ref->>'type' = '${ENV_REFERENCE}'
       order by 1`,
      [siteId, headStateId],
    );
    return rows.map((r) => r.name);
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
