import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { createDatabaseIfMissing, ensurePostgres } from '../src/bootstrap/embedded-postgres';
import { ensureRedis } from '../src/bootstrap/embedded-redis';
import { S3RVER_CREDENTIALS, startEmbeddedS3 } from '../src/bootstrap/embedded-s3';
import type { LocalService } from '../src/bootstrap/local-service';
import { loadConfig } from '../src/config/config';
import type { RuntimeConfig } from '../src/config/runtime-config';
import { createApp } from '../src/create-app';
import { runMigrations } from '../src/database/data-source';

export interface BenchEnv {
  env: Record<string, string>;
  databaseUrl: string;
  close(): Promise<void>;
}

/** A private database, Redis prefix and S3 server for one benchmark run, removed afterwards. */
export async function benchServices(): Promise<BenchEnv> {
  const runId = `b${Date.now().toString(36)}`;
  const scratch = mkdtempSync(path.join(os.tmpdir(), `promote-${runId}-`));
  const services: LocalService[] = [];
  const pg = await ensurePostgres(path.join(os.tmpdir(), 'promote-test-services'), 'postgres');
  services.push(pg);
  const database = `promote_${runId}`;
  await createDatabaseIfMissing(pg.url, database);
  const databaseUrl = pg.url.replace(/\/[^/]+$/, `/${database}`);
  await runMigrations(databaseUrl);
  const redis = await ensureRedis(scratch);
  services.push(redis);
  const buckets = { staging: `${runId}-staging`, production: `${runId}-production` };
  const s3 = await startEmbeddedS3(path.join(scratch, 's3'), Object.values(buckets));
  services.push(s3);
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    REDIS_PREFIX: runId,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    S3_BUCKET_STAGING: buckets.staging,
    S3_BUCKET_PRODUCTION: buckets.production,
    ADMIN_TOKEN: `bench-admin-token-${runId}`,
    DATA_DIR: path.join(scratch, 'data'),
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
  };
  return {
    env,
    databaseUrl,
    close: async () => {
      const admin = new Client({ connectionString: pg.url });
      await admin.connect();
      await admin.query(`drop database if exists "${database}" with (force)`);
      await admin.end();
      for (const service of services.reverse()) await service.stop().catch(() => {});
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

export async function bootApp(
  env: Record<string, string>,
  roles = { api: true, worker: true },
): Promise<{ app: NestExpressApplication; url: string; config: RuntimeConfig }> {
  const config = loadConfig(env) as RuntimeConfig;
  const app = await createApp(config, roles);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, url: `http://127.0.0.1:${address.port}`, config };
}

export function median(values: number[]): number {
  return quantile(values, 0.5);
}

export function p99(values: number[]): number {
  return quantile(values, 0.99);
}

export function quantile(values: number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index];
}

export const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** A tiny fetch wrapper for benchmarks: JSON in and out, throws on a non-2xx answer. */
export function api(url: string, token: string) {
  return async <T = any>(method: string, route: string, body?: unknown): Promise<T> => {
    const response = await fetch(url + route, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${route} → ${response.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}
