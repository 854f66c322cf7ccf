import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { type HeldLock, SiteLock } from '../src/jobs/site-lock';
import { createTestApp } from './app';
import { eventually } from './eventually';
import { createSite, TestSite } from './factories';
import { workerProcesses } from './service-process';
import { stagingClient } from './staging';

// Every point a promotion can die at: before each step, with the maintenance lease held, and after the swap.
const CRASH_POINTS = [
  'promotion:check-fingerprint',
  'promotion:validate',
  'promotion:copy-media',
  'promotion:snapshot',
  'promotion:build-state',
  'promotion:swap',
  'swap:leased',
  'promotion:after-swap',
  'promotion:mark-staging-in-step',
  'promotion:finish',
];
const KEYS = ['p0', 'p1', 'p2', 'p3'];

describe('a worker killed with SIGKILL at each step of a promotion', () => {
  let api: NestExpressApplication;
  const workers = workerProcesses();
  beforeAll(async () => (api = await createTestApp({ api: true, worker: false })));
  afterAll(async () => {
    workers.killAll();
    await api.close();
  });
  const worker = workers.start;
  const titles = async (site: TestSite) => {
    const client = stagingClient(api, site);
    return Promise.all(KEYS.map(async (key) => (await client.production('popup', key)).body.data.title as string));
  };

  it('leaves production on the old state or the new one, never mixed, and a fresh worker finishes the job', async () => {
    // Production starts at "old" for every site, promoted by an ordinary worker.
    const sites: TestSite[] = [];
    const setup = await worker();
    for (let i = 0; i < CRASH_POINTS.length; i++) {
      const site = await createSite(api, 'crash');
      const client = stagingClient(api, site);
      for (const key of KEYS) await client.put('popup', key, { title: 'old' });
      await client.put('stylesheet', 'css', { css: 'body{color:old}' });
      await client.promoteAll();
      for (const key of KEYS) await client.put('popup', key, { title: 'new' });
      sites.push(site);
    }
    setup.child.kill('SIGTERM');
    await setup.exited;

    // One crashing worker per point, one job at a time, so each dies exactly where it is told to. Once it is
    // dead, the test holds the site's job lock (as a live worker would), so no later worker's sweep or BullMQ
    // stall check takes the job over before its checks have run, however slow the machine.
    const jobs: string[] = [];
    const held: HeldLock[] = [];
    let darkBeforeTakeover = 0;
    const db = api.get(DataSource);
    for (const [i, point] of CRASH_POINTS.entries()) {
      const client = stagingClient(api, sites[i]);
      const { fingerprint } = await client.preview();
      const { body: job } = await client.promote(fingerprint, { snapshot: true }).expect(202);
      jobs.push(job.id);
      const crashing = await worker({ CRASH_AT: point });
      await crashing.exited;
      expect([point, crashing.child.signalCode]).toEqual([point, 'SIGKILL']);
      // PostgreSQL frees the dead worker's lock when it sees the connection close; nobody else can take it.
      held.push(
        await eventually(async () => {
          const lock = await api.get(SiteLock).tryAcquire(sites[i].id);
          expect(lock).not.toBeNull();
          return lock!;
        }),
      );
      const seen = await titles(sites[i]);
      expect([point, new Set(seen).size]).toEqual([point, 1]); // all old or all new, never a mix
      const expected = ['promotion:after-swap', 'promotion:mark-staging-in-step', 'promotion:finish'].includes(point)
        ? 'new'
        : 'old';
      expect([point, seen[0]]).toEqual([point, expected]);
      // Killed holding the maintenance lease: the row still names the job as its holder (until a takeover ends
      // it; visitors get production back at its short expiry even if none comes). Any other point holds none.
      const [lease] = await db.query(
        `select maintenance_holder as holder,
           extract(epoch from least(now(), maintenance_until) - maintenance_since) * 1000 as "darkMs"
         from environments where site_id = $1 and name = 'production'`,
        [sites[i].id],
      );
      expect([point, lease.holder]).toEqual([point, point === 'swap:leased' ? `job:${job.id}` : null]);
      if (point === 'swap:leased') darkBeforeTakeover = Number(lease.darkMs);
    }
    for (const lock of held) await lock.release();

    // A fresh worker's database sweep takes every interrupted job over, and finishes it.
    const fresh = await worker();
    for (const [i, id] of jobs.entries()) {
      const client = stagingClient(api, sites[i]);
      const job = await eventually(
        async () => {
          const body = await client.job(id);
          expect([CRASH_POINTS[i], body.status]).toEqual([CRASH_POINTS[i], 'succeeded']);
          return body;
        },
        { timeoutMs: 90_000, intervalMs: 250 },
      );
      expect(job.attempts).toBeGreaterThanOrEqual(2);
      // The recorded window covers the dead attempt's dark time too, not only the retry's own swap.
      if (CRASH_POINTS[i] === 'swap:leased')
        expect(job.timings.maintenanceMs).toBeGreaterThanOrEqual(darkBeforeTakeover);
      expect(await titles(sites[i])).toEqual(KEYS.map(() => 'new'));
      expect((await client.site()).environments.production).toMatchObject({ version: 2, maintenance: null });
    }
    const [{ snapshots }] = await api
      .get(DataSource)
      .query(`select count(*)::int as snapshots from snapshots where job_id = any($1)`, [jobs]);
    expect(snapshots).toBe(jobs.length); // one each, however many attempts took one
    fresh.child.kill('SIGTERM');
    await fresh.exited;
  });
});
