import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../migrations';

// Repositories speak SQL through this DataSource (manifest work is set-based SQL); there are no entity
// classes to synchronise, and the schema is owned by the migrations alone.
export function dataSourceOptions(url: string) {
  return {
    type: 'postgres' as const,
    url,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    extra: { max: 20, application_name: 'promote' },
  };
}

export async function runMigrations(url: string): Promise<void> {
  const dataSource = new DataSource({ ...dataSourceOptions(url), migrationsRun: false });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}
