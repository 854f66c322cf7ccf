import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { runPool } from '../../libs/media-storage';
import { generateSite, mutateEntity, type SiteEntity } from '../../libs/site-generator';
import { freePort } from '../../src/platform/bootstrap/free-port';
import { api, benchServices, bootApp, importAll, median, quantile, round } from '../harness';
import { writeSuiteResult } from '../results';
import type { VisitorPlan } from '../visitors';

const SITES = Number(process.env.BENCH_BURST_SITES ?? 1000);
const ENTITIES = Number(process.env.BENCH_BURST_ENTITIES ?? 1000);
const PROMOTING = Number(process.env.BENCH_BURST_PROMOTING ?? 200);
const SPREAD_MS = Number(process.env.BENCH_BURST_SPREAD_MS ?? 60_000);
const WORKER_COUNTS = (process.env.BENCH_BURST_WORKERS ?? '1,2,4').split(',').map(Number);
const VISITORS = Number(process.env.BENCH_BURST_VISITORS ?? 16);
const CHANGED = 0.01;
const REQUESTS_IN_FLIGHT = 16;

type Api = ReturnType<typeof api>;
interface BenchSite {
  slug: string;
  entities: SiteEntity[];
}

/**
 * Issue 16's platform burst: SITES sites of ENTITIES entities each; PROMOTING of them promote at random
 * moments within SPREAD_MS, on 1, 2 and 4 worker processes, while visitors read every site and post forms.
 * The API runs in this process (no worker role); workers are separate processes, as deployed.
 */
export async function runBurstBench(): Promise<void> {
  const services = await benchServices();
  const { app, url, config } = await bootApp(services.env, { api: true, worker: false });
  const admin = api(url, config.adminToken);
  const db = app.get(DataSource);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'promote-burst-'));
  const rows: Record<string, string | number>[] = [];
  try {
    const sites = await seedSites(admin);
    await withWorkers(services.env, 2, () => promoteAll(admin, db, sites, 0)); // production gets content
    for (const [index, workers] of WORKER_COUNTS.entries()) {
      const promoting = sites.slice(0, PROMOTING);
      for (const site of promoting) await importAll(admin, site.slug, mutate(site, index + 1));
      const visitors = await startVisitors(visitorPlan(url, sites), scratch);
      const submissionsBefore = await countSubmissions(db);
      const burst = await withWorkers(services.env, workers, () => promoteAll(admin, db, promoting, SPREAD_MS));
      const seen = await visitors.stop();
      const stored = (await countSubmissions(db)) - submissionsBefore;
      // The machine is shared: its load says how much of it the run had.
      rows.push({
        ...summarise(workers, burst, seen, stored),
        'load average (1 min, at the end)': round(os.loadavg()[0], 1),
      });
      process.stderr.write(`  ${workers} worker(s): ${JSON.stringify(rows[rows.length - 1])}\n`);
    }
  } finally {
    await app.close();
    await services.close();
    rmSync(scratch, { recursive: true, force: true });
  }
  writeSuiteResult({
    suite: 'burst',
    tables: [
      {
        title: `${SITES} sites of ${ENTITIES} entities; ${PROMOTING} promote (1% changed) at random moments within ${SPREAD_MS / 1000} s, while ${VISITORS} visitors read every site and post forms`,
        note:
          'End to end: from the preview request to the job finished (the database clock). Window: the maintenance lease as the job recorded it. ' +
          'Reads: every GET the visitors made during the burst (cached and uncached pages of all sites). Lost: posts answered 201 with an id minus rows stored.',
        rows,
      },
    ],
  });
}

async function seedSites(admin: Api): Promise<BenchSite[]> {
  const sites: BenchSite[] = [];
  const started = performance.now();
  // Four imports in flight: the API, not this loop, is the limit.
  for (let i = 0; i < SITES; i += 4) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(4, SITES - i) }, async (_, j) => {
        const slug = `burst-${i + j}`;
        await admin('POST', '/api/sites', { slug, name: `Burst ${i + j}` });
        const entities = [...generateSite({ entities: ENTITIES, seed: i + j + 1, mediaFiles: 0 })];
        await importAll(admin, slug, entities);
        return { slug, entities };
      }),
    );
    sites.push(...batch);
    if ((i + 4) % 100 === 0)
      process.stderr.write(`  seeded ${i + 4} sites in ${Math.round((performance.now() - started) / 1000)} s\n`);
  }
  return sites;
}

interface Burst {
  endToEndMs: number[];
  windowMs: number[];
  seconds: number;
  failed: number;
}

