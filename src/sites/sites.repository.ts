import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '../database/sql';
import type { EnvironmentRow, EnvName, Site } from './site.types';

const SITE = `id, slug, name, created_at as "createdAt", trusted_custom_code as "trustedCustomCode"`;
export const ENVIRONMENT_COLUMNS = `site_id as "siteId", name, version::int as version, change_seq::int as "changeSeq",
  head_state_id::int as "headStateId", reset_at as "resetAt", maintenance_reason as "maintenanceReason",
  maintenance_holder as "maintenanceHolder", maintenance_until as "maintenanceUntil"`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class SitesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findBySlugOrId(ref: string, tx: EntityManager = this.dataSource.manager): Promise<Site | null> {
    const rows = UUID.test(ref)
      ? await tx.query(`select ${SITE} from sites where id = $1`, [ref])
      : await tx.query(`select ${SITE} from sites where slug = $1`, [ref]);
    return rows[0] ?? null;
  }

  list(limit: number, afterSlug?: string): Promise<Site[]> {
    return this.dataSource.query(
      `select ${SITE} from sites where ($1::text is null or slug > $1) order by slug limit $2`,
      [afterSlug ?? null, limit],
    );
  }

  /** The site, its two environments and production's empty first state, in the caller's transaction. */
  async insert(tx: EntityManager, slug: string, name: string): Promise<Site> {
    const [site] = await tx.query(`insert into sites (slug, name) values ($1, $2) returning ${SITE}`, [slug, name]);
    const [state] = await tx.query(
      `insert into content_states (site_id, origin, entity_count) values ($1, 'initial', 0) returning id`,
      [site.id],
    );
    await tx.query(
      `insert into environments (site_id, name, head_state_id) values ($1, 'staging', null), ($1, 'production', $2)`,
      [site.id, state.id],
    );
    return site;
  }

  async setTrustedCustomCode(tx: EntityManager, siteId: string, trusted: boolean): Promise<Site> {
    const [site] = await queryRows<Site>(
      tx,
      `update sites set trusted_custom_code = $2 where id = $1 returning ${SITE}`,
      [siteId, trusted],
    );
    return site;
  }

  async environments(siteIds: string[], tx: EntityManager = this.dataSource.manager): Promise<EnvironmentRow[]> {
    return tx.query(`select ${ENVIRONMENT_COLUMNS} from environments where site_id = any($1)`, [siteIds]);
  }

  /** Locks the environment row for the rest of the caller's transaction (writers of one site serialise here). */
  async lockEnvironment(tx: EntityManager, siteId: string, env: EnvName): Promise<EnvironmentRow> {
    const [row] = await tx.query(
      `select ${ENVIRONMENT_COLUMNS} from environments where site_id = $1 and name = $2 for update`,
      [siteId, env],
    );
    return row;
  }

  async environment(
    siteId: string,
    env: EnvName,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<EnvironmentRow> {
    const [row] = await tx.query(`select ${ENVIRONMENT_COLUMNS} from environments where site_id = $1 and name = $2`, [
      siteId,
      env,
    ]);
    return row;
  }
}
