import type { NestExpressApplication } from '@nestjs/platform-express';
import { auth, createTestApp } from './app';
import { createSite } from './factories';
import { stagingClient } from './staging';

type Change = { type: string; key: string; op: string; drift: boolean; productionChange?: Record<string, unknown> };

describe('drift: production changed since staging was last in step with it', () => {
  let app: NestExpressApplication;
  beforeAll(async () => (app = await createTestApp()));
  afterAll(() => app.close());

  /** A site whose staging and production agree (one promotion), and the calls the tests below make. */
  async function inStep(prefix: string) {
    const site = await createSite(app, prefix);
    const client = stagingClient(app, site);
    const base = `/api/sites/${site.slug}`;
    await client.put('popup', 'banner', { title: 'Welcome' });
    await client.put('popup', 'sale', { title: 'Sale' });
    await client.put('page', 'home', { title: 'Home', path: '/', blocks: [{ id: 'h', type: 'text', text: 'Hi' }] });
    await client.publish('page', 'home');
    await client.promoteAll();
    const breakGlass = (type: string, key: string, data: object | null) => {
      const req = data
        ? client.http().put(`${base}/production/content/${type}/${key}`).send({ data })
        : client.http().delete(`${base}/production/content/${type}/${key}`);
      return req
        .set(auth(site.tokens.owner))
        .set('X-Break-Glass', 'hot-fix')
        .expect((r) => expect([200, 201, 204]).toContain(r.status));
    };
    const adopt = (body: object, token = site.tokens.editor) =>
      client.http().post(`${base}/staging/adopt`).set(auth(token)).send(body);
    const drifted = async () => {
      const preview = await client.preview();
      return {
        preview,
        drift: (preview.changes as Change[]).filter((c) => c.drift).map((c) => `${c.type}/${c.key}`),
      };
    };
    return { site, client, base, breakGlass, adopt, drifted };
  }

  it('marks what a break-glass write changed, with production’s own delta, and counts it', async () => {
    const { client, breakGlass, drifted } = await inStep('drift-glass');
    expect((await drifted()).preview.summary.drift).toBe(0);
    await breakGlass('popup', 'banner', { title: 'Closed today' }); // changed on production
    await breakGlass('popup', 'hotfix', { title: 'Added on production' }); // added on production
    await breakGlass('popup', 'sale', null); // removed on production
    await client.put('popup', 'fresh', { title: 'Staging only' }); // staging's own change: no drift

    const { preview, drift } = await drifted();
    expect(drift).toEqual(['popup/banner', 'popup/hotfix', 'popup/sale']);
    expect(preview.summary).toMatchObject({ drift: 3, byType: { popup: { drift: 3 }, page: { drift: 0 } } });
    const byKey = new Map((preview.changes as Change[]).map((c) => [c.key, c]));
    // Staging would put "Welcome" back over production's "Closed today".
    expect(byKey.get('banner')).toMatchObject({
      op: 'changed',
      drift: true,
      productionChange: { op: 'changed', delta: { title: ['Welcome', 'Closed today'] } },
    });
    expect(byKey.get('hotfix')).toMatchObject({
      op: 'removed',
      productionChange: { op: 'added', data: { title: 'Added on production' } },
    });
    expect(byKey.get('sale')).toMatchObject({
      op: 'added',
      productionChange: { op: 'removed', data: { title: 'Sale' } },
    });
    expect(byKey.get('fresh')).toMatchObject({ op: 'added', drift: false });
    expect(byKey.get('fresh')).not.toHaveProperty('productionChange');
    // The same marks on a filtered page.
    const popups = await client.preview('?type=popup&limit=2');
    expect(popups.changes.map((c: Change) => [c.key, c.drift])).toEqual([
      ['banner', true],
      ['fresh', false],
    ]);
  });

  it('refuses to promote over drift without acknowledgeDrift, naming the entities; with it, promotes', async () => {
    const { client, breakGlass, drifted, base } = await inStep('drift-ack');
    await breakGlass('popup', 'banner', { title: 'Closed today' });
    const { fingerprint } = await client.preview();
    for (const extra of [{}, { acknowledgeDrift: false }]) {
      const { body } = await client.promote(fingerprint, extra).expect(409);
      expect(body.error).toMatchObject({
        code: 'production_drift',
        details: [{ total: 1, entities: [{ type: 'popup', key: 'banner' }] }],
      });
    }
    const { body: history } = await client.http().get(`${base}/promotions`).set(auth()).expect(200);
    expect(history.items).toHaveLength(1); // nothing was started

    const { body: job } = await client.promote(fingerprint, { acknowledgeDrift: true }).expect(202);
    await client.waitForJob(job.id);
    expect((await client.production('popup', 'banner')).body.data).toEqual({ title: 'Welcome' });
    // The promotion moved staging's base: nothing drifts, nothing differs.
    const after = await drifted();
    expect(after.drift).toEqual([]);
    expect(after.preview.summary).toMatchObject({ added: 0, changed: 0, removed: 0, drift: 0 });
    await client.put('popup', 'banner', { title: 'Welcome back' });
    expect(await drifted()).toMatchObject({ drift: [], preview: { summary: { changed: 1, drift: 0 } } });
  });

  it('marks what a snapshot restore changed', async () => {
    const { site, client, base, drifted } = await inStep('drift-restore');
    const { body: snapshot } = await client
      .http()
      .post(`${base}/snapshots`)
      .set(auth(site.tokens.owner))
      .send({ label: 'before' })
      .expect(201);
    await client.put('popup', 'banner', { title: 'Version two' });
    await client.promoteAll();
    expect((await drifted()).drift).toEqual([]);

    const { body: restore } = await client
      .http()
      .post(`${base}/snapshots/${snapshot.id}/restore`)
      .set(auth(site.tokens.owner))
      .expect(202);
    await client.waitForJob(restore.id);
    const { preview, drift } = await drifted();
    expect(drift).toEqual(['popup/banner']);
    expect(preview.changes[0].productionChange).toEqual({
      op: 'changed',
      delta: { title: ['Version two', 'Welcome'] },
    });
  });

  it("adopt copies production's version into staging (draft and published) and clears that entity's drift", async () => {
    const { site, client, base, breakGlass, adopt, drifted } = await inStep('drift-adopt');
    await breakGlass('popup', 'banner', { title: 'Closed today' });
    await breakGlass('page', 'home', { title: 'Home', path: '/', blocks: [{ id: 'h', type: 'text', text: 'Fixed' }] });
    await client.put('page', 'home', { title: 'Home draft', path: '/', blocks: [] }); // an unpublished draft
    expect((await drifted()).drift).toEqual(['page/home', 'popup/banner']);
    const stagingBefore = (await client.site()).environments.staging.version;

    const { body: adopted } = await adopt({ type: 'popup', key: 'banner' }).expect(200);
    expect(adopted).toMatchObject({ op: 'copied', entity: { data: { title: 'Closed today' } } });
    const { body: page } = await adopt({ type: 'page', key: 'home' }).expect(200);
    const production = (await client.production('page', 'home')).body;
    expect(page.entity).toMatchObject({
      data: production.data,
      published: production.data,
      revision: production.revision,
      publishedRevision: production.revision,
    });
    // Two promotable changes of staging, one version each (the one rule of staging writes).
    expect((await client.site()).environments.staging.version).toBe(stagingBefore + 2);
    const { preview, drift } = await drifted();
    expect(drift).toEqual([]);
    expect(preview.summary).toMatchObject({ changed: 0, drift: 0 });

    // Staging now carries production's bodies, so promoting needs no acknowledgement and changes nothing.
    const { body: job } = await client.promote(preview.fingerprint).expect(202);
    await client.waitForJob(job.id);
    expect((await client.production('popup', 'banner')).body.data).toEqual({ title: 'Closed today' });
    const { body: audit } = await client.http().get(`${base}/audit?limit=50`).set(auth(site.tokens.owner)).expect(200);
    expect(audit.items.filter((e: { action: string }) => e.action === 'content.adopted')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          subject: 'staging/popup/banner',
          actorRole: 'editor',
          details: expect.objectContaining({ op: 'copied', productionRevision: adopted.entity.revision }),
        }),
      ]),
    );
  });

  it('adopt of an entity production removed removes it from staging; of one production added, adds it', async () => {
    const { breakGlass, adopt, drifted } = await inStep('drift-adopt-gone');
    await breakGlass('popup', 'sale', null);
    await breakGlass('popup', 'hotfix', { title: 'New on production' });
    expect((await drifted()).drift).toEqual(['popup/hotfix', 'popup/sale']);

    expect((await adopt({ type: 'popup', key: 'sale' }).expect(200)).body).toEqual({
      type: 'popup',
      key: 'sale',
      op: 'removed',
      entity: null,
    });
    expect((await adopt({ type: 'popup', key: 'hotfix' }).expect(200)).body).toMatchObject({
      op: 'copied',
      entity: { data: { title: 'New on production' }, version: 1 },
    });
    expect(await drifted()).toMatchObject({ drift: [], preview: { summary: { drift: 0, added: 0, removed: 0 } } });
    // Now in neither environment: nothing to adopt.
    const { body } = await adopt({ type: 'popup', key: 'sale' }).expect(404);
    expect(body.error.code).toBe('not_found');
  });

  it('a staging reset from production clears every drift', async () => {
    const { site, client, base, breakGlass, drifted } = await inStep('drift-reset');
    await breakGlass('popup', 'banner', { title: 'Closed today' });
    await breakGlass('popup', 'sale', null);
    expect((await drifted()).drift).toHaveLength(2);
    const { body: reset } = await client
      .http()
      .post(`${base}/staging/reset`)
      .set(auth(site.tokens.owner))
      .send({ confirm: site.slug })
      .expect(202);
    await client.waitForJob(reset.id);
    expect(await drifted()).toMatchObject({ drift: [], preview: { summary: { changed: 0, drift: 0 } } });
    // A later production change drifts from the reset's state.
    await breakGlass('popup', 'banner', { title: 'Open again' });
    expect((await drifted()).drift).toEqual(['popup/banner']);
  });

  it('keeps the base state through garbage collection', async () => {
    const { client, breakGlass, drifted } = await inStep('drift-gc');
    await breakGlass('popup', 'banner', { title: 'One' });
    await breakGlass('popup', 'banner', { title: 'Two' });
    await client.http().post('/api/admin/gc').set(auth()).send({ graceSeconds: 0, keepRecentStates: 0 }).expect(200);
    const { preview, drift } = await drifted();
    expect(drift).toEqual(['popup/banner']);
    expect(preview.changes[0].productionChange).toEqual({ op: 'changed', delta: { title: ['Welcome', 'Two'] } });
  });

  it('refuses bad adopt requests without writing anything', async () => {
    const { site, client, adopt } = await inStep('drift-bad');
    const before = (await client.site()).environments.staging;
    const cases: [object, number, string][] = [
      [{ type: 'popup', key: 'Bad Key' }, 400, 'invalid_key'],
      [{ type: 'popup', key: '..' }, 400, 'invalid_key'],
      [{ type: 'popup', key: 'x'.repeat(129) }, 400, 'invalid_key'],
      [{ type: 'widget', key: 'banner' }, 400, 'validation_failed'],
      [{ type: 'popup' }, 400, 'validation_failed'],
      [{ type: 'popup', key: 'banner', extra: 1 }, 400, 'validation_failed'],
      [{ type: 'popup', key: 7 }, 400, 'validation_failed'],
      [{ type: 'popup', key: 'nowhere' }, 404, 'not_found'],
    ];
    for (const [body, status, code] of cases) {
      const response = await adopt(body);
      expect([JSON.stringify(body), response.status, response.body.error?.code]).toEqual([
        JSON.stringify(body),
        status,
        code,
      ]);
    }
    expect((await adopt({ type: 'popup', key: 'banner' }, site.tokens.reviewer).expect(403)).body.error.code).toBe(
      'forbidden',
    );
    const { body: promote } = await client.promote((await client.preview()).fingerprint, { acknowledgeDrift: 'yes' });
    expect(promote.error.code).toBe('validation_failed');
    expect((await client.site()).environments.staging).toEqual(before);
  });
});
