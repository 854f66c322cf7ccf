import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { canonicalJson, referenceKeys, revisionHash, routeOf } from '../../libs/content-model';
import { generateSite, planSite, type SiteEntity } from '../../libs/site-generator';
import { freePort } from '../../src/platform/bootstrap/free-port';
import { api, benchServices, median, p99, round, timed } from '../harness';
import { writeSuiteResult } from '../results';
import type { LoadSpec } from './render-load';

const PAGES = Number(process.env.BENCH_RENDER_PAGES ?? 10_000);
const HIT_SECONDS = Number(process.env.BENCH_RENDER_SECONDS ?? 10);
const CONNECTIONS = 32;
const LEASE_ROUNDS = 50;
// What every browser sends; pages are kept gzip-compressed and sent as kept.
const BROWSER = { 'Accept-Encoding': 'gzip, deflate, br' };
const MAIN = path.join(__dirname, '..', '..', 'src', 'main.js');
const LOAD = path.join(__dirname, 'render-load.js');

export interface Service {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Issue 5's numbers: rendered pages per second from one API process pinned to one core (taskset), cache hit
 * and cache miss, with median and p99 latency measured by autocannon in a second process; and the time from
 * taking a maintenance lease on one node to the first 503 on another.
 */
export async function runRenderBench(): Promise<void> {
  const services = await benchServices();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'promote-render-bench-'));
  const children: Service[] = [];
  try {
    const pinned = hasTaskset();
    const nodeA = await startService(services.env, pinned ? '0' : null);
    children.push(nodeA);
    const admin = api(nodeA.url, services.env.ADMIN_TOKEN);
    const slug = `render-${Date.now().toString(36)}`;
    const site = await admin('POST', '/api/sites', { slug, name: 'Render bench' });
    const seeded = await timed(() => seedProduction(services.databaseUrl, site.id, PAGES));
    const paths = shuffle(seeded.value.routes.map((route) => `/sites/${slug}${encodeURI(route)}`));
    process.stderr.write(
      `  seeded ${seeded.value.entities} entities (${paths.length} pages) in ${Math.round(seeded.ms)} ms\n`,
    );
    await waitForPage(nodeA.url + paths[0]);

    const load = (name: string, spec: Omit<LoadSpec, 'url'>) =>
      runLoad(scratch, name, { url: nodeA.url, ...spec }, pinned);
    // Every page once, on a state nobody rendered yet: each request renders (two indexed queries and a render).
    const miss = await load('miss', {
      paths: paths.slice(1),
      connections: CONNECTIONS,
      amount: paths.length - 1,
      headers: BROWSER,
    });
    const sessionCookie = await visitorCookie(nodeA.url + paths[0]);
    const hit = await load('hit', {
      paths,
      connections: CONNECTIONS,
      duration: HIT_SECONDS,
      headers: { ...BROWSER, Cookie: sessionCookie },
    });
    const hitNewVisitors = await load('hit-new-visitors', {
      paths,
      connections: CONNECTIONS,
      duration: HIT_SECONDS,
      headers: BROWSER,
    });
    const hitRatio = await sampleHitRatio(nodeA.url, paths, 200);

    const nodeB = await startService(services.env, null);
    children.push(nodeB);
    const propagation = await leasePropagation(nodeA.url, nodeB.url, slug, services.env.ADMIN_TOKEN, paths[0]);

    const row = (name: string, r: LoadResult, note: string) => ({
      run: name,
      'pages/s (mean)': Math.round(r.requests.average),
      'pages/s (median second)': Math.round(r.requests.p50),
      'median ms': r.latency.p50,
      'p99 ms': r.latency.p99,
      requests: r.requests.total ?? 0,
      'non-2xx': r.non2xx,
      errors: r.errors,
      note,
    });
    writeSuiteResult({
      suite: 'render',
      tables: [
        {
          title: `Rendered pages per second, one API process on one core, a ${paths.length.toLocaleString('en')}-page site`,
          note:
            `The app runs as \`node dist/src/main.js\` (PROCESS_ROLE=api, LOG_LEVEL=silent)${pinned ? ' under `taskset -c 0`' : ' (taskset not available: not pinned)'}; ` +
            `autocannon runs in a second process${pinned ? ' on core 1' : ''} with ${CONNECTIONS} connections. ` +
            'Miss: every page requested once on a production state nobody rendered before (the cache is keyed by state id, so each ' +
            'request renders: route lookup, design, assets, template, gzip). Hit: the same pages again, all cached ' +
            `(a sample of 200 afterwards: ${Math.round(hitRatio * 100)}% hits), ${HIT_SECONDS} s, answered by the public site's ` +
            "entry ahead of Nest's middleware and router. Requests send Accept-Encoding like a browser (pages are kept gzipped). " +
            'Returning visitors send their session cookie; new visitors get a session created (cookie, batched insert) on every request. ' +
            `PostgreSQL and Redis share the machine (${os.cpus().length} cores). Seeding: ${seeded.value.entities.toLocaleString('en')} generated ` +
            `entities as set-based SQL (revisions, a content state, its entries, production's head) in ${round(seeded.ms / 1000)} s.`,
          rows: [
            row('cache miss', miss, 'each page rendered once'),
            row('cache hit, returning visitors', hit, 'session cookie sent'),
            row('cache hit, new visitors', hitNewVisitors, 'a session begun per request'),
          ],
        },
        {
          title: 'Maintenance lease propagation between two nodes',
          note:
            `${LEASE_ROUNDS} rounds: node A takes the lease (PUT …/production/maintenance); a client polls a page on node B back to back ` +
            'until it answers 503. Measured from sending the PUT, and from its answer (the lease committed). B learns through Redis ' +
            'pub/sub; its fallback without a message is a 1 s refresh. Each round releases the lease and waits for B to serve again.',
          rows: [
            {
              measure: 'PUT sent → first 503 on B',
              'median ms': round(median(propagation.fromSent)),
              'p99 ms': round(p99(propagation.fromSent)),
              'max ms': round(Math.max(...propagation.fromSent)),
            },
            {
              measure: 'lease committed → first 503 on B',
              'median ms': round(median(propagation.fromCommitted)),
              'p99 ms': round(p99(propagation.fromCommitted)),
              'max ms': round(Math.max(...propagation.fromCommitted)),
            },
            {
              measure: 'release committed → first 200 on B',
              'median ms': round(median(propagation.releaseSeen)),
              'p99 ms': round(p99(propagation.releaseSeen)),
              'max ms': round(Math.max(...propagation.releaseSeen)),
            },
          ],
        },
      ],
    });
  } finally {
    for (const child of children.reverse()) await child.stop();
    rmSync(scratch, { recursive: true, force: true });
    await services.close();
  }
}

