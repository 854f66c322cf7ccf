import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { JobKind } from '../src/jobs/job-names';
import { JobsRepository } from '../src/jobs/jobs.repository';
import { Transactions } from '../src/platform/database/transactions';
import { adminToken, auth, createTestApp } from './app';
import { eventually } from './eventually';
import { type Sample, scrape, valueOf } from './exposition';
import { createSite, type TestSite } from './factories';
import { stagingClient } from './staging';
import { startReceiver } from './webhook-receiver';

describe('metrics', () => {
  describe('an API and worker process', () => {
    let app: NestExpressApplication;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    const http = () => request(app.getHttpServer());

    /** A site with a published home page, a form and a webhook on promotions. */
    async function stagedSite(prefix: string) {
      const site = await createSite(app, prefix);
      const client = stagingClient(app, site);
      await client.put('page', 'home', { title: 'Home', path: '/', blocks: [{ id: 'h', type: 'text', text: 'Hi' }] });
      await client.publish('page', 'home');
      return { site, client };
    }

    beforeAll(async () => {
      receiver = await startReceiver();
      // A webhook's retry 50 ms after its first attempt failed, not 30 s.
      app = await createTestApp({ api: true, worker: true }, { WEBHOOK_RETRY_BASE_MS: '50' });
    });
    afterAll(async () => {
      await app?.close();
      await receiver?.close();
    });

    it('answers only the platform admin', async () => {
      const site = await createSite(app, 'metrics-auth');
      const anonymous = await http().get('/metrics').expect(401);
      expect(anonymous.body.error.code).toBe('unauthenticated');
      for (const token of Object.values(site.tokens)) {
        const refused = await http().get('/metrics').set(auth(token)).expect(403);
        expect(refused.body.error.code).toBe('forbidden');
      }
      await http().get('/metrics').set(auth('not-a-token')).expect(401);
      const { samples } = await scrape(app);
      // Node's own metrics, under the same prefix.
      expect(valueOf(samples, 'promote_process_cpu_user_seconds_total')).toBeGreaterThan(0);
      expect(valueOf(samples, 'promote_nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    });

    it('counts a promotion, its duration, its maintenance window and its webhook delivery', async () => {
      const { site, client } = await stagedSite('metrics-promote');
      receiver.script('/hook', [500, 200]);
      await http()
        .post(`/api/sites/${site.slug}/webhooks`)
        .set(auth(site.tokens.owner))
        .send({ url: receiver.url('/hook'), events: ['promotion.succeeded'], secret: 'whsec_metrics_0123456789' })
        .expect(201);
      const before = (await scrape(app)).samples;
      const finished = (s: Sample[], status: string) =>
        valueOf(s, 'promote_jobs_finished_total', { kind: 'promotion', status }) ?? 0;
      const durations = (s: Sample[]) => valueOf(s, 'promote_job_duration_seconds_count', { kind: 'promotion' }) ?? 0;
      const windows = (s: Sample[]) => valueOf(s, 'promote_maintenance_window_seconds_count') ?? 0;
      const deliveries = (s: Sample[], result: string) =>
        valueOf(s, 'promote_webhook_deliveries_total', { result }) ?? 0;

      const job = await client.promoteAll();
      const after = await eventually(async () => {
        const { samples } = await scrape(app);
        expect(deliveries(samples, 'succeeded') - deliveries(before, 'succeeded')).toBe(1);
        return samples;
      });

      expect(finished(after, 'succeeded') - finished(before, 'succeeded')).toBe(1);
      expect(durations(after) - durations(before)).toBe(1);
      expect(windows(after) - windows(before)).toBe(1);
      // The 500 was retried: one attempt counted as such, none as given up.
      expect(deliveries(after, 'retry') - deliveries(before, 'retry')).toBe(1);
      expect(deliveries(after, 'failed') - deliveries(before, 'failed')).toBe(0);
      // What the histograms add up is what the job recorded.
      const windowSum = (s: Sample[]) => valueOf(s, 'promote_maintenance_window_seconds_sum') ?? 0;
      expect(windowSum(after) - windowSum(before)).toBeCloseTo(job.timings.maintenanceMs / 1000, 4);
      const durationSum = (s: Sample[]) => valueOf(s, 'promote_job_duration_seconds_sum', { kind: 'promotion' }) ?? 0;
      const recorded = (new Date(job.finishedAt).getTime() - new Date(job.createdAt).getTime()) / 1000;
      expect(durationSum(after) - durationSum(before)).toBeCloseTo(recorded, 2);
      // Buckets are cumulative: the +Inf bucket holds every observation.
      expect(valueOf(after, 'promote_job_duration_seconds_bucket', { kind: 'promotion', le: '+Inf' })).toBe(
        durations(after),
      );
    });

    it('counts a rolled-back promotion and a cancelled schedule under their own status', async () => {
      const { site, client } = await stagedSite('metrics-outcomes');
      await http()
        .patch(`/api/sites/${site.slug}`)
        .set(auth(site.tokens.owner))
        .send({ smokeChecks: [{ path: '/', status: 200, contains: 'text that is not on the page' }] })
        .expect(200);
      const before = (await scrape(app)).samples;
      const finished = (s: Sample[], status: string) =>
        valueOf(s, 'promote_jobs_finished_total', { kind: 'promotion', status }) ?? 0;
      const durations = (s: Sample[]) => valueOf(s, 'promote_job_duration_seconds_count', { kind: 'promotion' }) ?? 0;

      const { fingerprint } = await client.preview();
      const { body: rolledBack } = await client.promote(fingerprint).expect(202);
      await client.waitForJob(rolledBack.id, 'rolled_back');
      const runAt = new Date(Date.now() + 3600_000).toISOString();
      const { body: scheduled } = await client.promote((await client.preview()).fingerprint, { runAt }).expect(202);
      await http().post(`/api/jobs/${scheduled.id}/cancel`).set(auth(site.tokens.owner)).expect(200);

      const after = (await scrape(app)).samples;
      expect(finished(after, 'rolled_back') - finished(before, 'rolled_back')).toBe(1);
      expect(finished(after, 'cancelled') - finished(before, 'cancelled')).toBe(1);
      // The schedule never ran, so only the rolled-back promotion has a duration.
      expect(durations(after) - durations(before)).toBe(1);
    });

    it('counts a cached page as a hit and a first rendering as a miss', async () => {
      const { site, client } = await stagedSite('metrics-cache');
      await client.promoteAll();
      const count = (s: Sample[], result: string) => valueOf(s, 'promote_render_cache_total', { result }) ?? 0;
      const before = (await scrape(app)).samples;
      await http().get(`/sites/${site.slug}/`).expect(200);
      await http().get(`/sites/${site.slug}/`).expect(200);
      await http().get(`/sites/${site.slug}/no-such-page`).expect(404);
      const after = (await scrape(app)).samples;
      const hits = count(after, 'hit') - count(before, 'hit');
      const misses = count(after, 'miss') - count(before, 'miss');
      // The post-swap check may have rendered the home page already; the second request is a hit either way,
      // and a path with no page is never cached.
      expect(hits).toBeGreaterThanOrEqual(1);
      expect(misses).toBeGreaterThanOrEqual(1);
      expect(hits + misses).toBe(3);
    });

    it('reports the depth of every queue and the stalled jobs, with no site, token or path in a label', async () => {
      const site: TestSite = await createSite(app, 'metrics-labels');
      await stagingClient(app, site).put('page', 'p', { title: 'P', path: '/secret-path', blocks: [] });
      const { text, samples } = await scrape(app);
      for (const queue of ['site-jobs', 'housekeeping', 'webhook-deliveries', 'visual-diffs'])
        for (const state of ['waiting', 'active', 'delayed', 'completed', 'failed'])
          expect({ queue, state, value: valueOf(samples, 'promote_queue_jobs', { queue, state }) }).toEqual({
            queue,
            state,
            value: expect.any(Number),
          });
      expect(valueOf(samples, 'promote_queue_jobs', { queue: 'site-jobs', state: 'completed' })).toBeGreaterThan(0);
      expect(valueOf(samples, 'promote_stalled_jobs')).toEqual(expect.any(Number));
      for (const secret of [site.id, site.slug, ...Object.values(site.tokens), adminToken(), '/secret-path'])
        expect(text.includes(secret)).toBe(false);
    });
  });

  describe('an API-only process', () => {
    let app: NestExpressApplication;
    beforeAll(async () => (app = await createTestApp({ api: true, worker: false })));
    afterAll(() => app?.close());

    it('counts a running job whose worker stopped beating as stalled', async () => {
      const jobs = app.get(JobsRepository);
      const tx = app.get(Transactions).autocommit;
      const stalled = async () => valueOf((await scrape(app)).samples, 'promote_stalled_jobs');
      const before = (await stalled())!;
      const job = await jobs.insert(tx, {
        siteId: null,
        kind: JobKind.SelfTest,
        params: {},
        actor: { actor: 'admin', role: 'admin' },
        steps: [],
      });
      const db = app.get(DataSource);
      try {
        // No worker runs in this process, so nothing takes it over: it stays stalled until the test ends it.
        await db.query(`update jobs set status = 'running', heartbeat_at = now() - interval '1 minute' where id = $1`, [
          job.id,
        ]);
        expect((await stalled())! - before).toBe(1);
        await db.query(`update jobs set heartbeat_at = now() + interval '1 minute' where id = $1`, [job.id]);
        expect(await stalled()).toBe(before);
      } finally {
        await jobs.finish(tx, job.id, 'failed', { code: 'test', message: 'ended by the metrics test' });
      }
    });

    it('serves /metrics without the queue it does not work (webhook deliveries)', async () => {
      await request(app.getHttpServer()).get('/metrics').expect(401);
      const { samples } = await scrape(app);
      expect(valueOf(samples, 'promote_queue_jobs', { queue: 'site-jobs', state: 'waiting' })).toEqual(
        expect.any(Number),
      );
      expect(samples.some((s) => s.labels.queue === 'webhook-deliveries')).toBe(false);
    });
  });

  it('is served by a worker-only process too', async () => {
    const worker = await createTestApp({ api: false, worker: true });
    try {
      await request(worker.getHttpServer()).get('/metrics').expect(401);
      const { samples } = await scrape(worker);
      expect(samples.some((s) => s.labels.queue === 'webhook-deliveries')).toBe(true);
      expect(valueOf(samples, 'promote_render_cache_total', { result: 'hit' })).toBe(0);
    } finally {
      await worker.close();
    }
  });
});
