import { readdirSync, readFileSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Redis from 'ioredis';
import { Client } from 'pg';
import { freePort } from '../src/platform/bootstrap/free-port';
import { eventually } from './eventually';
import { RUNBOOKS, runRunbook } from './runbook-runner';
import { type ServiceProcess, spawnService, workerProcesses } from './service-process';

// Every runbook of docs/runbooks, run against the built service (an API process and a worker process), with
// its fault produced for real first. See docs/runbooks/README.md for the conventions.
const PAGES = [
  'promote.md',
  'undo-a-promotion.md',
  'restore-production-from-a-snapshot.md',
  'rehearse-a-restore-on-staging.md',
  'reset-staging-and-recover-its-backup.md',
  'break-glass-fix-on-production.md',
  'a-job-is-stuck.md',
  'redis-lost-its-data.md',
  'the-database-failed-over.md',
  's3-is-unreachable.md',
  'rotate-the-admin-token-and-revoke-site-tokens.md',
];

interface Site {
  slug: string;
  ownerToken: string;
  ownerTokenId: string;
}

/** A TCP relay in front of the run's S3, so a test can cut the API off from S3 and give it back. */
async function s3Relay(target: URL) {
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', resolve);
    });
  const cut = async () => {
    const closing = new Promise((resolve) => server?.close(resolve));
    for (const s of sockets) s.destroy();
    await closing;
    server = null;
  };
  await open();
  return { endpoint: `http://127.0.0.1:${port}`, cut, open };
}

