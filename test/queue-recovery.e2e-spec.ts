import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { startRedisServer } from '../src/platform/bootstrap/embedded-redis';
import { freePort } from '../src/platform/bootstrap/free-port';
import type { LocalService } from '../src/platform/bootstrap/local-service';
import { SiteLock } from '../src/jobs/site-lock';
import { auth, createTestApp } from './app';
import { eventually } from './eventually';
import { createSite, type TestSite } from './factories';
import { type ServiceProcess, workerProcesses } from './service-process';
import { stagingClient } from './staging';

const KEYS = ['q0', 'q1', 'q2'];

// Recovery that must not depend on Redis remembering. This file's API and workers use a private redis-server
// that the tests stop and restart empty (never the machine's Redis).
describe('jobs when workers die and Redis forgets', () => {
  let dir: string;
  let port: number;
  let redis: LocalService & { url: string };
  let api: NestExpressApplication;
  let workers: ReturnType<typeof workerProcesses>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'promote-queue-recovery-'));
    port = await freePort();
    redis = await startRedisServer(dir, port);
    api = await createTestApp({ api: true, worker: false }, { REDIS_URL: redis.url });
    workers = workerProcesses({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    workers?.killAll();
    await api.close();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const worker = (env: Record<string, string> = {}) => workers.start(env);
  const stop = async (w: ServiceProcess) => {
    w.child.kill('SIGTERM');
    await w.exited;
  };
  const restartRedisEmpty = async () => {
    await redis.stop();
    redis = await startRedisServer(dir, port); // nothing persisted: every queue entry is gone
  };
  const db = () => api.get(DataSource);
  const lease = async (site: TestSite) =>
    (
      await db().query(
        `select maintenance_holder as holder from environments where site_id = $1 and name = 'production'`,
        [site.id],
      )
    )[0].holder as string | null;
  const titles = async (site: TestSite) => {
    const client = stagingClient(api, site);
    return Promise.all(KEYS.map(async (key) => (await client.production('popup', key)).body.data?.title));
  };
  const cancel = (id: string, token: string) =>
    request(api.getHttpServer()).post(`/api/jobs/${id}/cancel`).set(auth(token));

  // Sites whose production says "old" for killedPromotion, promoted in beforeAll by one worker for all (a worker
  // start costs seconds); each test still kills its own promotion with its own worker.
  const promoted: TestSite[] = [];
  beforeAll(async () => {
    const setup = worker();
    promoted.push(
      ...(await Promise.all(
        [1, 2, 3].map(async () => {
          const site = await createSite(api, 'qrec');
          const client = stagingClient(api, site);
          for (const key of KEYS) await client.put('popup', key, { title: 'old' });
          await setup;
          await client.promoteAll();
          return site;
        }),
      )),
    );
    await stop(await setup);
  });

  /** A site whose production says "old" and staging "new", and a promotion of it whose worker was killed. */
  async function killedPromotion(point: string) {
    const site = promoted.shift()!;
    const client = stagingClient(api, site);
    for (const key of KEYS) await client.put('popup', key, { title: 'new' });
    const { fingerprint } = await client.preview();
    const { body: job } = await client.promote(fingerprint).expect(202);
    const crashing = await worker({ CRASH_AT: point });
    await crashing.exited;
    expect(crashing.child.signalCode).toBe('SIGKILL');
    expect((await client.job(job.id)).status).toBe('running');
    return { site, client, jobId: job.id as string };
  }

  it('answers a Promote click while Redis is down with 202, and runs the job once Redis is back', async () => {
    const site = await createSite(api, 'qdown');
    const client = stagingClient(api, site);
    await client.put('popup', 'q0', { title: 'new' });
    const { fingerprint } = await client.preview();
    await redis.stop();
    // The answer arrives while Redis is still down (it is restarted only after), from the committed row.
    const { body: job } = await client.promote(fingerprint).expect(202);
    expect(job.status).toBe('queued');
    await restartRedisEmpty();
    const fresh = await worker();
    await client.waitForJob(job.id);
    expect((await client.production('popup', 'q0')).body.data.title).toBe('new');
    await stop(fresh);
  });

  it('finishes a killed worker’s promotion after Redis lost everything, and the site is promotable again', async () => {
    const { site, client, jobId } = await killedPromotion('swap:leased');
    expect(await lease(site)).toBe(`job:${jobId}`); // died holding the maintenance lease
    await restartRedisEmpty();
    // Nothing in Redis names the job any more; the row still blocks the site.
    await client.put('popup', 'q0', { title: 'newer' });
    const blocked = await client.promote((await client.preview()).fingerprint).expect(409);
    expect(blocked.body.error).toMatchObject({ code: 'promotion_in_progress', details: [{ jobId }] });

    const fresh = await worker();
    const done = await client.waitForJob(jobId, 'succeeded', 60_000);
    expect(done.attempts).toBeGreaterThanOrEqual(2);
    expect(await titles(site)).toEqual(['new', 'new', 'new']);
    expect(await lease(site)).toBeNull();
    // The job shipped what was reviewed ("new"); the later edit goes out with the next promotion.
    await client.promoteAll();
    expect(await titles(site)).toEqual(['newer', 'new', 'new']);
    await stop(fresh);
  });

  it('lets an owner cancel a stuck job, audited, and refuses while a live worker holds it', async () => {
    const { site, client, jobId } = await killedPromotion('swap:leased');
    // Holding the site's job lock is what a live worker running it does: no cancel then.
    const held = await eventually(async () => {
      const lock = await api.get(SiteLock).tryAcquire(site.id);
      expect(lock).not.toBeNull();
      return lock!;
    });
    try {
      const refused = await cancel(jobId, site.tokens.owner).expect(409);
      expect(refused.body.error).toMatchObject({ code: 'job_in_progress', details: [{ jobId }] });
    } finally {
      await held.release();
    }
    expect((await cancel(jobId, site.tokens.editor).expect(403)).body.error.code).toBe('forbidden');
    const other = await createSite(api, 'qother');
    expect((await cancel(jobId, other.tokens.owner).expect(404)).body.error.code).toBe('not_found');

    // Refused (job_in_progress) until the dead worker's heartbeat is old; no worker is up to take it over.
    const cancelled = await eventually(async () => (await cancel(jobId, site.tokens.owner).expect(200)).body);
    expect(cancelled).toMatchObject({ id: jobId, status: 'cancelled', error: { code: 'cancelled' } });
    expect(await lease(site)).toBeNull(); // the lease it held is given back: production serves the old state
    expect(await titles(site)).toEqual(['old', 'old', 'old']);
    expect((await cancel(jobId, site.tokens.owner).expect(200)).body.status).toBe('cancelled'); // again: same
    const { body: audit } = await client.http().get(`/api/sites/${site.slug}/audit`).set(auth()).expect(200);
    expect(audit.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'promotion.cancelled', subject: jobId })]),
    );

    // The site is free again, and a finished job cannot be cancelled.
    const fresh = await worker();
    const done = await client.promoteAll();
    expect(await titles(site)).toEqual(['new', 'new', 'new']);
    const finished = await cancel(done.id, site.tokens.owner).expect(409);
    expect(finished.body.error).toMatchObject({ code: 'job_finished', details: [{ jobId: done.id }] });
    await stop(fresh);
  });

  it('fails a job with a reason once its workers died on it too often, giving the site back', async () => {
    const { site, client, jobId } = await killedPromotion('swap:leased');
    // As if four more workers had died on it, each after taking it.
    await db().query(`update jobs set attempts = 5 where id = $1`, [jobId]);
    const fresh = await worker();
    const failed = await client.waitForJob(jobId, 'failed', 60_000);
    expect(failed.error).toMatchObject({ code: 'job_abandoned', details: [{ attempts: 5 }] });
    expect(await lease(site)).toBeNull();
    expect(await titles(site)).toEqual(['old', 'old', 'old']);
    const { body: audit } = await client.http().get(`/api/sites/${site.slug}/audit`).set(auth()).expect(200);
    expect(audit.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'promotion.failed', subject: jobId })]),
    );
    await client.promoteAll();
    expect(await titles(site)).toEqual(['new', 'new', 'new']);
    await stop(fresh);
  });
});
