import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ContentType } from '../../libs/content-model';
import type { EntityDto, StagingEntryRow } from './content.types';

const STAGING_ENTRY = `type, key, data_revision_id::text as "dataRevisionId", published_revision_id::text as "publishedRevisionId",
  version, route, created_at as "createdAt", updated_at as "updatedAt"`;

// Entities with their bodies, in the shape the API answers; keyset pagination on key keeps pages stable
// while others write.
const STAGING_ENTITY = `select e.type, e.key, d.body as data, p.body as published, d.hash as revision,
    p.hash as "publishedRevision", e.version, e.updated_at as "updatedAt"
  from staging_entries e join revisions d on d.id = e.data_revision_id left join revisions p on p.id = e.published_revision_id`;
// A production state's entities, resolved through its chain (state_entry probes one, state_manifest reads all).
const productionEntity = (from: string) => `select e.type, e.key, r.body as data, r.hash as revision, e.version
  from ${from} e join revisions r on r.id = e.revision_id`;

@Injectable()
export class ContentRepository {
  async findStagingEntry(
    tx: EntityManager,
    siteId: string,
    type: ContentType,
    key: string,
  ): Promise<StagingEntryRow | null> {
    const rows = await tx.query(
      `select ${STAGING_ENTRY} from staging_entries where site_id = $1 and type = $2 and key = $3`,
      [siteId, type, key],
    );
    return rows[0] ?? null;
  }

  async upsertStagingEntry(
    tx: EntityManager,
    siteId: string,
    entry: Pick<StagingEntryRow, 'type' | 'key' | 'dataRevisionId' | 'publishedRevisionId' | 'version' | 'route'>,
  ): Promise<void> {
    await tx.query(
      `insert into staging_entries (site_id, type, key, data_revision_id, published_revision_id, version, route)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (site_id, type, key) do update set data_revision_id = excluded.data_revision_id,
         published_revision_id = excluded.published_revision_id, version = excluded.version, route = excluded.route,
         updated_at = now()`,
      [siteId, entry.type, entry.key, entry.dataRevisionId, entry.publishedRevisionId, entry.version, entry.route],
    );
  }

  async deleteStagingEntry(tx: EntityManager, siteId: string, type: ContentType, key: string): Promise<void> {
    await tx.query(`delete from staging_entries where site_id = $1 and type = $2 and key = $3`, [siteId, type, key]);
  }

  async getStaging(tx: EntityManager, siteId: string, type: ContentType, key: string): Promise<EntityDto | null> {
    const rows = await tx.query(`${STAGING_ENTITY} where e.site_id = $1 and e.type = $2 and e.key = $3`, [
      siteId,
      type,
      key,
    ]);
    return rows[0] ?? null;
  }

  listStaging(
    tx: EntityManager,
    siteId: string,
    type: ContentType,
    limit: number,
    afterKey?: string,
  ): Promise<EntityDto[]> {
    return tx.query(
      `${STAGING_ENTITY} where e.site_id = $1 and e.type = $2 and ($3::text is null or e.key > $3) order by e.key limit $4`,
      [siteId, type, afterKey ?? null, limit],
    );
  }

  async getInState(tx: EntityManager, stateId: number, type: ContentType, key: string): Promise<EntityDto | null> {
    const rows = await tx.query(productionEntity('state_entry($1, $2, $3)'), [stateId, type, key]);
    return rows[0] ?? null;
  }

  listInState(
    tx: EntityManager,
    stateId: number,
    type: ContentType,
    limit: number,
    afterKey?: string,
  ): Promise<EntityDto[]> {
    return tx.query(
      `${productionEntity('state_manifest($1, array[$2])')} where e.type = $2 and ($3::text is null or e.key > $3) order by e.key limit $4`,
      [stateId, type, afterKey ?? null, limit],
    );
  }

  async bodyOfRevision(tx: EntityManager, revisionId: string): Promise<unknown> {
    const [row] = await tx.query(`select body from revisions where id = $1`, [revisionId]);
    return row?.body;
  }
}
