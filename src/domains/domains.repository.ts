import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
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
  constructor(private readonly dataSource: DataSource) {}

  list(siteId: string, env: EnvName, tx: EntityManager = this.dataSource.manager): Promise<DomainRow[]> {
    return tx.query(
      `select host, is_primary as primary from domains where site_id = $1 and env = $2 order by is_primary desc, host`,
      [siteId, env],
    );
  }

  /** Which of `hosts` another environment (of this or another site) already has. */
  async takenElsewhere(siteId: string, env: EnvName, hosts: string[], tx: EntityManager): Promise<string[]> {
    const rows: { host: string }[] = await tx.query(
      `select host from domains where host = any($3) and not (site_id = $1 and env = $2) order by host`,
      [siteId, env, hosts],
    );
    return rows.map((r) => r.host);
  }

  /** Replaces an environment's domains in the caller's transaction. */
  async replace(siteId: string, env: EnvName, domains: DomainRow[], tx: EntityManager): Promise<void> {
    await tx.query(`delete from domains where site_id = $1 and env = $2`, [siteId, env]);
    if (!domains.length) return;
    await tx.query(
      `insert into domains (host, site_id, env, is_primary)
       select host, $1, $2, is_primary from unnest($3::text[], $4::boolean[]) as d(host, is_primary)`,
      [siteId, env, domains.map((d) => d.host), domains.map((d) => d.primary)],
    );
  }

  async route(host: string): Promise<DomainRoute | null> {
    const rows = await this.dataSource.query(
      `select d.site_id as "siteId", d.env,
         (select p.host from domains p where p.site_id = d.site_id and p.env = d.env and p.is_primary) as "primaryHost"
       from domains d where d.host = $1`,
      [host],
    );
    return rows[0] ?? null;
  }
}