export type LoadResult = {
  requests: { average: number; p50: number; total?: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
};

/** A 10,000-page production state in a handful of set-based statements (the way promotion builds states). */
export async function seedProduction(databaseUrl: string, siteId: string, pages: number) {
  const entities = generatedSiteWithPages(pages);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin');
    const rows = entities.map((e) => ({ ...e, hash: revisionHash(e.type, e.data), route: routeOf(e.type, e.data) }));
    for (const chunk of chunks(rows, 2000))
      await client.query(
        `insert into revisions (hash, type, body, refs)
         select * from unnest($1::text[], $2::text[], $3::jsonb[], $4::jsonb[])
         on conflict (hash) do nothing`,
        [
          chunk.map((r) => r.hash),
          chunk.map((r) => r.type),
          chunk.map((r) => canonicalJson(r.data)),
          chunk.map((r) => JSON.stringify(referenceKeys(r.type, r.data))),
        ],
      );
    const {
      rows: [state],
    } = await client.query(
      `insert into content_states (site_id, origin, entity_count) values ($1, 'bench', $2) returning id::int`,
      [siteId, rows.length],
    );
    for (const chunk of chunks(rows, 5000))
      await client.query(
        `insert into state_entries (state_id, type, key, revision_id, version, route)
         select $1, t.type, t.key, r.id, 1, t.route
         from unnest($2::text[], $3::text[], $4::text[], $5::text[]) as t(type, key, hash, route)
         join revisions r on r.hash = t.hash`,
        [
          state.id,
          chunk.map((r) => r.type),
          chunk.map((r) => r.key),
          chunk.map((r) => r.hash),
          chunk.map((r) => r.route),
        ],
      );
    await client.query(
      `update environments set head_state_id = $2, version = version + 1 where site_id = $1 and name = 'production'`,
      [siteId, state.id],
    );
    await client.query('commit');
    const routes = rows.filter((r) => r.type === 'page' || r.type === 'post').map((r) => r.route!);
    return { entities: rows.length, routes };
  } finally {
    await client.end();
  }
}

