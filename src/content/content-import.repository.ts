import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A staging entry with the hashes of its revisions, so an import compares bodies without loading them. */
export interface ExistingEntry {
  type: string;
  key: string;
  dataHash: string;
  publishedRevisionId: string | null;
  publishedHash: string | null;
  version: number;
  route: string | null;
}

export interface EntryWrite {
  type: string;
  key: string;
  dataRevisionId: string;
  publishedRevisionId: string | null;
  version: number;
  route: string | null;
}

/** Bulk reads and writes of staging's working manifest: one statement per step whatever the number of entities. */
@Injectable()
export class ContentImportRepository {
  // One index probe per key: the `limit 1` keeps the lateral subquery from being flattened into a join that
  // the planner, with statistics that lag behind a bulk load, may answer by scanning the whole site.
  findEntries(tx: EntityManager, siteId: string, keys: { type: string; key: string }[]): Promise<ExistingEntry[]> {
    return tx.query(
      `select e.type, e.key, d.hash as "dataHash", e.published_revision_id::text as "publishedRevisionId",
         p.hash as "publishedHash", e.version, e.route
       from unnest($2::text[], $3::text[]) as i(type, key)
       cross join lateral (
         select * from staging_entries s where s.site_id = $1 and s.type = i.type and s.key = i.key limit 1
       ) e
       join revisions d on d.id = e.data_revision_id
       left join revisions p on p.id = e.published_revision_id`,
      [siteId, keys.map((k) => k.type), keys.map((k) => k.key)],
    );
  }

  /** Who serves each of these routes now (one index probe per route, as above). */
  findRouteHolders(
    tx: EntityManager,
    siteId: string,
    routes: string[],
  ): Promise<{ type: string; key: string; route: string }[]> {
    return tx.query(
      `select e.type, e.key, e.route from unnest($2::text[]) as r(route)
       cross join lateral (
         select type, key, route from staging_entries s where s.site_id = $1 and s.route = r.route limit 1
       ) e`,
      [siteId, routes],
    );
  }

  async upsertEntries(tx: EntityManager, siteId: string, entries: EntryWrite[]): Promise<void> {
    await tx.query(
      `insert into staging_entries (site_id, type, key, data_revision_id, published_revision_id, version, route)
       select $1, i.type, i.key, i.data_revision_id, i.published_revision_id, i.version, i.route
       from unnest($2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::int[], $7::text[])
         as i(type, key, data_revision_id, published_revision_id, version, route)
       on conflict (site_id, type, key) do update set data_revision_id = excluded.data_revision_id,
         published_revision_id = excluded.published_revision_id, version = excluded.version, route = excluded.route,
         updated_at = now()`,
      [
        siteId,
        entries.map((e) => e.type),
        entries.map((e) => e.key),
        entries.map((e) => e.dataRevisionId),
        entries.map((e) => e.publishedRevisionId),
        entries.map((e) => e.version),
        entries.map((e) => e.route),
      ],
    );
  }

  async setRoutes(tx: EntityManager, siteId: string, routes: { type: string; key: string; route: string }[]) {
    await tx.query(
      `update staging_entries e set route = i.route
       from unnest($2::text[], $3::text[], $4::text[]) as i(type, key, route)
       where e.site_id = $1 and e.type = i.type and e.key = i.key`,
      [siteId, routes.map((r) => r.type), routes.map((r) => r.key), routes.map((r) => r.route)],
    );
  }
}