describe('the runbooks, run against a running service', () => {
  let api: ServiceProcess;
  let apiPort: number;
  let url: string;
  let adminToken = process.env.ADMIN_TOKEN!;
  let relay: Awaited<ReturnType<typeof s3Relay>>;
  let worker: ServiceProcess | null = null;
  const workers = workerProcesses();
  const db = new Client({ connectionString: process.env.DATABASE_URL });

  const startApi = async (env: Record<string, string> = {}) => {
    api = await spawnService({ PROCESS_ROLE: 'api', S3_ENDPOINT: relay.endpoint, PORT: String(apiPort), ...env });
  };
  const stop = async (process: ServiceProcess) => {
    process.child.kill('SIGTERM');
    await process.exited;
  };

  beforeAll(async () => {
    relay = await s3Relay(new URL(process.env.S3_ENDPOINT!));
    apiPort = await freePort();
    url = `http://127.0.0.1:${apiPort}`;
    await Promise.all([startApi(), workers.start().then((w) => (worker = w)), db.connect()]);
  }, 90_000);
  afterAll(async () => {
    workers.killAll();
    if (api) await stop(api);
    await relay?.cut();
    await db.end();
  });

  async function call<T = any>(method: string, route: string, token = adminToken, body?: unknown): Promise<T> {
    const response = await fetch(url + route, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${route} → ${response.status} ${text}`);
    return text ? JSON.parse(text) : (undefined as T);
  }
  async function newSite(slug: string): Promise<Site> {
    await call('POST', '/api/sites', adminToken, { slug, name: slug });
    const owner = await call('POST', `/api/sites/${slug}/tokens`, adminToken, { role: 'owner', label: 'owner' });
    return { slug, ownerToken: owner.token, ownerTokenId: owner.id };
  }
  const put = (site: Site, type: string, key: string, data: unknown) =>
    call('PUT', `/api/sites/${site.slug}/staging/content/${type}/${key}`, site.ownerToken, { data });
  const stageHome = async (site: Site, heading: string) => {
    await put(site, 'page', 'home', {
      title: 'Home',
      path: '/',
      blocks: [{ id: 'h', type: 'heading', text: heading, level: 1 }],
    });
    await call('POST', `/api/sites/${site.slug}/staging/content/page/home/publish`, site.ownerToken);
  };
  const waitForJob = (id: string, status = 'succeeded') =>
    eventually(
      async () => {
        const job = await call('GET', `/api/jobs/${id}`);
        expect(job.status).toBe(status);
        return job;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
  const startPromotion = async (site: Site, extra: object = {}) => {
    const { fingerprint } = await call('GET', `/api/sites/${site.slug}/promotion/preview`, site.ownerToken);
    return call('POST', `/api/sites/${site.slug}/promotions`, site.ownerToken, { fingerprint, ...extra });
  };
  const promoteAll = async (site: Site) => waitForJob((await startPromotion(site)).id);
  const snapshot = (site: Site, label: string) =>
    call('POST', `/api/sites/${site.slug}/snapshots`, site.ownerToken, { label });
  const read = async (site: Site, env: string, type: string, key: string) =>
    (await call('GET', `/api/sites/${site.slug}/${env}/content/${type}/${key}`)).data;
  const variables = (site: Site, more: Record<string, string> = {}) => ({
    PROMOTE_URL: url,
    PROMOTE_TOKEN: site.ownerToken,
    ADMIN_TOKEN: adminToken,
    SITE: site.slug,
    ...more,
  });
  const run = (page: string, env: Record<string, string>, manual?: Parameters<typeof runRunbook>[1]['manual']) =>
    runRunbook(page, { env, manual });

  /** Production v1 (popup "one", home "First"), a snapshot of it, production v2 ("two", "Second"). */
  async function siteWithSnapshot(slug: string) {
    const site = await newSite(slug);
    await put(site, 'popup', 'offer', { title: 'one' });
    await stageHome(site, 'First');
    await promoteAll(site);
    const pinned = await snapshot(site, 'v1');
    await put(site, 'popup', 'offer', { title: 'two' });
    await stageHome(site, 'Second');
    await promoteAll(site);
    return { site, snapshotId: pinned.id as string };
  }

  it('has a test for every page, and every page is linked from the index and the README', () => {
    const pages = readdirSync(RUNBOOKS).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(pages.sort()).toEqual([...PAGES].sort());
    const index = readFileSync(path.join(RUNBOOKS, 'README.md'), 'utf8');
    for (const page of PAGES) expect(index).toContain(`](${page})`);
    expect(readFileSync(path.join(RUNBOOKS, '..', '..', 'README.md'), 'utf8')).toContain('](docs/runbooks/README.md)');
  });

  it('promote.md', async () => {
    const site = await newSite('rb-promote');
    await put(site, 'popup', 'offer', { title: 'new offer' });
    await stageHome(site, 'Welcome');
    await run('promote.md', variables(site));
    expect(await read(site, 'production', 'popup', 'offer')).toEqual({ title: 'new offer' });
    const { items } = await call('GET', `/api/sites/${site.slug}/snapshots`);
    expect(items).toEqual([expect.objectContaining({ origin: 'promotion', productionVersion: 0 })]);
  });

  it('undo-a-promotion.md', async () => {
    const site = await newSite('rb-undo');
    await put(site, 'popup', 'offer', { title: 'good' });
    await promoteAll(site);
    await put(site, 'popup', 'offer', { title: 'broken' });
    const last = await promoteAll(site);
    await run('undo-a-promotion.md', variables(site, { PROMOTION_ID: last.id }));
    expect(await read(site, 'production', 'popup', 'offer')).toEqual({ title: 'good' });
    expect((await call('GET', `/api/sites/${site.slug}`)).environments.production.version).toBe(3);
  });

  it('restore-production-from-a-snapshot.md (and its undo)', async () => {
    const { site, snapshotId } = await siteWithSnapshot('rb-restore');
    const transcript = await run('restore-production-from-a-snapshot.md', variables(site, { SNAPSHOT_ID: snapshotId }));
    expect(transcript).toContain('production v2 → v3'); // the restore, before the page's undo
    // The page's undo put back what production served before the restore, as version 4.
    expect(await read(site, 'production', 'popup', 'offer')).toEqual({ title: 'two' });
    expect((await call('GET', `/api/sites/${site.slug}`)).environments.production.version).toBe(4);
  });

  it('rehearse-a-restore-on-staging.md (and its undo)', async () => {
    const { site, snapshotId } = await siteWithSnapshot('rb-rehearse');
    await put(site, 'popup', 'offer', { title: 'three (staging only)' });
    const transcript = await run('rehearse-a-restore-on-staging.md', variables(site, { SNAPSHOT_ID: snapshotId }));
    expect(transcript).toMatch(/\/preview\/rb-rehearse\/\?review=/); // the review link
    expect(transcript).toMatch(/popup\s+offer/); // the preview: what restoring would change
    expect(await read(site, 'staging', 'popup', 'offer')).toEqual({ title: 'three (staging only)' }); // undone
    expect(await read(site, 'production', 'popup', 'offer')).toEqual({ title: 'two' });
    expect((await call('GET', `/api/sites/${site.slug}`)).environments.production.version).toBe(2);
  });

  it('reset-staging-and-recover-its-backup.md', async () => {
    const site = await newSite('rb-reset');
    await put(site, 'popup', 'offer', { title: 'live' });
    await promoteAll(site);
    await put(site, 'popup', 'offer', { title: 'work in progress' });
    await put(site, 'popup', 'draft', { title: 'unpromoted' });
    await run('reset-staging-and-recover-its-backup.md', variables(site));
    expect(await read(site, 'staging', 'popup', 'draft')).toEqual({ title: 'unpromoted' });
    expect(await read(site, 'staging', 'popup', 'offer')).toEqual({ title: 'work in progress' });
  });

  it('break-glass-fix-on-production.md', async () => {
    const site = await newSite('rb-glass');
    await put(site, 'popup', 'notice', { title: 'Open 8-18', body: '' });
    await promoteAll(site);
    await put(site, 'popup', 'redesign', { title: 'Unreviewed work' });
    await run('break-glass-fix-on-production.md', variables(site));
    // The undo restored production from before the fix; staging keeps the adopted fix and its own work.
    expect(await read(site, 'production', 'popup', 'notice')).toEqual({ title: 'Open 8-18', body: '' });
    expect((await read(site, 'staging', 'popup', 'notice')).title).toBe('Closed today');
    expect(await read(site, 'staging', 'popup', 'redesign')).toEqual({ title: 'Unreviewed work' });
  });

  it('a-job-is-stuck.md: its worker was killed holding the job and no worker took it over', async () => {
    const site = await newSite('rb-stuck');
    await put(site, 'popup', 'offer', { title: 'old' });
    await promoteAll(site);
    await put(site, 'popup', 'offer', { title: 'new' });
    await stop(worker!);
    const job = await startPromotion(site);
    const crashing = await workers.start({ CRASH_AT: 'swap:leased' });
    await crashing.exited;
    expect(crashing.child.signalCode).toBe('SIGKILL');
    // Stuck: running, its maintenance lease held, and its heartbeat older than any live worker's would be.
    await eventually(
      async () => {
        const [row] = (
          await db.query(
            `select status, heartbeat_at < now() - interval '3 seconds' as stale from jobs where id = $1`,
            [job.id],
          )
        ).rows;
        expect(row).toEqual({ status: 'running', stale: true });
      },
      { timeoutMs: 10_000 },
    );
    await run('a-job-is-stuck.md', variables(site, { JOB_ID: job.id }));
    expect((await call('GET', `/api/jobs/${job.id}`)).status).toBe('cancelled');
    expect(await read(site, 'production', 'popup', 'offer')).toEqual({ title: 'old' });
    worker = await workers.start();
  });

  it("redis-lost-its-data.md: the run's Redis keys deleted under a scheduled promotion", async () => {
    const site = await newSite('rb-redis');
    await put(site, 'popup', 'offer', { title: 'scheduled' });
    const job = await startPromotion(site, { runAt: new Date(Date.now() + 3000).toISOString() });
    expect(job.status).toBe('scheduled');
    const redis = new Redis(process.env.REDIS_URL!);
    try {
      const keys = await redis.keys(`${process.env.REDIS_PREFIX}:*`);
      expect(keys.length).toBeGreaterThan(0); // the delayed entry, among others
      await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
    await run('redis-lost-its-data.md', variables(site, { JOB_ID: job.id }));
    expect(await read(site, 'production', 'popup', 'offer')).toEqual({ title: 'scheduled' });
  });

  it('the-database-failed-over.md: every connection of the service terminated', async () => {
    const site = await newSite('rb-failover');
    let terminated = 0;
    await run('the-database-failed-over.md', variables(site), {
      failover: async () => {
        const { rows } = await db.query(
          `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
        );
        terminated = rows.length;
      },
    });
    expect(terminated).toBeGreaterThan(0);
  });

  it("s3-is-unreachable.md: the API's connection to S3 cut, then given back", async () => {
    const site = await newSite('rb-s3');
    await relay.cut();
    await run('s3-is-unreachable.md', variables(site), { 's3-back': () => relay.open() });
  });

  // Last: the API runs with another admin token afterwards.
  it('rotate-the-admin-token-and-revoke-site-tokens.md', async () => {
    const site = await newSite('rb-tokens');
    await run(
      'rotate-the-admin-token-and-revoke-site-tokens.md',
      variables(site, { OLD_TOKEN_ID: site.ownerTokenId }),
      {
        'restart-api': async (vars) => {
          await stop(api);
          await sleep(100);
          await startApi({ ADMIN_TOKEN: vars.NEW_ADMIN_TOKEN });
          adminToken = vars.NEW_ADMIN_TOKEN;
        },
      },
    );
  });
});
