import { spawn } from 'node:child_process';
import * as path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startPrivateRun } from '../src/platform/bootstrap/private-run';
import { loadConfig } from '../src/platform/config/config';
import type { RuntimeConfig } from '../src/platform/config/runtime-config';
import { createApp } from '../src/platform/bootstrap/create-app';
import type { SiteEntity } from '../libs/site-generator';

export interface BenchEnv {
  env: Record<string, string>;
  databaseUrl: string;
  close(): Promise<void>;
}

/** A private database, Redis prefix and S3 server for one benchmark run, removed afterwards. */
export async function benchServices(): Promise<BenchEnv> {
  const run = await startPrivateRun('b');
  return { env: run.env, databaseUrl: run.env.DATABASE_URL, close: run.close };
}

export async function bootApp(
  env: Record<string, string>,
  roles = { api: true, worker: true },
): Promise<{ app: NestExpressApplication; url: string; config: RuntimeConfig }> {
  const config = loadConfig({
    ...env,
    ...(process.env.BENCH_LOG_LEVEL ? { LOG_LEVEL: process.env.BENCH_LOG_LEVEL } : {}),
  }) as RuntimeConfig;
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

/**
 * A tiny fetch wrapper for benchmarks: JSON in and out, throws on a non-2xx answer. A request that never got an
 * answer (the connection reset under it) is sent once more: every call the benchmarks make is idempotent (an
 * import of the same entities, a promotion of the same fingerprint answers the same job).
 */
export function api(url: string, token: string) {
  return async <T = any>(method: string, route: string, body?: unknown): Promise<T> => {
    const send = () =>
      fetch(url + route, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const response = await send().catch((error: unknown) => {
      if (!(error instanceof TypeError)) throw error;
      process.stderr.write(
        `  ${method} ${route}: ${String((error as { cause?: unknown }).cause ?? error)}; once more\n`,
      );
      return send();
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${route} → ${response.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

export interface ProbedWindows {
  requests: number;
  windows: { start: number; end: number; count: number }[];
}

/** A visitor in its own process (bench/prober.ts) requesting `target` back to back until stop(). */
export async function startProber(target: string) {
  const child = spawn(process.execPath, [path.join(__dirname, 'prober.js'), target], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  await new Promise((resolve) => setTimeout(resolve, 200)); // let it reach its steady pace first
  return {
    stop: async (): Promise<ProbedWindows> => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      return JSON.parse(
        output
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .pop() ?? '{"requests":0,"windows":[]}',
      );
    },
  };
}

/** Polls a job until it succeeds (throws when it fails). */
export async function waitForJob(admin: ReturnType<typeof api>, id: string) {
  for (;;) {
    const job = await admin('GET', `/api/jobs/${id}`);
    if (job.status === 'succeeded') return job;
    if (job.status === 'failed') throw new Error(`job ${id} failed: ${JSON.stringify(job.error)}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Writes entities to a site's staging through the bulk import, 1,000 a call, pages and posts published. */
export async function importAll(admin: ReturnType<typeof api>, slug: string, entities: SiteEntity[]): Promise<void> {
  for (let i = 0; i < entities.length; i += 1000) {
    const batch = entities
      .slice(i, i + 1000)
      .map((e) => ({ ...e, ...(e.type === 'page' || e.type === 'post' ? { publish: true } : {}) }));
    await admin('POST', `/api/sites/${slug}/staging/import`, { entities: batch });
  }
}
