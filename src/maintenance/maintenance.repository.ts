import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { queryRows } from '../database/sql';
import type { EnvName } from '../sites/site.types';

export interface LeaseHolder {
  holder: string | null;
  reason: string | null;
  until: Date | null;
}

/** The lease columns of an environment row; the database's clock decides expiry at write time. */
@Injectable()
export class MaintenanceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Sets the lease unless another holder's is still running. Answers the new expiry and how long this holder's
   * lease has already kept production dark (0 for a fresh take; more when a retry takes over its own lease,
   * counting earlier stretches only until they expired), or null when refused.
   */
  async take(
    siteId: string,
    env: EnvName,
    lease: { holder: string; reason: string; ttlSeconds: number },
    tx: EntityManager = this.dataSource.manager,
  ): Promise<{ until: Date; heldMs: number } | null> {
    // SET expressions read the row as it was: a running lease of the same holder keeps its start, an expired
    // one adds its stretch (since → until) to the earlier ones, anything else starts afresh.
    const rows = await queryRows<{ until: Date; heldMs: number }>(
      tx,
      `update environments set
         maintenance_earlier_ms = case
           when maintenance_holder is distinct from $3 then 0
           when maintenance_until <= now() then maintenance_earlier_ms
             + coalesce(extract(epoch from maintenance_until - maintenance_since) * 1000, 0)
           else maintenance_earlier_ms end,
         maintenance_since = case
           when maintenance_holder = $3 and maintenance_until > now() then coalesce(maintenance_since, now())
           else now() end,
         maintenance_holder = $3, maintenance_reason = $4, maintenance_until = now() + make_interval(secs => $5)
       where site_id = $1 and name = $2
         and (maintenance_until is null or maintenance_until <= now() or maintenance_holder = $3)
       returning maintenance_until as until,
         (maintenance_earlier_ms + extract(epoch from now() - maintenance_since) * 1000)::float8 as "heldMs"`,
      [siteId, env, lease.holder, lease.reason, lease.ttlSeconds],
    );
    return rows[0] ?? null;
  }

  /** Clears the lease if `holder` has it; whether it did. */
  async release(
    siteId: string,
    env: EnvName,
    holder: string,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const rows = await queryRows(
      tx,
      `update environments set maintenance_holder = null, maintenance_reason = null, maintenance_until = null
       where site_id = $1 and name = $2 and maintenance_holder = $3 returning site_id`,
      [siteId, env, holder],
    );
    return rows.length > 0;
  }

  /** The current lease columns (expired or not), or null when the environment does not exist. */
  async current(
    siteId: string,
    env: EnvName,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<(LeaseHolder & { active: boolean }) | null> {
    const [row] = await tx.query(
      `select maintenance_holder as holder, maintenance_reason as reason, maintenance_until as until,
         coalesce(maintenance_until > now(), false) as active
       from environments where site_id = $1 and name = $2`,
      [siteId, env],
    );
    return row ?? null;
  }
}
