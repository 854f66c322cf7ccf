import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface TypeSummary {
  type: string;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
}

export interface ChangedEntry {
  type: string;
  key: string;
  stagingRevisionId: string | null;
  productionRevisionId: string | null;
  stagingVersion: number | null;
  productionVersion: number | null;
}

// Staging's promotable manifest against a state.
const JOINED = `
  with s as (select type, key, revision_id as rev, version from staging_manifest where site_id = $1),
       p as (select type, key, revision_id as rev, version from state_entries where state_id = $2)
  select coalesce(s.type, p.type) as type, coalesce(s.key, p.key) as key,
         s.rev::text as "stagingRevisionId", p.rev::text as "productionRevisionId",
         s.version as "stagingVersion", p.version as "productionVersion"
  from s full join p on s.type = p.type and s.key = p.key`;

/** The diff as set-based SQL: one join of two manifests on (type, key), bodies only for what changed. */
@Injectable()
export class PreviewRepository {
  async summary(tx: EntityManager, siteId: string, headStateId: number): Promise<TypeSummary[]> {
    return tx.query(
      `select type,
         count(*) filter (where "productionRevisionId" is null)::int as added,
         count(*) filter (where "stagingRevisionId" is not null and "productionRevisionId" is not null
                          and "stagingRevisionId" <> "productionRevisionId")::int as changed,
         count(*) filter (where "stagingRevisionId" is null)::int as removed,
         count(*) filter (where "stagingRevisionId" = "productionRevisionId")::int as unchanged
       from (${JOINED}) joined group by type order by type`,
      [siteId, headStateId],
    );
  }

  async changes(
    tx: EntityManager,
    siteId: string,
    headStateId: number,
    page: { limit: number; after?: { type: string; key: string }; type?: string },
  ): Promise<ChangedEntry[]> {
    return tx.query(
      `select * from (${JOINED}) joined
       where "stagingRevisionId" is distinct from "productionRevisionId"
         and ($3::text is null or type = $3)
         and ($4::text is null or (type, key) > ($4, $5))
       order by type, key limit $6`,
      [siteId, headStateId, page.type ?? null, page.after?.type ?? null, page.after?.key ?? null, page.limit],
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
