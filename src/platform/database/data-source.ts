import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations';

/**
 * Each session runs without JIT compilation. Its thresholds are estimated cost, and the estimates of this
 * app's short index-probe statements (a closure's recursive CTE, a delete with per-row probes of a chain)
 * pass them: compiling took 220 ms of a 259 ms statement that runs in 40 ms without it. JIT pays off for
 * long analytic scans, which this service does not run.
 */
export const SESSION_OPTIONS = '-c jit=off';

// Repositories speak SQL through this DataSource (manifest work is set-based SQL); there are no entity
// classes to synchronise, and the schema is owned by the migrations alone.
export function dataSourceOptions(url: string) {
  return {
    type: 'postgres' as const,
    url,
    migrations: MIGRATIONS,
    migrationsRun: false,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    extra: { max: 20, application_name: 'promote', options: SESSION_OPTIONS },
  };
}

// Every process (API and each worker) migrates at boot; the lock makes the first one migrate and the rest
// wait and find nothing left to do, instead of racing on the same CREATE TABLE.
const MIGRATION_LOCK = 0x6d696772; // "migr"

export async function runMigrations(url: string): Promise<void> {
  const dataSource = new DataSource({ ...dataSourceOptions(url), extra: { max: 1 } });
  await dataSource.initialize();
  try {
    await dataSource.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
    await dataSource.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  } finally {
    await dataSource.destroy();
  }
}