/** Each site previews and promotes at a random moment within `spreadMs`; answers once every job ended. */
async function promoteAll(admin: Api, db: DataSource, sites: BenchSite[], spreadMs: number): Promise<Burst> {
  const started = Date.now();
  const requested = new Map<string, number>();
  // At most REQUESTS_IN_FLIGHT previews and starts at once: a thousand at once only measures the HTTP server.
  const moments = new Map(sites.map((site) => [site.slug, Math.random() * spreadMs]));
  const ordered = [...sites].sort((a, b) => moments.get(a.slug)! - moments.get(b.slug)!);
  await runPool(ordered, REQUESTS_IN_FLIGHT, async (site) => {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + moments.get(site.slug)! - Date.now())));
    const at = Date.now();
    const { fingerprint } = await admin('GET', `/api/sites/${site.slug}/promotion/preview?limit=1`);
    const job = await admin('POST', `/api/sites/${site.slug}/promotions`, { fingerprint });
    requested.set(job.id, at);
  });
  const ids = [...requested.keys()];
  for (;;) {
    const [{ open }] = await db.query(
      `select count(*)::int as open from jobs where id = any($1) and status in ('queued', 'running')`,
      [ids],
    );
    if (open === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const jobs: { id: string; status: string; finished: Date; timings: { maintenanceMs?: number } | null }[] =
    await db.query(`select id, status, finished_at as finished, timings from jobs where id = any($1)`, [ids]);
  const last = Math.max(...jobs.map((j) => j.finished.getTime()));
  return {
    endToEndMs: jobs.map((j) => j.finished.getTime() - requested.get(j.id)!),
    windowMs: jobs.flatMap((j) => (j.timings?.maintenanceMs === undefined ? [] : [j.timings.maintenanceMs])),
    seconds: (last - started) / 1000,
    failed: jobs.filter((j) => j.status !== 'succeeded').length,
  };
}

/** Starts `count` worker processes (PROCESS_ROLE=worker), runs `work`, then stops them. */
async function withWorkers<T>(env: Record<string, string>, count: number, work: () => Promise<T>): Promise<T> {
  const workers: ChildProcess[] = [];
  for (let i = 0; i < count; i++) {
    const child = spawn(process.execPath, [path.join(__dirname, '../../src/main.js')], {
      env: { ...process.env, ...env, PROCESS_ROLE: 'worker', PORT: String(await freePort()), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    workers.push(child);
    // The banner goes to stderr (main.ts); everything there is passed on.
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was up`)));
      child.stderr!.on('data', (chunk: Buffer) => {
        process.stderr.write(chunk);
        if (chunk.toString().includes('Promote is up')) resolve();
      });
    });
  }
  try {
    return await work();
  } finally {
    for (const child of workers) {
      child.removeAllListeners('exit');
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
}

function visitorPlan(base: string, sites: BenchSite[]): VisitorPlan {
  return {
    base,
    concurrency: VISITORS,
    postEvery: 20,
    sites: sites.map((site) => {
      const paths = site.entities
        .filter((e) => e.type === 'page')
        .slice(0, 5)
        .map((e) => String(e.data.path));
      const form = site.entities.find((e) => e.type === 'form');
      return { slug: site.slug, paths, form: form && { key: form.key, data: formAnswers(form) } };
    }),
  };
}

/** A valid answer to every field of a generated form. */
function formAnswers(form: SiteEntity): Record<string, string | boolean> {
  const byType: Record<string, string | boolean> = {
    email: 'visitor@example.com',
    tel: '+32 2 555 12 12',
    number: '12',
    checkbox: true,
  };
  const answers: Record<string, string | boolean> = {};
  for (const field of form.data.fields as { name: string; type: string; options?: string[] }[])
    answers[field.name] = field.type === 'select' ? field.options![0] : (byType[field.type] ?? 'Hello');
  return answers;
}

async function startVisitors(plan: VisitorPlan, scratch: string) {
  const file = path.join(scratch, 'plan.json');
  writeFileSync(file, JSON.stringify(plan));
  const child = spawn(process.execPath, [path.join(__dirname, '../visitors.js'), file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return {
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      return JSON.parse(
        output
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .pop()!,
      ) as {
        seconds: number;
        readMs: number[];
        postMs: number[];
        statuses: Record<string, number>;
        postsStored: number;
        postsRefused: number;
      };
    },
  };
}

function summarise(
  workers: number,
  burst: Burst,
  seen: Awaited<ReturnType<Awaited<ReturnType<typeof startVisitors>>['stop']>>,
  stored: number,
) {
  const serverErrors = Object.entries(seen.statuses)
    .filter(([key]) => /\s5\d\d$/.test(key) && !key.endsWith('503'))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    workers,
    'promotions/s': round(burst.endToEndMs.length / burst.seconds, 2),
    'end to end p50 (ms)': Math.round(median(burst.endToEndMs)),
    'end to end p99 (ms)': Math.round(quantile(burst.endToEndMs, 0.99)),
    'window p50 (ms)': round(median(burst.windowMs), 1),
    'window p99 (ms)': round(quantile(burst.windowMs, 0.99), 1),
    'failed jobs': burst.failed,
    'reads/s': Math.round(seen.readMs.length / seen.seconds),
    'read p50 (ms)': round(median(seen.readMs), 1),
    'read p99 (ms)': round(quantile(seen.readMs, 0.99), 1),
    'form post p99 (ms)': round(quantile(seen.postMs, 0.99), 1),
    'posts stored (201)': seen.postsStored,
    'posts refused': seen.postsRefused,
    'lost submissions': seen.postsStored - stored,
    '5xx other than maintenance': serverErrors,
  };
}

function mutate(site: BenchSite, round: number): SiteEntity[] {
  const candidates = site.entities.filter((e) => e.type === 'page' || e.type === 'post');
  const count = Math.max(1, Math.round(site.entities.length * CHANGED));
  return Array.from({ length: count }, (_, i) =>
    mutateEntity(candidates[(round * count + i) % candidates.length], round * 1000 + i),
  );
}

async function countSubmissions(db: DataSource): Promise<number> {
  const [{ n }] = await db.query(`select count(*)::int as n from form_submissions where env = 'production'`);
  return n;
}
