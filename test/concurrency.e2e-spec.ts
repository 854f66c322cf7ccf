import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { auth, createTestApp } from './app';
import { createSite, TestSite } from './factories';

const WRITERS = 50;

interface ManifestRow {
  type: string;
  key: string;
  version: number;
  revision: string;
  publishedRevision: string | null;
  route: string | null;
  updatedAt: Date;
}

describe('concurrent staging writes', () => {
  let app: NestExpressApplication;
  beforeAll(async () => (app = await createTestApp()));
  afterAll(() => app.close());
  const http = () => request(app.getHttpServer());
  const put = (site: TestSite, type: string, key: string, data: object) =>
    http().put(`/api/sites/${site.slug}/staging/content/${type}/${key}`).set(auth(site.tokens.editor)).send({ data });
  const stagingVersion = async (site: TestSite): Promise<number> =>
    (await http().get(`/api/sites/${site.slug}`).set(auth()).expect(200)).body.environments.staging.version;
  // The working manifest as stored, with the hashes the API shows as revisions.
  const manifest = (site: TestSite): Promise<ManifestRow[]> =>
    app.get(DataSource).query(
      `select e.type, e.key, e.version, d.hash as revision, p.hash as "publishedRevision", e.route,
         e.updated_at as "updatedAt"
       from staging_entries e join revisions d on d.id = e.data_revision_id
       left join revisions p on p.id = e.published_revision_id
       where e.site_id = $1 order by e.type, e.key`,
      [site.id],
    );
  const expectManifestMatchesApi = async (site: TestSite) => {
    for (const row of await manifest(site)) {
      const { body } = await http()
        .get(`/api/sites/${site.slug}/staging/content/${row.type}/${row.key}`)
        .set(auth(site.tokens.reviewer))
        .expect(200);
      expect({ key: row.key, version: body.version, revision: body.revision }).toEqual({
        key: row.key,
        version: row.version,
        revision: row.revision,
      });
      expect(body.publishedRevision ?? null).toBe(row.publishedRevision);
    }
  };

  it(`numbers ${WRITERS} concurrent writes to one entity 1..${WRITERS}, losing none`, async () => {
    const site = await createSite(app, 'one-entity');
    const before = await stagingVersion(site);
    const responses = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) => put(site, 'popup', 'contended', { title: `Write ${i}`, order: i })),
    );
    expect(responses.map((r) => r.status).sort((a, b) => a - b)).toEqual([
      ...Array<number>(WRITERS - 1).fill(200),
      201,
    ]);
    const versions = responses.map((r) => r.body.version as number).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: WRITERS }, (_, i) => i + 1));
    expect(await stagingVersion(site)).toBe(before + WRITERS);

    const last = responses.find((r) => r.body.version === WRITERS)!.body;
    const { body: final } = await http()
      .get(`/api/sites/${site.slug}/staging/content/popup/contended`)
      .set(auth())
      .expect(200);
    expect(final).toMatchObject({ data: last.data, revision: last.revision, version: WRITERS });
    expect(await manifest(site)).toEqual([expect.objectContaining({ key: 'contended', revision: last.revision })]);
    await expectManifestMatchesApi(site);
  });

  it(`writes ${WRITERS} different entities concurrently, each once`, async () => {
    const site = await createSite(app, 'many-entities');
    const before = await stagingVersion(site);
    const responses = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) => put(site, 'popup', `entity-${i}`, { title: `Entity ${i}` })),
    );
    expect(responses.every((r) => r.status === 201 && r.body.version === 1)).toBe(true);
    expect(await stagingVersion(site)).toBe(before + WRITERS);
    const rows = await manifest(site);
    expect(rows.map((r) => r.key).sort()).toEqual(Array.from({ length: WRITERS }, (_, i) => `entity-${i}`).sort());
    for (const response of responses)
      expect(rows.find((r) => r.key === response.body.key)).toMatchObject({
        version: 1,
        revision: response.body.revision,
      });
    await expectManifestMatchesApi(site);
  });

  it('leaves versions and the manifest untouched when a write fails', async () => {
    const site = await createSite(app, 'failed-writes');
    await put(site, 'redirect', 'first', { from: '/first', to: '/a', status: 301 }).expect(201);
    await put(site, 'redirect', 'second', { from: '/second', to: '/b', status: 301 }).expect(201);
    await put(site, 'popup', 'banner', { title: 'Banner' }).expect(201);
    await put(site, 'page', 'about', { title: 'About', path: '/first', blocks: [] }).expect(201);
    const before = { version: await stagingVersion(site), manifest: await manifest(site) };

    const invalid = await put(site, 'popup', 'banner', { title: 42 }).expect(400);
    expect(invalid.body.error.code).toBe('validation_failed');
    const taken = await put(site, 'redirect', 'second', { from: '/first', to: '/b', status: 301 }).expect(409);
    expect(taken.body.error.code).toBe('route_taken');
    await put(site, 'redirect', 'third', { from: '/first', to: '/c', status: 301 }).expect(409);
    const publish = await http()
      .post(`/api/sites/${site.slug}/staging/content/page/about/publish`)
      .set(auth(site.tokens.editor))
      .expect(409);
    expect(publish.body.error.code).toBe('route_taken');

    expect(await stagingVersion(site)).toBe(before.version);
    expect(await manifest(site)).toEqual(before.manifest);
  });

  it('counts only the successful writes when failures run among them', async () => {
    const site = await createSite(app, 'mixed-writes');
    await put(site, 'redirect', 'holder', { from: '/held', to: '/a', status: 301 }).expect(201);
    const before = { version: await stagingVersion(site), manifest: await manifest(site) };
    const responses = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        i % 2 === 0
          ? put(site, 'popup', `ok-${i}`, { title: `Fine ${i}` })
          : i % 4 === 1
            ? put(site, 'popup', `bad-${i}`, { title: i })
            : put(site, 'redirect', `clash-${i}`, { from: '/held', to: '/b', status: 302 }),
      ),
    );
    const succeeded = responses.filter((r) => r.status === 201).length;
    expect(succeeded).toBe(WRITERS / 2);
    expect(
      responses
        .filter((r) => r.status !== 201)
        .map((r) => r.body.error.code)
        .sort(),
    ).toEqual([...Array<string>(12).fill('route_taken'), ...Array<string>(13).fill('validation_failed')].sort());
    expect(await stagingVersion(site)).toBe(before.version + succeeded);
    const after = await manifest(site);
    expect(after.filter((r) => !r.key.startsWith('ok-'))).toEqual(before.manifest);
    expect(after.filter((r) => r.key.startsWith('ok-'))).toHaveLength(succeeded);
    await expectManifestMatchesApi(site);
  });
});
