import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { CONTENT_TYPES } from '../libs/content-model';
import { auth, createTestApp } from './app';
import { binary } from './binary-body';
import { createSite, MINIMAL_BODIES, TestSite } from './factories';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==',
  'base64',
);

describe('site content on immutable states', () => {
  let app: NestExpressApplication;
  let site: TestSite;
  beforeAll(async () => {
    app = await createTestApp();
    site = await createSite(app, 'content');
  });
  afterAll(() => app.close());
  const http = () => request(app.getHttpServer());
  const put = (type: string, key: string, data: unknown, token = site.tokens.editor) =>
    http().put(`/api/sites/${site.slug}/staging/content/${type}/${key}`).set(auth(token)).send({ data });
  const siteInfo = async () => (await http().get(`/api/sites/${site.slug}`).set(auth()).expect(200)).body;
  const upload = (
    bytes: Buffer,
    fields: Record<string, string> = {},
    contentType = 'image/png',
    token = site.tokens.editor,
  ) => {
    let req = http().post(`/api/sites/${site.slug}/staging/media`).set(auth(token));
    for (const [k, v] of Object.entries(fields)) req = req.field(k, v);
    return req.attach('file', bytes, { filename: 'pixel.png', contentType });
  };

  it.each(CONTENT_TYPES.filter((t) => t !== 'media'))('round-trips a %s and keeps unknown fields', async (type) => {
    const data: Record<string, unknown> = { ...(MINIMAL_BODIES[type] as object), extraField: { kept: true } };
    const key = `rt-${type.replace(/_/g, '-')}`;
    if (type === 'page') data.path = '/round-trip-page';
    const { body } = await put(type, key, data).expect(201);
    expect(body).toMatchObject({ type, key, data, version: type === 'page' || type === 'post' ? 0 : 1 });
    expect(body.revision).toMatch(/^[0-9a-f]{64}$/);
    const { body: read } = await http()
      .get(`/api/sites/${site.slug}/staging/content/${type}/${key}`)
      .set(auth(site.tokens.reviewer))
      .expect(200);
    expect(read.data).toEqual(data);
  });

  it('round-trips an uploaded media file byte for byte, with ranges', async () => {
    const bytes = Buffer.concat([PNG, Buffer.alloc(5000, 7)]);
    const { body } = await upload(bytes, { key: 'pixel', alt: 'A pixel' }).expect(201);
    expect(body).toMatchObject({
      key: 'pixel',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      contentType: 'image/png',
    });
    const whole = await http()
      .get(`/api/sites/${site.slug}/staging/media/pixel/content`)
      .set(auth(site.tokens.reviewer))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(Buffer.compare(whole.body, bytes)).toBe(0);
    expect(whole.headers['content-type']).toBe('image/png');
    expect(whole.headers.etag).toBe(`"${body.sha256}"`);
    const slice = await http()
      .get(`/api/sites/${site.slug}/staging/media/pixel/content`)
      .set(auth(site.tokens.reviewer))
      .set('Range', 'bytes=10-99')
      .buffer(true)
      .parse(binary)
      .expect(206);
    expect(Buffer.compare(slice.body, bytes.subarray(10, 100))).toBe(0);
    expect(slice.headers['content-range']).toBe(`bytes 10-99/${bytes.length}`);
    const { body: entity } = await http()
      .get(`/api/sites/${site.slug}/staging/content/media/pixel`)
      .set(auth())
      .expect(200);
    expect(entity.data).toMatchObject({ sha256: body.sha256, alt: 'A pixel', size: bytes.length });
    await http()
      .get(`/api/sites/${site.slug}/staging/media/pixel/content`)
      .set(auth())
      .set('Range', `bytes=${bytes.length + 10}-`)
      .expect(416);
  });

  it('stores identical uploads once and refuses types outside the allow-list', async () => {
    const bytes = Buffer.concat([PNG, Buffer.from('same bytes')]);
    const a = (await upload(bytes, { key: 'same-a' }).expect(201)).body;
    const b = (await upload(bytes, { key: 'same-b' }).expect(201)).body;
    expect(a.sha256).toBe(b.sha256);
    const { body } = await upload(Buffer.from('<html></html>'), { key: 'page-html' }, 'text/html').expect(415);
    expect(body.error.code).toBe('unsupported_media_type');
    const { body: svg } = await upload(Buffer.from('<svg/>'), { key: 'logo' }, 'image/svg+xml').expect(415);
    expect(svg.error.code).toBe('unsupported_media_type');
  });

  it('refuses a media entity whose bytes were never uploaded', async () => {
    const { body } = await put('media', 'ghost', { sha256: 'b'.repeat(64), size: 1, contentType: 'image/png' }).expect(
      400,
    );
    expect(body.error.details).toEqual([{ path: 'data.sha256', message: expect.any(String) }]);
  });

  it('counts versions: a page moves on publish only, staging on every promotable change', async () => {
    const before = (await siteInfo()).environments.staging.version;
    const page = { title: 'About', path: '/about-versions', blocks: [] };
    expect((await put('page', 'about-v', page).expect(201)).body.version).toBe(0);
    expect((await put('page', 'about-v', { ...page, title: 'About us' }).expect(200)).body.version).toBe(0);
    expect((await siteInfo()).environments.staging.version).toBe(before);
    const published = (
      await http()
        .post(`/api/sites/${site.slug}/staging/content/page/about-v/publish`)
        .set(auth(site.tokens.editor))
        .expect(200)
    ).body;
    expect(published).toMatchObject({ version: 1, published: { title: 'About us' } });
    expect((await siteInfo()).environments.staging.version).toBe(before + 1);
    // publishing the same draft again changes nothing
    expect(
      (await http().post(`/api/sites/${site.slug}/staging/content/page/about-v/publish`).set(auth()).expect(200)).body
        .version,
    ).toBe(1);
    const unpublished = (
      await http().post(`/api/sites/${site.slug}/staging/content/page/about-v/unpublish`).set(auth()).expect(200)
    ).body;
    expect(unpublished).toMatchObject({ version: 2, published: null });
    expect((await siteInfo()).environments.staging.version).toBe(before + 2);
    // an identical write of another type is no change either
    await put('stylesheet', 'same-css', { css: 'a{}' }).expect(201);
    expect((await put('stylesheet', 'same-css', { css: 'a{}' }).expect(200)).body.version).toBe(1);
  });

  it('gives identical bodies one revision', async () => {
    const a = (await put('theme', 'theme-a', { colors: { x: '#fff' } }).expect(201)).body;
    const b = (await put('theme', 'theme-b', { colors: { x: '#fff' } }).expect(201)).body;
    expect(a.revision).toBe(b.revision);
    const [{ count }] = await app
      .get(DataSource)
      .query(`select count(*)::int as count from revisions where hash = $1`, [a.revision]);
    expect(count).toBe(1);
  });

  it('keeps block ids given and generates stable ones when missing', async () => {
    const data = {
      title: 'Blocks',
      path: '/blocks',
      blocks: [
        { id: 'keep-me', type: 'text', text: 'a' },
        { type: 'text', text: 'b' },
      ],
    };
    const first = (await put('page', 'blocks', data).expect(201)).body;
    expect(first.data.blocks[0].id).toBe('keep-me');
    expect(first.data.blocks[1].id).toMatch(/^b_[0-9a-f]{12}$/);
    const second = (await put('page', 'blocks', data).expect(200)).body;
    expect(second.data.blocks[1].id).toBe(first.data.blocks[1].id);
  });

  it.each([
    ['page', { path: '/x', blocks: [] }, 'data.title'],
    ['page', { title: 'x', path: 'no-slash', blocks: [] }, 'data.path'],
    [
      'page',
      { title: 'x', path: '/x', blocks: [{ id: 'a', type: 'heading', text: 'h', level: 9 }] },
      'data.blocks[0].level',
    ],
    [
      'form',
      { title: 'f', fields: [{ name: 'c', type: 'select', label: 'C', required: false }] },
      'data.fields[0].options',
    ],
    ['redirect', { from: '/a', to: 'javascript:alert(1)', status: 301 }, 'data.to'],
    ['redirect', { from: '/a', to: '/b', status: 303 }, 'data.status'],
  ])('refuses an invalid %s with the field path', async (type, data, path) => {
    const { body } = await put(type, `invalid-${type}`, data).expect(400);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('refuses a NUL character in a body or a name with 400, writing nothing', async () => {
    const before = (await siteInfo()).environments.staging.version;
    const { body } = await put('popup', 'nul', { title: 'bad\u0000title' }).expect(400);
    expect(body.error.code).toBe('validation_failed');
    expect((await siteInfo()).environments.staging.version).toBe(before);
    await http().get(`/api/sites/${site.slug}/staging/content/popup/nul`).set(auth()).expect(404);
    await http().post('/api/sites').set(auth()).send({ slug: 'nul-site', name: 'a\u0000b' }).expect(400);
  });

  it('refuses data that is not an object and an unknown type', async () => {
    expect((await put('theme', 'not-object', 'a string').expect(400)).body.error.code).toBe('validation_failed');
    expect((await put('widget', 'w', {}).expect(400)).body.error.details[0].path).toBe('type');
    const { body } = await http()
      .put(`/api/sites/${site.slug}/staging/content/theme/t`)
      .set(auth())
      .send({ nodata: 1 })
      .expect(400);
    expect(body.error.details).toEqual(expect.arrayContaining([{ path: 'body.data', message: 'is required' }]));
  });

  it.each([
    ['path traversal', '..%2F..%2Fetc%2Fpasswd'],
    ['dots', '..'],
    ['SQL metacharacters', encodeURIComponent("x'; drop table sites; --")],
    ['5,000 characters', 'k'.repeat(5000)],
    ['control characters', encodeURIComponent('bad\u0000key\n')],
    ['uppercase', 'Home'],
  ])('refuses a key with %s cleanly', async (_, key) => {
    const { body } = await http()
      .put(`/api/sites/${site.slug}/staging/content/page/${key}`)
      .set(auth())
      .send({ data: MINIMAL_BODIES.page })
      .expect(400);
    expect(body.error.code).toBe('invalid_key');
    const read = await http().get(`/api/sites/${site.slug}/staging/content/page/${key}`).set(auth());
    expect(read.status).toBe(400);
  });

  it('refuses a second published entity on the same path with 409 route_taken, leaving nothing half-written', async () => {
    await put('redirect', 'dup-route', { from: '/taken', to: '/elsewhere', status: 301 }).expect(201);
    const before = (await siteInfo()).environments.staging.version;
    const { body } = await put('redirect', 'dup-route-2', { from: '/taken', to: '/x', status: 302 }).expect(409);
    expect(body.error.code).toBe('route_taken');
    expect((await siteInfo()).environments.staging.version).toBe(before);
    await http().get(`/api/sites/${site.slug}/staging/content/redirect/dup-route-2`).set(auth()).expect(404);
  });

  it('deletes from staging and lists with a cursor', async () => {
    for (let i = 0; i < 5; i++) await put('popup', `list-${i}`, { title: `P${i}` }).expect(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const { body } = await http()
        .get(`/api/sites/${site.slug}/staging/content/popup${query}`)
        .set(auth())
        .expect(200);
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((i: { key: string }) => i.key));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.filter((k) => k.startsWith('list-'))).toEqual(['list-0', 'list-1', 'list-2', 'list-3', 'list-4']);
    await http()
      .delete(`/api/sites/${site.slug}/staging/content/popup/list-2`)
      .set(auth(site.tokens.editor))
      .expect(204);
    await http().get(`/api/sites/${site.slug}/staging/content/popup/list-2`).set(auth()).expect(404);
    await http().delete(`/api/sites/${site.slug}/staging/content/popup/list-2`).set(auth()).expect(404);
  });
});
