import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createDatabaseIfMissing, ensurePostgres } from '../src/bootstrap/embedded-postgres';
import { ensureRedis } from '../src/bootstrap/embedded-redis';
import { startEmbeddedS3, S3RVER_CREDENTIALS } from '../src/bootstrap/embedded-s3';
import type { LocalService } from '../src/bootstrap/local-service';
import { runMigrations } from '../src/database/data-source';

/**
 * Once per run: its own database, Redis key prefix and buckets (so two runs on one machine never collide),
 * on the machine's PostgreSQL and Redis when they answer, else embedded ones, and an in-process S3 server.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const scratch = mkdtempSync(path.join(os.tmpdir(), `promote-${runId}-`));
  const services: LocalService[] = [];

  const pg = await ensurePostgres(path.join(os.tmpdir(), 'promote-test-services'), 'postgres');
  services.push(pg);
  const adminUrl = pg.url;
  const database = `promote_${runId}`;
  await createDatabaseIfMissing(adminUrl, database);
  const databaseUrl = adminUrl.replace(/\/[^/]+$/, `/${database}`);
  await runMigrations(databaseUrl);

  const redis = await ensureRedis(scratch);
  services.push(redis);

  const buckets = { staging: `${runId}-staging`, production: `${runId}-production` };
  const s3 = await startEmbeddedS3(path.join(scratch, 's3'), Object.values(buckets));
  services.push(s3);

  Object.assign(process.env, {
    TEST_RUN_ID: runId,
    TEST_ADMIN_DATABASE_URL: adminUrl,
    TEST_SCRATCH_DIR: scratch,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    REDIS_PREFIX: runId,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    S3_BUCKET_STAGING: buckets.staging,
    S3_BUCKET_PRODUCTION: buckets.production,
    ADMIN_TOKEN: `admin-${runId}-token-for-tests`,
    DATA_DIR: path.join(scratch, 'data'),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    SEED_DEMO: 'false',
  });
  (globalThis as any).__PROMOTE_TEST__ = { services, database, adminUrl, scratch, redisUrl: redis.url, runId };
}