/** The smallest generated site with at least `pages` pages and posts (with its design, forms, media, …). */
function generatedSiteWithPages(pages: number): SiteEntity[] {
  let low = pages;
  let high = pages * 2;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    const plan = planSite(mid);
    if (plan.page + plan.post >= pages) high = mid;
    else low = mid + 1;
  }
  return [...generateSite({ entities: low, seed: 5 })];
}

async function leasePropagation(nodeA: string, nodeB: string, slug: string, token: string, pagePath: string) {
  const admin = api(nodeA, token);
  const fromSent: number[] = [];
  const fromCommitted: number[] = [];
  const releaseSeen: number[] = [];
  const page = nodeB + pagePath;
  for (let i = 0; i < LEASE_ROUNDS; i++) {
    await until(page, 200);
    const sent = performance.now();
    await admin('PUT', `/api/sites/${slug}/production/maintenance`, { reason: 'bench', ttlSeconds: 60 });
    const committed = performance.now();
    const seen = await until(page, 503);
    fromSent.push(seen - sent);
    fromCommitted.push(seen - committed);
    await admin('DELETE', `/api/sites/${slug}/production/maintenance`);
    const released = performance.now();
    releaseSeen.push((await until(page, 200)) - released);
  }
  return { fromSent, fromCommitted, releaseSeen };
}

/** Polls a URL back to back until it answers `status`; the time of that answer. */
async function until(url: string, status: number): Promise<number> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const response = await fetch(url);
    await response.arrayBuffer();
    if (response.status === status) return performance.now();
    if (Date.now() > deadline) throw new Error(`${url} did not answer ${status} within 10 s (last ${response.status})`);
  }
}

export async function runLoad(scratch: string, name: string, spec: LoadSpec, pinned: boolean): Promise<LoadResult> {
  const file = path.join(scratch, `${name}.json`);
  writeFileSync(file, JSON.stringify(spec));
  process.stderr.write(`  load: ${name}\n`);
  const command = pinned ? 'taskset' : process.execPath;
  const args = pinned ? ['-c', '1', process.execPath, LOAD, file] : [LOAD, file];
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`load run ${name} failed (exit ${code})`);
  const result = JSON.parse(output) as LoadResult;
  process.stderr.write(
    `  ${name}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}\n`,
  );
  return result;
}

export async function startService(env: Record<string, string>, core: string | null): Promise<Service> {
  const port = await freePort();
  const args = core === null ? [MAIN] : ['-c', core, process.execPath, MAIN];
  const child = spawn(core === null ? process.execPath : 'taskset', args, {
    env: { ...process.env, ...env, PORT: String(port), PROCESS_ROLE: 'api', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  while (!output.includes('Promote is up')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the service did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export async function waitForPage(url: string): Promise<void> {
  await until(url, 200);
}

/** A returning visitor's cookie: the session the first response set. */
async function visitorCookie(url: string): Promise<string> {
  const response = await fetch(url);
  await response.arrayBuffer();
  return (response.headers.get('set-cookie') ?? '').split(';')[0];
}

async function sampleHitRatio(base: string, paths: string[], count: number): Promise<number> {
  let hits = 0;
  for (let i = 0; i < count; i++) {
    const response = await fetch(base + paths[Math.floor(Math.random() * paths.length)]);
    await response.arrayBuffer();
    if (response.headers.get('x-render-cache') === 'hit') hits++;
  }
  return hits / count;
}

export function hasTaskset(): boolean {
  return spawnSync('taskset', ['-c', '0', 'true']).status === 0 && os.cpus().length >= 2;
}

export function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
