import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { SiteLock } from '../src/jobs/site-lock';
import { auth, createTestApp } from './app';
import { createSite, type TestSite } from './factories';
import { stagingClient } from './staging';

describe('undo of a promotion', () => {
  let app: NestExpressApplication;
  beforeAll(async () => (app = await createTestApp()));
  afterAll(() => app.close());
  const http = () => request(app.getHttpServer());
  const undo = (site: TestSite, promotionId: string, token = site.tokens.editor) =>
    http().post(`/api/sites/${site.slug}/promotions/${promotionId}/undo`).set(auth(token));
  const production = async (site: TestSite) =>
    (await http().get(`/api/sites/${site.slug}`).set(auth()).expect(200)).body.environments.production;
  const audit = async (site: TestSite) =>
    (await http().get(`/api/sites/${site.slug}/audit?limit=50`).set(auth(site.tokens.owner)).expect(200)).body.items;
  const collectEverything = () =>
    http().post('/api/admin/gc').set(auth()).send({ graceSeconds: 0, keepRecentStates: 0 }).expect(200);

  async function twoPromotions() {
    const site = await createSite(app, 'undo');
    const client = stagingClient(app, site);
    await client.put('popup', 'sale', { title: 'v1' });
    const first = await client.promoteAll();
    await client.put('popup', 'sale', { title: 'v2' });
    await client.put('popup', 'extra', { title: 'only in v2' });
    const second = await client.promoteAll();
    return { site, client, first, second };
  }

  it("puts back the state production had before the promotion, at production's version + 1, audited", async () => {
    const { site, client, second } = await twoPromotions();
    const before = await production(site);
    const { body: job } = await undo(site, second.id).expect(202);
    expect(job).toMatchObject({ kind: 'restore', status: 'queued', fromVersion: before.version });
    const done = await client.waitForJob(job.id);
    expect(done.toVersion).toBe(before.version + 1);
    expect((await client.production('popup', 'sale')).body.data.title).toBe('v1');
    expect((await client.production('popup', 'extra')).status).toBe(404);
    expect((await production(site)).version).toBe(before.version + 1);
    const entries = await audit(site);
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'restore.requested',
          subject: job.id,
          details: expect.objectContaining({ undoOf: second.id }),
        }),
        expect.objectContaining({ action: 'restore.succeeded', subject: job.id }),
        expect.objectContaining({ action: 'promotion.rolled_back', subject: second.id }),
      ]),
    );

    // Production now serves the undo's state, not the promotion's: a second undo names what moved it.
    const { body: again } = await undo(site, second.id).expect(409);
    expect(again.error).toMatchObject({
      code: 'undo_unavailable',
      details: [
        { promotionId: second.id, currentHead: { origin: 'restore', jobId: job.id, version: before.version + 1 } },
      ],
    });
  });

  it('refuses once production moved by a break-glass write, naming it, and changes nothing', async () => {
    const { site, client, second } = await twoPromotions();
    await http()
      .put(`/api/sites/${site.slug}/production/content/popup/sale`)
      .set(auth(site.tokens.owner))
      .set('X-Break-Glass', 'hot fix')
      .send({ data: { title: 'hot fix' } })
      .expect(200);
    const before = await production(site);
    const { body } = await undo(site, second.id).expect(409);
    expect(body.error).toMatchObject({
      code: 'undo_unavailable',
      details: [{ currentHead: { origin: 'break_glass', jobId: null, version: before.version } }],
    });
    expect(await production(site)).toEqual(before);
    expect((await client.production('popup', 'sale')).body.data.title).toBe('hot fix');
  });

  it('refuses an older promotion, another site’s, and an unknown one', async () => {
    const { site, first } = await twoPromotions();
    expect((await undo(site, first.id).expect(409)).body.error.code).toBe('undo_unavailable');
    const other = await createSite(app, 'undo-other');
    expect((await undo(other, first.id).expect(404)).body.error.code).toBe('not_found');
    expect((await undo(site, '00000000-0000-4000-8000-000000000000').expect(404)).body.error.code).toBe('not_found');
    expect((await undo(site, first.id, site.tokens.reviewer).expect(403)).body.error.code).toBe('forbidden');
  });

  it('answers a second click while the undo is pending with the job in progress', async () => {
    const { site, client, second } = await twoPromotions();
    // Holding the site's job lock keeps the undo queued (the worker waits for the lock).
    const held = (await app.get(SiteLock).tryAcquire(site.id))!;
    let jobId: string;
    try {
      jobId = (await undo(site, second.id).expect(202)).body.id;
      const { body } = await undo(site, second.id).expect(409);
      expect(body.error).toMatchObject({ code: 'promotion_in_progress', details: [{ jobId }] });
    } finally {
      await held.release();
    }
    await client.waitForJob(jobId);
    expect((await client.production('popup', 'sale')).body.data.title).toBe('v1');
  });

  it('undoes the first promotion back to the empty state, which the garbage collector kept', async () => {
    const site = await createSite(app, 'undo-first');
    const client = stagingClient(app, site);
    await client.put('popup', 'sale', { title: 'v1' });
    const first = await client.promoteAll();
    await collectEverything();
    await client.waitForJob((await undo(site, first.id).expect(202)).body.id);
    expect((await client.production('popup', 'sale')).status).toBe(404);
    expect((await production(site)).version).toBe(2);
  });
});
