import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../platform/database/sql';
import type { EnvironmentRow, EnvName } from '../sites/site.types';

const COLUMNS = `site_id as "siteId", name, version::int as version, change_seq::int as "changeSeq",
  head_state_id::int as "headStateId", base_state_id::int as "baseStateId", reset_at as "resetAt", maintenance_reason as "maintenanceReason",
  maintenance_holder as "maintenanceHolder", maintenance_until as "maintenanceUntil"`;

// Clears the lease columns when $holder holds the lease, else leaves them: shared by the swap (which ends
// the swapping job's lease in the same statement) and the plain release.
const RELEASE_IF_HELD_BY = (holder: string) => `
  maintenance_until = case when maintenance_holder = ${holder} then null else maintenance_until end,
  maintenance_reason = case when maintenance_holder = ${holder} then null else maintenance_reason end,
  maintenance_holder = case when maintenance_holder = ${holder} then null else maintenance_holder end`;

// A statement committing on its own (autocommit) that need not wait for its WAL flush: visible to every
// session at once, only a database crash in the next ~200 ms could lose it. Evaluated in WHERE so it runs
// before the commit; with a caller's transaction it would make that whole commit asynchronous.
const ASYNC_COMMIT = `and set_config('synchronous_commit', 'off', true) is not null`;

/**
 * The environments table's one owner (and of head_history, which its head swaps append to): heads, versions,
 * the change sequence and the maintenance lease. Every write is named after its intent; the database's clock decides a lease's expiry at write time.
 */
@Injectable()
export class EnvironmentsRepository {
  /** A new site: production on its initial state, staging (empty too) in step with it. */
  async createPair(tx: EntityManager, siteId: string, productionHeadStateId: number): Promise<void> {
    await tx.query(
      `with pair as (insert into environments (site_id, name, head_state_id, base_state_id)
                     values ($1, 'staging', null, $2), ($1, 'production', $2, null))
       insert into head_history (site_id, state_id) values ($1, $2)`,
      [siteId, productionHeadStateId],
    );
  }

  async find(tx: EntityManager, siteId: string, env: EnvName): Promise<EnvironmentRow> {
    const [row] = await tx.query(`select ${COLUMNS} from environments where site_id = $1 and name = $2`, [siteId, env]);
    return row;
  }

  findForSites(tx: EntityManager, siteIds: string[]): Promise<EnvironmentRow[]> {
    return tx.query(`select ${COLUMNS} from environments where site_id = any($1)`, [siteIds]);
  }

  /** Locks the row for the rest of the caller's transaction (writers of one environment serialise here). */
  async lock(tx: EntityManager, siteId: string, env: EnvName): Promise<EnvironmentRow> {
    const [row] = await tx.query(`select ${COLUMNS} from environments where site_id = $1 and name = $2 for update`, [
      siteId,
      env,
    ]);
    return row;
  }

  /** Staging's version and change sequence move together, by the number of promotable changes. */
  async bumpStaging(tx: EntityManager, siteId: string, changes: number): Promise<number> {
    const rows = await queryRows<{ version: number }>(
      tx,
      `update environments set version = version + $2, change_seq = change_seq + $2
       where site_id = $1 and name = 'staging' returning version::int`,
      [siteId, changes],
    );
    return rows[0].version;
  }

  /**
   * Staging restarts at version 0 as a copy of production's state `baseStateId`, which it is now in step with;
   * the change sequence still moves, so older fingerprints go stale.
   */
  async resetStaging(tx: EntityManager, siteId: string, baseStateId: number): Promise<void> {
    await this.noteBaseMove(tx, siteId, baseStateId);
    await tx.query(
      `update environments set version = 0, change_seq = change_seq + 1, reset_at = now(), base_state_id = $2
       where site_id = $1 and name = 'staging'`,
      [siteId, baseStateId],
    );
    await this.forgetSettledChanges(tx, siteId, baseStateId);
  }

  /**
   * A promotion from staging made production's state `stateId`: staging is in step with it from now on. A
   * selective one (`onlyWhatMoved`) changed only what separates the old base from the new, so only those
   * entities can newly agree with staging: the rest of the set is left as it was, not probed again.
   */
  async markStagingInStep(
    tx: EntityManager,
    siteId: string,
    stateId: number,
    { onlyWhatMoved = false } = {},
  ): Promise<void> {
    await this.noteBaseMove(tx, siteId, stateId);
    const [{ from }] = await queryRows<{ from: number | null }>(
      tx,
      `update environments n set base_state_id = $2 from environments o
       where n.site_id = $1 and n.name = 'staging' and o.site_id = n.site_id and o.name = n.name
       returning o.base_state_id::int as "from"`,
      [siteId, stateId],
    );
    await this.forgetSettledChanges(tx, siteId, stateId, onlyWhatMoved ? from : null);
  }

