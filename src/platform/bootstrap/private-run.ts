import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Redis from 'ioredis';
import { Client } from 'pg';
import { createS3Client, MediaStore, startTestS3Server } from '../../../libs/media-storage';
import { runMigrations } from '../database/data-source';
import { createDatabaseIfMissing, ensurePostgres } from './embedded-postgres';
import { ensureRedis } from './embedded-redis';
import type { LocalService } from './local-service';

export interface PrivateRun {
  runId: string;
  /** The service's configuration for this run, as environment variables. */
  env: Record<string, string>;
  /**
   * For parallel test workers 2…N: the variables that give each its own database, Redis prefix, buckets and
   * data folder (worker 1 uses `env` as it is), so one worker's queue or garbage collector never sees another's.
   */
  workerEnv: Record<number, Record<string, string>>;
  close(): Promise<void>;
}

/**
 * A run of the test suite or the benchmarks with its own migrated database, Redis key prefix and buckets
 * (on the machine's PostgreSQL and Redis when they answer, else embedded ones; on the S3 that TEST_S3_ENDPOINT
 * names, else an embedded s3rver), so two runs on one machine never collide and nothing depends on leftovers.
 * close() removes all of it.
 */
export async function startPrivateRun(kind: 't' | 'b', options: { workers?: number } = {}): Promise<PrivateRun> {
  const runId = `${kind}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const scratch = mkdtempSync(path.join(os.tmpdir(), `promote-${runId}-`));
  const services: LocalService[] = [];
  const pg = await ensurePostgres(path.join(os.tmpdir(), 'promote-test-services'), 'postgres');
  services.push(pg);
  // Migrated once into a template nobody connects to; the run's database, and any a test file wants for
  // itself, is a copy of it (CREATE DATABASE … TEMPLATE: a file copy, faster than migrating again).
  const template = `promote_${runId}_template`;
  await createDatabaseIfMissing(pg.url, template);
  await runMigrations(databaseUrlOf(pg.url, template));
  const database = `promote_${runId}`;
  await cloneDatabase(pg.url, template, database);
  const databaseUrl = databaseUrlOf(pg.url, database);
  const redis = await ensureRedis(scratch);
  services.push(redis);
  const buckets = { staging: `${runId}-staging`, production: `${runId}-production` };
  const s3 = await startTestS3Server();
  services.push({ description: s3.description, stop: () => s3.close() });
  const s3Client = createS3Client({ ...s3, region: 'us-east-1' });
  const media = new MediaStore({ client: s3Client, buckets });
  await media.ensureBuckets();
  const databases = [database];
  const stores = [media];
  const workerEnv: PrivateRun['workerEnv'] = {};
  for (let worker = 2; worker <= (options.workers ?? 1); worker++) {
    const own = `${database}_w${worker}`;
    await cloneDatabase(pg.url, template, own);
    databases.push(own);
    const ownBuckets = { staging: `${runId}-w${worker}-staging`, production: `${runId}-w${worker}-production` };
    const store = new MediaStore({ client: s3Client, buckets: ownBuckets });
    await store.ensureBuckets();
    stores.push(store);
    workerEnv[worker] = {
      DATABASE_URL: databaseUrlOf(pg.url, own),
      REDIS_PREFIX: `${runId}w${worker}`,
      S3_BUCKET_STAGING: ownBuckets.staging,
      S3_BUCKET_PRODUCTION: ownBuckets.production,
      DATA_DIR: path.join(scratch, `data-w${worker}`),
    };
  }
  const env = {
    DATABASE_URL: databaseUrl,
    TEMPLATE_DATABASE_URL: databaseUrlOf(pg.url, template),
    REDIS_URL: redis.url,
    REDIS_PREFIX: runId,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    S3_BUCKET_STAGING: buckets.staging,
    S3_BUCKET_PRODUCTION: buckets.production,
    ADMIN_TOKEN: `admin-${runId}-token-for-this-run`,
    DATA_DIR: path.join(scratch, 'data'),
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
  };
  return {
    runId,
    env,
    workerEnv,
    close: async () => {
      const admin = new Client({ connectionString: pg.url });
      await admin.connect();
      for (const name of [...databases, template]) await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
      await deleteKeys(redis.url, `${runId}*`); // the run's prefix and its workers' (`<run>w2:…`)
      for (const store of stores) await store.deleteBuckets();
      s3Client.destroy();
      for (const service of services.reverse()) await service.stop().catch(() => {});
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

function databaseUrlOf(serverUrl: string, database: string): string {
  return serverUrl.replace(/\/[^/]+$/, `/${database}`);
}

/** A new database as a copy of `template`, which must have no open connection. */
export async function cloneDatabase(serverUrl: string, template: string, database: string): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${database}" template "${template}"`);
  } finally {
    await admin.end();
  }
}

async function deleteKeys(redisUrl: string, pattern: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}
