import type { NestExpressApplication } from '@nestjs/platform-express';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { auth, createTestApp } from './app';
import { createSite, type TestSite } from './factories';
import { type ServiceProcess, workerProcesses } from './service-process';
import { stagingClient } from './staging';

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

// The API runs here without a worker; schedules fire in worker processes that the tests start and stop.
describe('scheduled promotion of a pinned state', () => {
  let api: NestExpressApplication;
  let workers: ReturnType<typeof workerProcesses>;
  beforeAll(async () => {
    api = await createTestApp({ api: true, worker: false });
    workers = workerProcesses();
  });
  afterAll(async () => {
    workers.killAll();
    await api.close();
  });
  const http = () => request(api.getHttpServer());
  const stop = async (w: ServiceProcess) => {
    w.child.kill('SIGTERM');
    await w.exited;
  };
  const db = () => api.get(DataSource);
  const audit = async (site: TestSite) =>
    (await http().get(`/api/sites/${site.slug}/audit?limit=50`).set(auth(site.tokens.owner)).expect(200)).body.items;
  const scheduled = async (site: TestSite) =>
    (
      await http()
        .get(`/api/sites/${site.slug}/promotions?status=scheduled`)
        .set(auth(site.tokens.reviewer))
        .expect(200)
    ).body.items;
  const cancel = (id: string, token: string) => http().post(`/api/jobs/${id}/cancel`).set(auth(token));
  const title = async (client: ReturnType<typeof stagingClient>, key = 'sale') =>
    (await client.production('popup', key)).body.data?.title;

  async function stagedSite(prefix: string) {
    const site = await createSite(api, prefix);
    const client = stagingClient(api, site);
    await client.put('popup', 'sale', { title: 'reviewed' });
    const { fingerprint } = await client.preview();
    const schedule = (runAt: string, extra: Record<string, unknown> = {}) =>
      client.promote(fingerprint, { runAt, ...extra });
    return { site, client, fingerprint, schedule };
  }

  it('fires at runAt with the worker restarted in between, shipping the pinned state, not later edits', async () => {
    const { site, client, schedule } = await stagedSite('sched');
    const first = await workers.start();
    const runAt = inSeconds(8);
    const { body: job } = await schedule(runAt, { note: 'launch' }).expect(202);
    expect(job).toMatchObject({ status: 'scheduled', runAt: new Date(runAt).toISOString(), kind: 'promotion' });
    expect(job.result.stateId).toEqual(expect.any(Number));
    expect(await scheduled(site)).toEqual([expect.objectContaining({ id: job.id, status: 'scheduled' })]);

    // Editors keep working, and nothing else on the site waits for the schedule.
    await client.put('popup', 'sale', { title: 'edited after scheduling' });
    await client.put('popup', 'extra', { title: 'added after scheduling' });
    await http()
      .post(`/api/sites/${site.slug}/snapshots`)
      .set(auth(site.tokens.owner))
      .send({ label: 'while scheduled' })
      .expect(201);

    await stop(first);
    const second = await workers.start();
    const done = await client.waitForJob(job.id, 'succeeded', 60_000);
    expect(new Date(done.startedAt).getTime()).toBeGreaterThanOrEqual(new Date(runAt).getTime() - 1000);
    expect(done.steps).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'build-state', status: 'skipped' }),
        expect.objectContaining({ name: 'validate', status: 'skipped' }),
      ]),
    );
    expect(await title(client)).toBe('reviewed');
    expect((await client.production('popup', 'extra')).status).toBe(404);
    const head = (await client.site()).environments.production.stateId;
    expect(head).toBe(job.result.stateId);
    const actions = (await audit(site))
      .filter((e: { subject: string }) => e.subject === job.id)
      .map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['promotion.scheduled', 'promotion.requested', 'promotion.succeeded']),
    );
    expect(await scheduled(site)).toEqual([]);
    await stop(second);
  });

  it('never fires a cancelled schedule (an owner cancels; an editor may not)', async () => {
    const { site, client, schedule } = await stagedSite('sched-cancel');
    const booting = workers.start(); // boots while the schedule waits for its runAt
    const runAt = inSeconds(3);
    const { body: job } = await schedule(runAt).expect(202);
    expect((await cancel(job.id, site.tokens.editor).expect(403)).body.error.code).toBe('forbidden');
    const { body: cancelled } = await cancel(job.id, site.tokens.owner).expect(200);
    expect(cancelled).toMatchObject({ id: job.id, status: 'cancelled', error: { code: 'cancelled' } });
    expect(await scheduled(site)).toEqual([]);
    // Past runAt, with a worker up and sweeping (for 3 s at least): still cancelled, production untouched.
    const worker = await booting;
    await sleep(Math.max(new Date(runAt).getTime(), Date.now()) + 3000 - Date.now());
    expect((await client.job(job.id)).status).toBe('cancelled');
    expect((await client.production('popup', 'sale')).status).toBe(404);
    expect((await client.site()).environments.production.version).toBe(0);
    expect(await audit(site)).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'promotion.cancelled', subject: job.id })]),
    );
    // The site may schedule again.
    await schedule(inSeconds(3600)).expect(202);
    await stop(worker);
  });

  it('runs a schedule missed while every worker was down at once on recovery, marked late', async () => {
    const { site, client, schedule } = await stagedSite('sched-missed');
    const runAt = inSeconds(1);
    const { body: job } = await schedule(runAt).expect(202);
    await sleep(new Date(runAt).getTime() + 4000 - Date.now()); // no worker is up
    expect((await client.job(job.id)).status).toBe('scheduled');
    const worker = await workers.start();
    const done = await client.waitForJob(job.id, 'succeeded', 60_000);
    expect(done.result).toMatchObject({ late: true, lateByMs: expect.any(Number) });
    expect(done.result.lateByMs).toBeGreaterThanOrEqual(4000);
    expect(await title(client)).toBe('reviewed');
    expect(await audit(site)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'promotion.requested',
          subject: job.id,
          details: expect.objectContaining({ scheduled: true, late: true }),
        }),
      ]),
    );
    await stop(worker);
  });

  it('fails with stale_preview when production moved between the schedule and runAt', async () => {
    const { site, client, schedule } = await stagedSite('sched-moved');
    const booting = workers.start(); // boots while the schedule waits for its runAt
    const { body: job } = await schedule(inSeconds(4)).expect(202);
    await http()
      .put(`/api/sites/${site.slug}/production/content/popup/sale`)
      .set(auth(site.tokens.owner))
      .set('X-Break-Glass', 'hot fix')
      .send({ data: { title: 'hot fix' } })
      .expect(201);
    const worker = await booting;
    const failed = await client.waitForJob(job.id, 'failed', 60_000);
    expect(failed.error.code).toBe('stale_preview');
    expect(await title(client)).toBe('hot fix');
    expect(await audit(site)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'promotion.failed',
          subject: job.id,
          details: expect.objectContaining({ code: 'stale_preview' }),
        }),
      ]),
    );
    await stop(worker);
  });

  it('keeps one schedule per site, answers a repeated request with the same one, and refuses a stale preview', async () => {
    const { site, client, schedule, fingerprint } = await stagedSite('sched-one');
    const runAt = inSeconds(3600);
    const { body: job } = await schedule(runAt).expect(202);
    expect((await schedule(runAt).expect(202)).body.id).toBe(job.id);
    const { body: second } = await schedule(inSeconds(7200)).expect(409);
    expect(second.error).toMatchObject({ code: 'schedule_exists', details: [{ jobId: job.id }] });
    // A schedule blocks no immediate promotion (which then makes the schedule's preview stale).
    const now = await client.promote(fingerprint).expect(202);
    expect(now.body.status).toBe('queued');
    await client.put('popup', 'sale', { title: 'changed' });
    const stale = await client.promote(fingerprint, { runAt: inSeconds(60) }).expect(409);
    expect(stale.body.error.code).toBe('schedule_exists');
    await cancel(job.id, site.tokens.owner).expect(200);
    const fresh = await client.promote(fingerprint, { runAt: inSeconds(60) }).expect(409);
    expect(fresh.body.error.code).toBe('stale_preview');
  });

  it('refuses bad times and zones with 400 naming the field, writing nothing', async () => {
    const { site, schedule } = await stagedSite('sched-bad');
    const count = async () =>
      (
        await db().query(
          `select (select count(*) from jobs where site_id = $1)::int as jobs,
                  (select count(*) from content_states where site_id = $1)::int as states,
                  (select count(*) from audit_log where site_id = $1)::int as audit`,
          [site.id],
        )
      )[0];
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ runAt: inSeconds(-60) }, 'body.runAt'],
      [{ runAt: new Date(Date.now() + 367 * 86400_000).toISOString() }, 'body.runAt'],
      [{ runAt: '2030-01-01T09:00', timeZone: 'Mars/Olympus_Mons' }, 'body.timeZone'],
      [{ runAt: '2030-01-01T09:00' }, 'body.runAt'],
      [{ runAt: 'tomorrow' }, 'body.runAt'],
      [{ runAt: '2030-02-30T09:00', timeZone: 'Europe/Paris' }, 'body.runAt'],
    ];
    for (const [body, path] of cases) {
      const { body: answer } = await schedule(body.runAt as string, body).expect(400);
      expect({ body, error: answer.error }).toMatchObject({
        body,
        error: { code: 'validation_failed', details: [expect.objectContaining({ path })] },
      });
    }
    const { body: zoneOnly } = await http()
      .post(`/api/sites/${site.slug}/promotions`)
      .set(auth(site.tokens.editor))
      .send({ fingerprint: 'c1-h1', timeZone: 'Europe/Paris' })
      .expect(400);
    expect(zoneOnly.error.details).toEqual([expect.objectContaining({ path: 'body.timeZone' })]);
    const { body: filter } = await http()
      .get(`/api/sites/${site.slug}/promotions?status=later`)
      .set(auth(site.tokens.editor))
      .expect(400);
    expect(filter.error.details).toEqual([expect.objectContaining({ path: 'query.status' })]);
    expect(await count()).toEqual(before);
  });

  it('takes a local time in a time zone, and keeps the pinned state through garbage collection', async () => {
    const { site, client, schedule } = await stagedSite('sched-zone');
    const local = new Date(Date.now() + 3600_000 + 9 * 3600_000).toISOString().slice(0, 16); // UTC+9, no DST
    const { body: job } = await schedule(local, { timeZone: 'Asia/Tokyo' }).expect(202);
    expect(job.runAt).toBe(new Date(`${local}:00+09:00`).toISOString());
    expect((await scheduled(site))[0]).toMatchObject({ id: job.id, timeZone: 'Asia/Tokyo' });
    await http().post('/api/admin/gc').set(auth()).send({ graceSeconds: 0, keepRecentStates: 0 }).expect(200);
    const [state] = await db().query(`select count(*)::int as entries from state_entries where state_id = $1`, [
      job.result.stateId,
    ]);
    expect(state.entries).toBe(1);
    await db().query(`update jobs set run_at = now() where id = $1`, [job.id]); // as if the hour had passed
    const worker = await workers.start();
    await client.waitForJob(job.id, 'succeeded', 60_000);
    expect(await title(client)).toBe('reviewed');
    await stop(worker);
  });
});
