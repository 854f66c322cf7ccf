import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { auth, createTestApp } from './app';
import { createSite, MINIMAL_BODIES, TestSite } from './factories';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==',
  'base64',
);

interface ImportItem {
  type: string;
  key: string;
  data: unknown;
  publish?: boolean;
}

describe('bulk import into staging', () => {
  let app: NestExpressApplication;
  beforeAll(async () => (app = await createTestApp()));
  afterAll(() => app.close());
  const http = () => request(app.getHttpServer());
  const importInto = (site: TestSite, entities: ImportItem[], token = site.tokens.editor) =>
    http().post(`/api/sites/${site.slug}/staging/import`).set(auth(token)).send({ entities });
  const stagingVersion = async (site: TestSite): Promise<number> =>
    (await http().get(`/api/sites/${site.slug}`).set(auth()).expect(200)).body.environments.staging.version;
  const get = async (site: TestSite, type: string, key: string) =>
    (await http().get(`/api/sites/${site.slug}/staging/content/${type}/${key}`).set(auth()).expect(200)).body;
  const manifest = (site: TestSite) =>
    app.get(DataSource).query(
      `select e.type, e.key, e.version, d.hash as data, p.hash as published, e.route, e.updated_at as "updatedAt"
       from staging_entries e join revisions d on d.id = e.data_revision_id
       left join revisions p on p.id = e.published_revision_id where e.site_id = $1 order by e.type, e.key`,
      [site.id],
    );
  const unchangedBy = async (site: TestSite, attempt: () => Promise<unknown>) => {
    const before = { version: await stagingVersion(site), manifest: await manifest(site) };
    await attempt();
    expect({ version: await stagingVersion(site), manifest: await manifest(site) }).toEqual(before);
  };
  const page = (key: string, path: string, title = key, publish?: boolean): ImportItem => ({
    type: 'page',
    key,
    data: { title, path, blocks: [{ id: 'h', type: 'heading', text: title, level: 1 }] },
    ...(publish === undefined ? {} : { publish }),
  });

  it('creates entities of every type in one call, counting versions like single writes', async () => {
    const site = await createSite(app, 'import-new');
    const before = await stagingVersion(site);
    const entities: ImportItem[] = Object.entries(MINIMAL_BODIES)
      .filter(([type]) => type !== 'media' && type !== 'page' && type !== 'post')
      .map(([type, data]) => ({ type, key: `k-${type.replace(/_/g, '-')}`, data }));
    entities.push(page('home', '/', 'Home', true), page('draft', '/draft', 'Draft'));
    const { body } = await importInto(site, entities).set('X-Request-Id', 'import-1').expect(200);
    // Every non-page type is promotable as written; of the two pages only the published one is.
    const promotable = entities.length - 1;
    expect(body).toEqual({
      imported: entities.length,
      created: entities.length,
      updated: 0,
      unchanged: 0,
      stagingVersion: before + promotable,
    });
    expect(await stagingVersion(site)).toBe(before + promotable);
    expect(await get(site, 'page', 'home')).toMatchObject({ version: 1, published: { title: 'Home' } });
    expect(await get(site, 'page', 'draft')).toMatchObject({ version: 0, published: null, data: { title: 'Draft' } });
    expect(await get(site, 'redirect', 'k-redirect')).toMatchObject({ version: 1, data: MINIMAL_BODIES.redirect });

    const { body: audit } = await http().get(`/api/sites/${site.slug}/audit`).set(auth(site.tokens.owner)).expect(200);
    const entries = audit.items.filter((e: { action: string }) => e.action === 'content.imported');
    expect(entries).toEqual([
      expect.objectContaining({
        requestId: 'import-1',
        actorRole: 'editor',
        details: expect.objectContaining({
          created: entities.length,
          promotableChanges: promotable,
          stagingVersion: { from: before, to: before + promotable },
        }),
      }),
    ]);
  });

  it('ends in the same staging as the same writes made one by one', async () => {
    const [single, bulk] = [await createSite(app, 'import-single'), await createSite(app, 'import-bulk')];
    const first: ImportItem[] = [
      page('about', '/about', 'About', true),
      page('team', '/team', 'Team'),
      { type: 'popup', key: 'sale', data: { title: 'Sale' } },
      { type: 'redirect', key: 'old', data: { from: '/old', to: '/about', status: 301 } },
    ];
    const second: ImportItem[] = [
      page('about', '/about', 'About us'), // a new draft: the published body and the version stay
      page('team', '/team', 'Our team', true), // published now: version 1
      { type: 'popup', key: 'sale', data: { title: 'Sale' } }, // the same body: no change
      { type: 'redirect', key: 'old', data: { from: '/old', to: '/about', status: 302 } },
      page('contact', '/contact', 'Contact', true),
    ];
    for (const batch of [first, second]) {
      for (const e of batch) {
        await http()
          .put(`/api/sites/${single.slug}/staging/content/${e.type}/${e.key}`)
          .set(auth())
          .send({ data: e.data })
          .expect((r) => expect([200, 201]).toContain(r.status));
        if (e.publish)
          await http().post(`/api/sites/${single.slug}/staging/content/page/${e.key}/publish`).set(auth()).expect(200);
      }
    }
    await importInto(bulk, first).expect(200);
    const { body } = await importInto(bulk, second).expect(200);
    expect(body).toMatchObject({ imported: 5, created: 1, updated: 3, unchanged: 1 });

    expect(await stagingVersion(bulk)).toBe(await stagingVersion(single));
    expect(body.stagingVersion).toBe(await stagingVersion(single));
    const strip = (rows: Record<string, unknown>[]) => rows.map(({ updatedAt: _, ...row }) => row);
    expect(strip(await manifest(bulk))).toEqual(strip(await manifest(single)));
  });

  it('changes nothing when everything is already there', async () => {
    const site = await createSite(app, 'import-again');
    const entities = [page('a', '/a', 'A', true), { type: 'popup', key: 'p', data: { title: 'P' } }];
    await importInto(site, entities).expect(200);
    let body: Record<string, number> = {};
    await unchangedBy(site, async () => (body = (await importInto(site, entities).expect(200)).body));
    expect(body).toMatchObject({ imported: 2, created: 0, updated: 0, unchanged: 2 });
  });

  it('refuses the whole import listing every problem, and writes nothing', async () => {
    const site = await createSite(app, 'import-invalid');
    await importInto(site, [{ type: 'popup', key: 'existing', data: { title: 'Here' } }]).expect(200);
    await unchangedBy(site, async () => {
      const { body } = await importInto(site, [
        { type: 'popup', key: 'fine', data: { title: 'Fine' } },
        { type: 'page', key: 'untitled', data: { path: '/untitled', blocks: [] } },
        { type: 'popup', key: 'Bad Key', data: { title: 'x' } },
        { type: 'popup', key: 'fine', data: { title: 'Twice' } },
        { type: 'popup', key: 'published', data: { title: 'x' }, publish: true },
        {
          type: 'form',
          key: 'select',
          data: { title: 'f', fields: [{ name: 'c', type: 'select', label: 'C', required: false }] },
        },
      ]).expect(400);
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.details.map((d: { path: string }) => d.path)).toEqual([
        'entities[1].data.title',
        'entities[2].key',
        'entities[3].key',
        'entities[4].publish',
        'entities[5].data.fields[0].options',
      ]);
    });
    await unchangedBy(site, async () => {
      const { body } = await importInto(site, [{ type: 'widget', key: 'w', data: {} }]).expect(400);
      expect(body.error.details[0].path).toBe('body.entities[0].type');
    });
  });

  it('takes at most 1,000 entities per call', async () => {
    const site = await createSite(app, 'import-limit');
    const entities = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        type: 'custom_object',
        key: `r-${i}`,
        data: { objectType: 'product', values: { i } },
      }));
    await unchangedBy(site, async () => {
      const { body } = await importInto(site, entities(1001)).expect(400);
      expect(body.error.details).toEqual([{ path: 'body.entities', message: expect.stringMatching(/1000/) }]);
    });
    expect((await importInto(site, entities(1000)).expect(200)).body).toMatchObject({ imported: 1000, created: 1000 });
  });

  it('refuses two entities on one path within an import, or with staging, writing nothing', async () => {
    const site = await createSite(app, 'import-routes');
    await importInto(site, [
      page('home', '/', 'Home', true),
      page('drafted', '/drafted', 'Drafted'), // a draft serves no route
      { type: 'redirect', key: 'legacy', data: { from: '/legacy', to: '/', status: 301 } },
    ]).expect(200);

    await unchangedBy(site, async () => {
      const { body } = await importInto(site, [
        page('one', '/same', 'One', true),
        { type: 'redirect', key: 'two', data: { from: '/same/', to: '/', status: 301 } },
      ]).expect(409);
      expect(body.error).toMatchObject({
        code: 'route_taken',
        details: [{ route: '/same', path: 'entities[1]', conflictsWith: 'entities[0]' }],
      });
    });
    await unchangedBy(site, async () => {
      const { body } = await importInto(site, [
        { type: 'popup', key: 'innocent', data: { title: 'Fine' } },
        page('other-home', '/', 'Another home', true),
        { type: 'redirect', key: 'legacy-2', data: { from: '/legacy', to: '/x', status: 302 } },
      ]).expect(409);
      expect(body.error.details).toEqual([
        { route: '/', path: 'entities[1]', takenBy: { type: 'page', key: 'home' } },
        { route: '/legacy', path: 'entities[2]', takenBy: { type: 'redirect', key: 'legacy' } },
      ]);
    });
    // Unpublished drafts do not hold their path, and an entity keeps its own path when it changes.
    await importInto(site, [
      page('also-drafted', '/drafted', 'Drafted too', true),
      page('home', '/', 'Home 2', true),
    ]).expect(200);
  });

  it('swaps the paths of two entities within one import', async () => {
    const site = await createSite(app, 'import-swap');
    await importInto(site, [
      { type: 'redirect', key: 'a', data: { from: '/a', to: '/x', status: 301 } },
      { type: 'redirect', key: 'b', data: { from: '/b', to: '/y', status: 301 } },
    ]).expect(200);
    await importInto(site, [
      { type: 'redirect', key: 'a', data: { from: '/b', to: '/x', status: 301 } },
      { type: 'redirect', key: 'b', data: { from: '/a', to: '/y', status: 301 } },
    ]).expect(200);
    const rows = await manifest(site);
    expect(rows.map((r: { key: string; route: string; version: number }) => [r.key, r.route, r.version])).toEqual([
      ['a', '/b', 2],
      ['b', '/a', 2],
    ]);
  });

  it('takes media only for bytes that were uploaded', async () => {
    const site = await createSite(app, 'import-media');
    const bytes = Buffer.concat([PNG, Buffer.from('import media')]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await http()
      .post(`/api/sites/${site.slug}/staging/media`)
      .set(auth(site.tokens.editor))
      .attach('file', bytes, { filename: 'up.png', contentType: 'image/png' })
      .expect(201);
    const media = (key: string, hash: string) => ({
      type: 'media',
      key,
      data: { sha256: hash, size: bytes.length, contentType: 'image/png' },
    });
    await unchangedBy(site, async () => {
      const { body } = await importInto(site, [
        media('logo', sha256),
        media('ghost', 'e'.repeat(64)),
        media('ghost-2', 'e'.repeat(64)),
      ]).expect(400);
      expect(body.error.details).toEqual([
        { path: 'entities[1].data.sha256', message: expect.any(String) },
        { path: 'entities[2].data.sha256', message: expect.any(String) },
      ]);
    });
    await importInto(site, [media('logo', sha256), media('logo-copy', sha256)]).expect(200);
    expect((await get(site, 'media', 'logo-copy')).data.sha256).toBe(sha256);
  });

  it('lets owners and editors import, not reviewers', async () => {
    const site = await createSite(app, 'import-roles');
    const entities = [{ type: 'popup', key: 'p', data: { title: 'P' } }];
    expect((await importInto(site, entities, site.tokens.reviewer).expect(403)).body.error.code).toBe('forbidden');
    await importInto(site, entities, site.tokens.owner).expect(200);
  });

  it('interleaves with single writes without losing a version', async () => {
    const site = await createSite(app, 'import-concurrent');
    const before = await stagingVersion(site);
    const batch = (b: number) =>
      Array.from({ length: 100 }, (_, i) => ({ type: 'popup', key: `b${b}-${i}`, data: { title: `${b}/${i}` } }));
    const results = await Promise.all([
      ...[0, 1, 2, 3, 4].map((b) => importInto(site, batch(b))),
      ...Array.from({ length: 20 }, (_, i) =>
        http()
          .put(`/api/sites/${site.slug}/staging/content/popup/single-${i}`)
          .set(auth(site.tokens.editor))
          .send({ data: { title: `${i}` } }),
      ),
    ]);
    expect(results.map((r) => r.status).filter((s) => s !== 200 && s !== 201)).toEqual([]);
    expect(await stagingVersion(site)).toBe(before + 520);
    expect(await manifest(site)).toHaveLength(520);
  });
});
