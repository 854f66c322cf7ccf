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
  /** Every reference of the candidate that points at nothing the candidate carries: one join. */
  async dangling(
    tx: EntityManager,
    siteId: string,
    limit: number,
  ): Promise<{ total: number; sample: DanglingReference[] }> {
    const rows: (DanglingReference & { total: number })[] = await tx.query(
      `select s.type, s.key, ref->>'type' as "refType", ref->>'key' as "refKey", count(*) over ()::int as total
       from staging_manifest s
       join revisions r on r.id = s.revision_id
       cross join lateral jsonb_array_elements(r.refs) ref
       left join staging_manifest t on t.site_id = s.site_id and t.type = ref->>'type' and t.key = ref->>'key'
       where s.site_id = $1 and t.key is null and ref->>'type' <> '${ENV_REFERENCE}'
       order by s.type, s.key limit $2`,
      [siteId, limit],
    );
    return { total: rows[0]?.total ?? 0, sample: rows.map(({ total: _total, ...ref }) => ref) };
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
