import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { type HeldLock, SiteLock } from '../src/jobs/site-lock';
import { JOB_CONCURRENCY } from '../src/jobs/site-jobs.processor';
import { auth, createTestApp } from './app';
import { eventually } from './eventually';
import { createSite, TestSite } from './factories';
import { workerProcesses } from './service-process';
import { stagingClient } from './staging';

// Every point a promotion can die at: before each step, with the maintenance lease held, after the swap and
// around the post-swap check; the last two again for a promotion whose check fails, so it rolls back.
const CASES: { point: string; rollsBack?: boolean }[] = [
  { point: 'promotion:check-fingerprint' },
  { point: 'promotion:validate' },
  { point: 'promotion:copy-media' },
  { point: 'promotion:snapshot' },
  { point: 'promotion:build-state' },
  { point: 'promotion:plan-check' },
  { point: 'promotion:swap' },
  { point: 'swap:leased' },
  { point: 'promotion:after-swap' },
  { point: 'promotion:verify' },
  { point: 'promotion:after-verify' },
  { point: 'promotion:mark-staging-in-step' },
  { point: 'promotion:finish' },
  { point: 'promotion:verify', rollsBack: true },
  { point: 'promotion:after-verify', rollsBack: true },
];
const CRASH_POINTS = CASES.map((c) => c.point);
// Production's head is the new state from the swap on, until a failed check swaps it back.
const LIVE = [
  'promotion:after-swap',
  'promotion:verify',
  'promotion:after-verify',
  'promotion:mark-staging-in-step',
  'promotion:finish',
];
// The swap keeps the lease until the check's verdict: production is dark for the whole check.
const LEASE_HELD = ['swap:leased', 'promotion:after-swap', 'promotion:verify'];
const KEYS = ['p0', 'p1', 'p2', 'p3'];
// The step a job is in when it stops at a point named otherwise.
const STEP_OF: Record<string, string> = {
  'swap:leased': 'swap',
  'promotion:after-swap': 'swap',
  'promotion:after-verify': 'verify',
};

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
    // Production starts at "old" for every site, promoted by an ordinary worker (booting meanwhile).
    const setup = worker();
    const sites: TestSite[] = await Promise.all(
      CASES.map(async ({ rollsBack }) => {
        const site = await createSite(api, 'crash');
        const client = stagingClient(api, site);
        for (const key of KEYS) await client.put('popup', key, { title: 'old' });
        await client.put('stylesheet', 'css', { css: 'body{color:old}' });
        await setup;
        await client.promoteAll();
        for (const key of KEYS) await client.put('popup', key, { title: 'new' });
        // A site without a home page answers 404 at '/': this check fails, and the promotion rolls back.
        if (rollsBack)
          await client
            .http()
            .patch(`/api/sites/${site.slug}`)
            .set(auth(site.tokens.owner))
            .send({ smokeChecks: [{ path: '/', status: 200 }] })
            .expect(200);
        return site;
      }),
    );
    (await setup).child.kill('SIGTERM');
    await (
      await setup
    ).exited;

    // One crashing worker per batch of points, one batch at a time: the batch's jobs are queued, and its worker
    // (the only one up) stops each at its own site's point and kills itself once all have reached theirs. Once
    // it is dead, the test holds each site's job lock (as a live worker would), so no later worker's sweep or
    // BullMQ stall check takes a job over before its checks have run, however slow the machine.
    const jobs: string[] = [];
    const held: HeldLock[] = [];
    let darkBeforeTakeover = 0;
    const db = api.get(DataSource);
    for (let from = 0; from < CASES.length; from += JOB_CONCURRENCY) {
      const batch = CRASH_POINTS.map((point, i) => ({ point, i })).slice(from, from + JOB_CONCURRENCY);
      for (const { i } of batch) {
        const client = stagingClient(api, sites[i]);
        const { fingerprint } = await client.preview();
        const { body: job } = await client.promote(fingerprint, { snapshot: true }).expect(202);
        jobs[i] = job.id;
      }
      const crashing = await worker({ CRASH_AT: batch.map(({ point, i }) => `${point}@${sites[i].id}`).join(',') });
      await crashing.exited;
      const points = batch.map(({ point }) => point);
      expect([points, crashing.child.signalCode]).toEqual([points, 'SIGKILL']);
      for (const { point, i } of batch) {
        // PostgreSQL frees the dead worker's lock when it sees the connection close; nobody else can take it.
        held.push(
          await eventually(async () => {
            const lock = await api.get(SiteLock).tryAcquire(sites[i].id);
            expect(lock).not.toBeNull();
            return lock!;
          }),
        );
        // Stopped where its own point is, whatever the others in its worker did.
        const { status, step } = await stagingClient(api, sites[i]).job(jobs[i]);
        expect([point, status, step]).toEqual([point, 'running', STEP_OF[point] ?? point.split(':')[1]]);
        const seen = await titles(sites[i]);
        expect([point, new Set(seen).size]).toEqual([point, 1]); // all old or all new, never a mix
        const rolledBack = CASES[i].rollsBack && point === 'promotion:after-verify';
        const expected = LIVE.includes(point) && !rolledBack ? 'new' : 'old';
        expect([point, seen[0]]).toEqual([point, expected]);
        // Killed holding the maintenance lease (taking it, or checking the swapped state): the row still names
        // the job as its holder (until a takeover ends it; visitors get production back at its short expiry even
        // if none comes). Any other point holds none.
        const [lease] = await db.query(
          `select maintenance_holder as holder,
             extract(epoch from least(now(), maintenance_until) - maintenance_since) * 1000 as "darkMs"
           from environments where site_id = $1 and name = 'production'`,
          [sites[i].id],
        );
        expect([point, lease.holder]).toEqual([point, LEASE_HELD.includes(point) ? `job:${jobs[i]}` : null]);
        if (point === 'swap:leased') darkBeforeTakeover = Number(lease.darkMs);
      }
    }
    for (const lock of held) await lock.release();

    // A fresh worker's database sweep takes every interrupted job over, and finishes it.
    const fresh = await worker();
    for (const [i, id] of jobs.entries()) {
      const client = stagingClient(api, sites[i]);
      const rollsBack = CASES[i].rollsBack === true;
      const job = await eventually(
        async () => {
          const body = await client.job(id);
          const status = rollsBack ? 'rolled_back' : 'succeeded';
          expect([CRASH_POINTS[i], body.status]).toEqual([CRASH_POINTS[i], status]);
          return body;
        },
        { timeoutMs: 90_000, intervalMs: 250 },
      );
      expect(job.attempts).toBeGreaterThanOrEqual(2);
      // The recorded window covers the dead attempt's dark time too, not only the retry's own swap.
      if (CRASH_POINTS[i] === 'swap:leased')
        expect(job.timings.maintenanceMs).toBeGreaterThanOrEqual(darkBeforeTakeover);
      if (rollsBack) {
        // Swapped back once, whichever attempt did it: the first promotion, this one's swap, its rollback.
        expect(await titles(sites[i])).toEqual(KEYS.map(() => 'old'));
        expect([CRASH_POINTS[i], (await client.site()).environments.production]).toEqual([
          CRASH_POINTS[i],
          expect.objectContaining({ version: 3, maintenance: null }),
        ]);
        expect(job.error.details).toEqual([expect.objectContaining({ check: 'smoke', path: '/', status: 404 })]);
        const { body: audit } = await client
          .http()
          .get(`/api/sites/${sites[i].slug}/audit?limit=50`)
          .set(auth(sites[i].tokens.owner))
          .expect(200);
        const rollbacks = audit.items.filter((e: { action: string }) => e.action === 'promotion.rolled_back');
        expect([CRASH_POINTS[i], rollbacks.length]).toEqual([CRASH_POINTS[i], 1]);
        continue;
      }
      expect(await titles(sites[i])).toEqual(KEYS.map(() => 'new'));
      expect((await client.site()).environments.production).toMatchObject({ version: 2, maintenance: null });
    }
    const [{ snapshots }] = await api
      .get(DataSource)
      .query(`select count(*)::int as snapshots from snapshots where job_id = any($1)`, [jobs]);
    expect(snapshots).toBe(jobs.length); // one each, however many attempts took one
    fresh.child.kill('SIGTERM');
    await fresh.exited;
  }, 240_000); // a worker process started and killed per batch of points, one after the other
});