  /**
   * Before staging's base moves to `stateId`: what separates the old base from it joins staging's changed set
   * (an entity staging has as the old base may differ from the new one). Takes staging's row lock first, so no
   * staging write runs until the caller commits. Without an old base, every entity of the new one joins.
   */
  private async noteBaseMove(tx: EntityManager, siteId: string, stateId: number): Promise<void> {
    await this.lock(tx, siteId, 'staging');
    await tx.query(
      `insert into staging_changes (site_id, type, key)
       select $1, d.type, d.key from environments e cross join lateral state_diff(e.base_state_id, $2) d
       where e.site_id = $1 and e.name = 'staging' and e.base_state_id is not null
       union
       select $1, m.type, m.key from environments e cross join lateral state_manifest($2) m
       where e.site_id = $1 and e.name = 'staging' and e.base_state_id is null
       on conflict do nothing`,
      [siteId, stateId],
    );
  }

  /**
   * Forgets the changed entities staging now has as its base `stateId` has them (or lacks as it lacks them):
   * outside the set, staging and its base agree. Under staging's row lock (taken by noteBaseMove), in a
   * read-committed statement that sees every staging write committed before it.
   */
  private async forgetSettledChanges(
    tx: EntityManager,
    siteId: string,
    stateId: number,
    movedFrom: number | null = null,
  ): Promise<void> {
    await tx.query(
      `delete from staging_changes c where c.site_id = $1
         and ($3::bigint is null or (c.type, c.key) in (select d.type, d.key from state_diff($3, $2) d))
         and (select row(s.revision_id, s.route) from staging_manifest s
              where s.site_id = c.site_id and s.type = c.type and s.key = c.key)
             is not distinct from
             (select row(x.revision_id, x.route) from state_entry($2, c.type, c.key) x)`,
      [siteId, stateId, movedFrom],
    );
  }

  /**
   * Compare-and-swap of production's head; production's version moves by one and head_history records when.
   * Null when the head moved.
   * With `releaseHolder`, the same statement ends that holder's maintenance lease: one commit, not two.
   * `asyncCommit` only while a lease keeps visitors off the new head: its durable release flushes the swap too.
   */
  async swapHead(
    tx: EntityManager,
    siteId: string,
    expectedStateId: number,
    newStateId: number,
    options: { releaseHolder?: string; asyncCommit?: boolean } = {},
  ): Promise<{ version: number } | null> {
    const rows = await queryRows<{ version: number }>(
      tx,
      `with swapped as (
         update environments set head_state_id = $3, version = version + 1, ${RELEASE_IF_HELD_BY('$4')}
         where site_id = $1 and name = 'production' and head_state_id = $2 ${options.asyncCommit ? ASYNC_COMMIT : ''}
         returning version::int, site_id
       ), recorded as (insert into head_history (site_id, state_id) select site_id, $3 from swapped)
       select version from swapped`,
      [siteId, expectedStateId, newStateId, options.releaseHolder ?? null],
    );
    return rows[0] ?? null;
  }

  /**
   * Sets the lease unless another holder's is still running. Answers the new expiry and how long this holder's
   * lease has already kept production dark (0 for a fresh take; more when a retry takes over its own lease,
   * counting earlier stretches only until they expired), or null when refused.
   */
  async takeLease(
    tx: EntityManager,
    siteId: string,
    env: EnvName,
    lease: { holder: string; reason: string; ttlSeconds: number },
    options: { asyncCommit?: boolean } = {},
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
         ${options.asyncCommit ? ASYNC_COMMIT : ''}
       returning maintenance_until as until,
         (maintenance_earlier_ms + extract(epoch from now() - maintenance_since) * 1000)::float8 as "heldMs"`,
      [siteId, env, lease.holder, lease.reason, lease.ttlSeconds],
    );
    return rows[0] ?? null;
  }

  /** Clears the lease if `holder` has it; whether it did. */
  async releaseLease(tx: EntityManager, siteId: string, env: EnvName, holder: string): Promise<boolean> {
    const rows = await queryRows(
      tx,
      `update environments set ${RELEASE_IF_HELD_BY('$3')}
       where site_id = $1 and name = $2 and maintenance_holder = $3 returning site_id`,
      [siteId, env, holder],
    );
    return rows.length > 0;
  }

  /** The current lease columns (expired or not), or null when the environment does not exist. */
  async currentLease(
    tx: EntityManager,
    siteId: string,
    env: EnvName,
  ): Promise<{ holder: string | null; reason: string | null; until: Date | null; active: boolean } | null> {
    const [row] = await tx.query(
      `select maintenance_holder as holder, maintenance_reason as reason, maintenance_until as until,
         coalesce(maintenance_until > now(), false) as active
       from environments where site_id = $1 and name = $2`,
      [siteId, env],
    );
    return row ?? null;
  }
}
