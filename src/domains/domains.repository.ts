import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EnvName } from '../sites/site.types';

export interface DomainRow {
  host: string;
  primary: boolean;
}

export interface DomainRoute {
  siteId: string;
  env: EnvName;
  /** The environment's primary host, where requests on its other hosts are redirected. */
  primaryHost: string | null;
}

@Injectable()
export class DomainsRepository {
  list(tx: EntityManager, siteId: string, env: EnvName): Promise<DomainRow[]> {
    return tx.query(
      `select host, is_primary as primary from domains where site_id = $1 and env = $2 order by is_primary desc, host`,
      [siteId, env],
    );
  }

  /** Which of `hosts` another environment (of this or another site) already has. */
  async takenElsewhere(tx: EntityManager, siteId: string, env: EnvName, hosts: string[]): Promise<string[]> {
    const rows: { host: string }[] = await tx.query(
      `select host from domains where host = any($3) and not (site_id = $1 and env = $2) order by host`,
      [siteId, env, hosts],
    );
    return rows.map((r) => r.host);
  }

  /** Replaces an environment's domains in the caller's transaction. */
  async replace(tx: EntityManager, siteId: string, env: EnvName, domains: DomainRow[]): Promise<void> {
    await tx.query(`delete from domains where site_id = $1 and env = $2`, [siteId, env]);
    if (!domains.length) return;
    await tx.query(
      `insert into domains (host, site_id, env, is_primary)
       select host, $1, $2, is_primary from unnest($3::text[], $4::boolean[]) as d(host, is_primary)`,
      [siteId, env, domains.map((d) => d.host), domains.map((d) => d.primary)],
    );
  }

  async route(tx: EntityManager, host: string): Promise<DomainRoute | null> {
    const rows = await tx.query(
      `select d.site_id as "siteId", d.env,
         (select p.host from domains p where p.site_id = d.site_id and p.env = d.env and p.is_primary) as "primaryHost"
       from domains d where d.host = $1`,
      [host],
    );
    return rows[0] ?? null;
  }
}
