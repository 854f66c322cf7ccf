import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { auth, createTestApp } from './app';
import { createSite, TestSite } from './factories';

describe('break-glass writes to production', () => {
  let app: NestExpressApplication;
  let site: TestSite;
  beforeAll(async () => {
    app = await createTestApp();
    site = await createSite(app, 'glass');
  });
  afterAll(() => app.close());
  const http = () => request(app.getHttpServer());
  const url = (key: string, type = 'popup') => `/api/sites/${site.slug}/production/content/${type}/${key}`;
  const put = (key: string, data: object, token: string, reason?: string, requestId?: string) => {
    let req = http().put(url(key)).set(auth(token));
    if (reason !== undefined) req = req.set('X-Break-Glass', reason);
    if (requestId) req = req.set('X-Request-Id', requestId);
    return req.send({ data });
  };
  const productionVersion = async (): Promise<number> =>
    (await http().get(`/api/sites/${site.slug}`).set(auth()).expect(200)).body.environments.production.version;
  const audit = async () =>
    (await http().get(`/api/sites/${site.slug}/audit?limit=20`).set(auth(site.tokens.owner)).expect(200)).body.items;

  it.each(['editor', 'reviewer'] as const)('refuses the %s role, even with a reason', async (role) => {
    const before = await productionVersion();
    for (const reason of [undefined, 'urgent fix']) {
      const { body } = await put('refused', { title: 'No' }, site.tokens[role], reason).expect(403);
      expect(body.error.code).toBe('production_read_only');
      const { body: removal } = await http()
        .delete(url('refused'))
        .set(auth(site.tokens[role]))
        .set('X-Break-Glass', 'urgent fix')
        .expect(403);
      expect(removal.error.code).toBe('production_read_only');
    }
    expect(await productionVersion()).toBe(before);
    await http().get(url('refused')).set(auth()).expect(404);
  });

  it('refuses an owner without the X-Break-Glass header, and with an empty reason', async () => {
    const before = await productionVersion();
    expect((await put('no-reason', { title: 'No' }, site.tokens.owner).expect(403)).body.error.code).toBe(
      'production_read_only',
    );
    for (const reason of ['', '   ', 'x'.repeat(501)]) {
      const { body } = await put('no-reason', { title: 'No' }, site.tokens.owner, reason).expect(400);
      expect(body.error).toMatchObject({
        code: 'validation_failed',
        details: [{ path: 'headers.x-break-glass', message: expect.any(String) }],
      });
    }
    expect(await productionVersion()).toBe(before);
    await http().get(url('no-reason')).set(auth()).expect(404);
  });

  it("applies and audits an owner's write with a reason, one version at a time", async () => {
    const before = await productionVersion();
    const first = await put('banner', { title: 'Closed today' }, site.tokens.owner, 'storm closure', 'glass-req-1');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ type: 'popup', key: 'banner', data: { title: 'Closed today' }, version: 1 });
    expect(await productionVersion()).toBe(before + 1);
    const second = await put('banner', { title: 'Open again' }, site.tokens.owner, 'storm over', 'glass-req-2');
    expect(second.status).toBe(200);
    expect(second.body.version).toBe(2);
    expect(await productionVersion()).toBe(before + 2);

    const { body: read } = await http().get(url('banner')).set(auth(site.tokens.reviewer)).expect(200);
    expect(read).toMatchObject({ data: { title: 'Open again' }, version: 2, revision: second.body.revision });
    // Staging is not touched: production's own write does not come back through staging.
    await http().get(`/api/sites/${site.slug}/staging/content/popup/banner`).set(auth()).expect(404);

    const entry = (await audit()).find((e: { requestId: string }) => e.requestId === 'glass-req-2');
    expect(entry).toMatchObject({
      action: 'production.break_glass_write',
      subject: 'production/popup/banner',
      actorRole: 'owner',
      details: {
        reason: 'storm over',
        productionVersion: { from: before + 1, to: before + 2 },
        entityVersion: { from: 1, to: 2 },
      },
    });
  });

  it('deletes with a reason: the entity is gone and production moves on', async () => {
    await put('doomed', { title: 'Soon gone' }, site.tokens.owner, 'temporary notice').expect(201);
    const before = await productionVersion();
    await http()
      .delete(url('doomed'))
      .set(auth(site.tokens.owner))
      .set('X-Break-Glass', 'notice expired')
      .set('X-Request-Id', 'glass-delete-1')
      .expect(204);
    await http().get(url('doomed')).set(auth()).expect(404);
    expect(await productionVersion()).toBe(before + 1);
    const entry = (await audit()).find((e: { requestId: string }) => e.requestId === 'glass-delete-1');
    expect(entry).toMatchObject({
      action: 'production.break_glass_delete',
      details: { reason: 'notice expired', productionVersion: { from: before, to: before + 1 } },
    });
    // Deleting what production does not have is a 404, and moves nothing.
    await http().delete(url('doomed')).set(auth(site.tokens.owner)).set('X-Break-Glass', 'again').expect(404);
    expect(await productionVersion()).toBe(before + 1);
  });

  it('refuses media and invalid bodies before touching production', async () => {
    const before = await productionVersion();
    const media = await http()
      .put(url('logo', 'media'))
      .set(auth(site.tokens.owner))
      .set('X-Break-Glass', 'new logo')
      .send({ data: { sha256: 'c'.repeat(64), size: 1, contentType: 'image/png' } })
      .expect(400);
    expect(media.body.error.code).toBe('validation_failed');
    const invalid = await put('bad', { title: 42 }, site.tokens.owner, 'fix').expect(400);
    expect(invalid.body.error.code).toBe('validation_failed');
    expect(await productionVersion()).toBe(before);
  });
});
