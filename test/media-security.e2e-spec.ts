import type { NestExpressApplication } from '@nestjs/platform-express';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EnvironmentsService } from '../src/environments/environments.service';
import type { MediaStore } from '../libs/media-storage';
import { ContentRepository } from '../src/content/content.repository';
import { RevisionsRepository } from '../src/content/revisions.repository';
import { MEDIA_STORE } from '../src/platform/media-store/media.tokens';
import { BackfillMediaUploads1764000001301 } from '../src/platform/database/migrations/1764000001301-BackfillMediaUploads';
import { auth, createTestApp } from './app';
import { binary } from './binary-body';
import { eventually } from './eventually';
import { createSite, type TestSite } from './factories';
import { png, stagingClient } from './staging';

// Types a browser would render or run if a media response carried them on the site's own origin.
const HOSTILE_TYPES = ['text/html', 'image/svg+xml', 'text/javascript', 'application/xhtml+xml', 'TEXT/HTML; x=1'];
const CONTROL_TYPES = ['image/png\r\n;x', 'image/png;\r\nSet-Cookie: a=b', 'image/png; a=\u0000', 'image/png;\tq=1'];
// The only values a media response's Content-Type may take: allow-listed types, or opaque bytes.
const SAFE_SERVED =
  /^(image\/(png|jpeg|gif|webp|avif)|video\/\w+|audio\/\w+|application\/pdf|font\/\w+|application\/octet-stream)$/;

describe('media: served only as the type its own site uploaded', () => {
  let app: NestExpressApplication;
  beforeAll(async () => (app = await createTestApp()));
  afterAll(() => app.close());
  const http = () => request(app.getHttpServer());
  const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  const upload = (site: TestSite, key: string, bytes: Buffer, contentType = 'image/png', filename = `${key}.png`) =>
    http()
      .post(`/api/sites/${site.slug}/staging/media`)
      .set(auth(site.tokens.editor))
      .field('key', key)
      .attach('file', bytes, { filename, contentType })
      .expect(201)
      // Only what a media entity describes (the answer also carries key and version).
      .then(({ body }) => ({
        sha256: body.sha256 as string,
        size: body.size as number,
        contentType: body.contentType as string,
      }));
  const put = (site: TestSite, key: string, data: unknown) =>
    http().put(`/api/sites/${site.slug}/staging/content/media/${key}`).set(auth(site.tokens.editor)).send({ data });
  const importInto = (site: TestSite, entities: unknown[]) =>
    http().post(`/api/sites/${site.slug}/staging/import`).set(auth(site.tokens.editor)).send({ entities });
  const stagingEntity = (site: TestSite, key: string) =>
    http().get(`/api/sites/${site.slug}/staging/content/media/${key}`).set(auth(site.tokens.reviewer));
  const stagingVersion = async (site: TestSite) =>
    (await http().get(`/api/sites/${site.slug}`).set(auth()).expect(200)).body.environments.staging.version;
  /** Every way a media file is served: the production site, the staging preview and the API. */
  const served = (site: TestSite, key: string, env: 'production' | 'staging') =>
    Promise.all(
      (env === 'production'
        ? [
            http().get(`/sites/${site.slug}/media/${key}`),
            http().get(`/api/sites/${site.slug}/production/media/${key}/content`).set(auth(site.tokens.reviewer)),
          ]
        : [
            http().get(`/preview/${site.slug}/media/${key}`).set(auth(site.tokens.reviewer)),
            http().get(`/api/sites/${site.slug}/staging/media/${key}/content`).set(auth(site.tokens.reviewer)),
          ]
      ).map((r) => r.buffer(true).parse(binary)),
    );
  const expectServedAs = async (
    site: TestSite,
    key: string,
    env: 'production' | 'staging',
    contentType: string,
    disposition: RegExp,
    bytes?: Buffer,
  ) => {
    for (const response of await served(site, key, env)) {
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe(contentType);
      expect(response.headers['content-type']).toMatch(SAFE_SERVED);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-disposition']).toMatch(disposition);
      if (bytes) expect(Buffer.compare(response.body, bytes)).toBe(0);
    }
  };
  /** A media entity as it could be written before types were checked: straight into staging's manifest. */
  const legacyStagingMedia = async (site: TestSite, key: string, bytes: Buffer, contentType: string) => {
    const { sha256, size } = await app
      .get<MediaStore>(MEDIA_STORE)
      .putStream('staging', Readable.from([bytes]), { contentType: 'image/png', maxBytes: bytes.length });
    await app.get(DataSource).transaction(async (tx) => {
      const revision = await app.get(RevisionsRepository).upsert(tx, 'media', { sha256, size, contentType });
      const content = app.get(ContentRepository);
      await content.upsertStagingEntry(tx, site.id, {
        type: 'media',
        key,
        dataRevisionId: revision.id,
        publishedRevisionId: revision.id,
        version: 1,
        route: null,
      });
      await app.get(EnvironmentsService).bumpStaging(tx, site.id, 1);
    });
    return { sha256, size };
  };

  const snapshot = async (site: TestSite, label: string) =>
    (await http().post(`/api/sites/${site.slug}/snapshots`).set(auth(site.tokens.owner)).send({ label }).expect(201))
      .body as { id: string };
  /** Starts an owner's job (a restore or a reset) and waits for it to succeed. */
  const runOwnerJob = async (site: TestSite, path: string, body: object = {}) => {
    const { body: job } = await http()
      .post(`/api/sites/${site.slug}${path}`)
      .set(auth(site.tokens.owner))
      .send(body)
      .expect(202);
    return stagingClient(app, site).waitForJob(job.id);
  };
  const restore = (site: TestSite, snapshotId: string) => runOwnerJob(site, `/snapshots/${snapshotId}/restore`);
  const resetStaging = (site: TestSite) => runOwnerJob(site, '/staging/reset', { confirm: site.slug });

  it('refuses a PUT that re-types uploaded bytes as HTML, SVG or script, and writes nothing', async () => {
    const site = await createSite(app, 'retype-put');
    const bytes = png('retype-put');
    const uploaded = await upload(site, 'pic', bytes);
    expect(uploaded.contentType).toBe('image/png');
    const before = await stagingVersion(site);
    for (const contentType of [...HOSTILE_TYPES, 'application/pdf', 'image/jpeg'])
      for (const key of ['pic', 'evil']) {
        const { body } = await put(site, key, { ...uploaded, contentType }).expect(400);
        expect(body.error).toMatchObject({
          code: 'media_mismatch',
          details: [{ path: 'data.contentType', message: expect.stringContaining('image/png') }],
        });
      }
    expect(await stagingVersion(site)).toBe(before);
    expect((await stagingEntity(site, 'pic').expect(200)).body.data.contentType).toBe('image/png');
    await stagingEntity(site, 'evil').expect(404);
    await expectServedAs(site, 'pic', 'staging', 'image/png', /^inline/, bytes);
    // The verified type in another spelling is the same type; it is served in the allow-list's spelling.
    await put(site, 'spelled', { ...uploaded, contentType: 'IMAGE/PNG; name="x"' }).expect(201);
    await expectServedAs(site, 'spelled', 'staging', 'image/png', /^inline/, bytes);
  });

  it('refuses an import that re-types uploaded bytes, writing nothing', async () => {
    const site = await createSite(app, 'retype-import');
    const uploaded = await upload(site, 'pic', png('retype-import'));
    const before = await stagingVersion(site);
    const { body } = await importInto(site, [
      { type: 'popup', key: 'sale', data: { title: 'Sale' } },
      { type: 'media', key: 'evil', data: { ...uploaded, contentType: 'text/html' } },
      { type: 'media', key: 'pic', data: { ...uploaded, contentType: 'image/svg+xml' } },
      { type: 'media', key: 'fine', data: uploaded },
    ]).expect(400);
    expect(body.error).toMatchObject({
      code: 'media_mismatch',
      details: [
        { path: 'entities[1].data.contentType', message: expect.stringContaining('image/png') },
        { path: 'entities[2].data.contentType', message: expect.stringContaining('image/png') },
      ],
    });
    expect(await stagingVersion(site)).toBe(before);
    await stagingEntity(site, 'evil').expect(404);
    await stagingEntity(site, 'fine').expect(404);
    await http().get(`/api/sites/${site.slug}/staging/content/popup/sale`).set(auth()).expect(404);
    expect((await stagingEntity(site, 'pic').expect(200)).body.data.contentType).toBe('image/png');
  });

  it('refuses a size other than the uploaded file’s', async () => {
    const site = await createSite(app, 'resize');
    const uploaded = await upload(site, 'pic', png('resize'));
    const { body } = await put(site, 'pic', { ...uploaded, size: uploaded.size + 1000 }).expect(400);
    expect(body.error).toMatchObject({ code: 'media_mismatch', details: [{ path: 'data.size' }] });
  });

  it('records no upload when the upload itself is refused, so its bytes stay unnameable', async () => {
    const site = await createSite(app, 'refused-upload');
    const bytes = png('refused-upload');
    const refused = await http()
      .post(`/api/sites/${site.slug}/staging/media`)
      .set(auth(site.tokens.editor))
      .field('key', 'pic')
      .field('alt', 'x'.repeat(5000))
      .attach('file', bytes, { filename: 'pic.png', contentType: 'image/png' })
      .expect(400);
    expect(refused.body.error.code).toBe('validation_failed');
    const described = { sha256: sha256Of(bytes), size: bytes.length, contentType: 'image/png' };
    const { body } = await put(site, 'pic', described).expect(400);
    expect(body.error.code).toBe('media_not_uploaded');
    expect(await stagingVersion(site)).toBe(0);
  });

  it('refuses a content type with CR, LF or other control characters on PUT and import, never with a 500', async () => {
    const site = await createSite(app, 'crlf');
    const uploaded = await upload(site, 'pic', png('crlf'));
    for (const contentType of CONTROL_TYPES) {
      // A NUL byte is refused at the JSON edge, before the schema sees the field; the rest by the schema.
      const edge = contentType.includes('\u0000');
      const single = await put(site, 'pic', { ...uploaded, contentType }).expect(400);
      expect(single.body.error.code).toBe('validation_failed');
      if (!edge) expect(single.body.error.details).toMatchObject([{ path: 'data.contentType' }]);
      const many = await importInto(site, [{ type: 'media', key: 'pic', data: { ...uploaded, contentType } }]).expect(
        400,
      );
      expect(many.body.error.code).toBe('validation_failed');
      if (!edge) expect(many.body.error.details).toMatchObject([{ path: 'entities[0].data.contentType' }]);
    }
    await expectServedAs(site, 'pic', 'staging', 'image/png', /^inline/);
  });

  it('refuses a media entity naming bytes another site uploaded, on PUT, import and break-glass', async () => {
    const owner = await createSite(app, 'xsite-owner');
    const other = await createSite(app, 'xsite-other');
    const bytes = png('cross-site');
    const uploaded = await upload(owner, 'private', bytes);
    const single = await put(other, 'stolen', uploaded).expect(400);
    expect(single.body.error).toMatchObject({
      code: 'media_not_uploaded',
      details: [{ path: 'data.sha256', message: 'must be the sha256 of a file uploaded to this site' }],
    });
    // The answer is the same as for bytes nobody uploaded: it does not tell whether another site has them.
    const nobody = await put(other, 'stolen', { ...uploaded, sha256: 'e'.repeat(64) }).expect(400);
    expect(nobody.body).toEqual(single.body);
    const many = await importInto(other, [{ type: 'media', key: 'stolen', data: uploaded }]).expect(400);
    expect(many.body.error).toMatchObject({
      code: 'media_not_uploaded',
      details: [{ path: 'entities[0].data.sha256' }],
    });
    const productionBefore = (await http().get(`/api/sites/${other.slug}`).set(auth()).expect(200)).body.environments
      .production.version;
    await http()
      .put(`/api/sites/${other.slug}/production/content/media/stolen`)
      .set(auth(other.tokens.owner))
      .set('X-Break-Glass', 'copy their logo')
      .send({ data: uploaded })
      .expect(400);
    expect(
      (await http().get(`/api/sites/${other.slug}`).set(auth()).expect(200)).body.environments.production.version,
    ).toBe(productionBefore);
    await stagingEntity(other, 'stolen').expect(404);
    await http().get(`/preview/${other.slug}/media/stolen`).set(auth(other.tokens.reviewer)).expect(404);

    // Once the other site uploads the same bytes itself, it may name them (the blob is still stored once).
    const own = await upload(other, 'own', bytes);
    expect(own.sha256).toBe(uploaded.sha256);
    await put(other, 'stolen', uploaded).expect(201);
    await expectServedAs(other, 'stolen', 'staging', 'image/png', /^inline/, bytes);
  });

  it('shows images, video and audio inline; downloads PDFs (unless inline on purpose) and fonts; never sniffed', async () => {
    const site = await createSite(app, 'disposition');
    const files: [string, string, string, RegExp][] = [
      ['photo', 'image/png', 'photo.png', /^inline; filename=photo\.png$/],
      ['clip', 'video/mp4', 'clip.mp4', /^inline; filename=clip\.mp4$/],
      ['song', 'audio/mpeg', 'song.mp3', /^inline; filename=song\.mp3$/],
      ['report', 'application/pdf', 'Q3 report.pdf', /^attachment; filename="Q3 report\.pdf"$/],
      ['font', 'font/woff2', 'brand.woff2', /^attachment; filename=brand\.woff2$/],
    ];
    for (const [key, contentType, filename, disposition] of files) {
      const bytes = Buffer.from(`<html><script>alert('${key}')</script></html>`);
      await upload(site, key, bytes, contentType, filename);
      await expectServedAs(site, key, 'staging', contentType, disposition, bytes);
    }
    const report = (await stagingEntity(site, 'report').expect(200)).body.data;
    await put(site, 'report', { ...report, inline: true }).expect(200);
    await expectServedAs(site, 'report', 'staging', 'application/pdf', /^inline; filename="Q3 report\.pdf"$/);
    // `inline` is for PDFs: a font stays a download.
    const font = (await stagingEntity(site, 'font').expect(200)).body.data;
    await put(site, 'font', { ...font, inline: true }).expect(200);
    await expectServedAs(site, 'font', 'staging', 'font/woff2', /^attachment/);
    // A file name with control characters cannot break the header.
    await put(site, 'photo', {
      ...report,
      contentType: 'application/pdf',
      filename: 'a\r\nSet-Cookie: x=1.pdf',
    }).expect(200);
    for (const response of await served(site, 'photo', 'staging')) {
      expect(response.status).toBe(200);
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(response.headers['content-disposition']).toMatch(/^attachment; filename="aSet-Cookie: x=1\.pdf"$/);
    }
  });

  it('keeps the verified type through promotion, snapshot restore and staging reset', async () => {
    const site = await createSite(app, 'verified-paths');
    const client = stagingClient(app, site);
    const hero = png('verified-hero');
    const pdf = Buffer.from('%PDF-1.4 menu');
    await upload(site, 'hero', hero);
    await upload(site, 'menu', pdf, 'application/pdf', 'menu.pdf');
    await client.promoteAll();
    await eventually(() => expectServedAs(site, 'hero', 'production', 'image/png', /^inline/, hero));
    await expectServedAs(site, 'menu', 'production', 'application/pdf', /^attachment/, pdf);
    const pinned = await snapshot(site, 'before the font');

    const woff = Buffer.from('wOF2 not really');
    await upload(site, 'hero', woff, 'font/woff2', 'hero.woff2');
    await client.promoteAll();
    await eventually(() => expectServedAs(site, 'hero', 'production', 'font/woff2', /^attachment/, woff));

    await restore(site, pinned.id);
    await eventually(() => expectServedAs(site, 'hero', 'production', 'image/png', /^inline/, hero));

    await resetStaging(site);
    await eventually(() => expectServedAs(site, 'hero', 'staging', 'image/png', /^inline/, hero));
    await expectServedAs(site, 'menu', 'staging', 'application/pdf', /^attachment/, pdf);
  });

  it('never sends an HTML or SVG type written before types were checked, however it reaches production', async () => {
    const site = await createSite(app, 'legacy-hostile');
    const client = stagingClient(app, site);
    const page = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    await legacyStagingMedia(site, 'page', page, 'text/html; charset=utf-8');
    await legacyStagingMedia(site, 'logo', svg, 'image/svg+xml');
    const opaque = /^attachment$/;
    await expectServedAs(site, 'page', 'staging', 'application/octet-stream', opaque, page);
    await expectServedAs(site, 'logo', 'staging', 'application/octet-stream', opaque, svg);
    // Promotion carries the entity as it is; what reaches a browser is still opaque bytes.
    await client.promoteAll();
    await eventually(() => expectServedAs(site, 'page', 'production', 'application/octet-stream', opaque, page));
    await expectServedAs(site, 'logo', 'production', 'application/octet-stream', opaque, svg);
    const pinned = await snapshot(site, 'legacy');
    await client.remove('media', 'page');
    await client.promoteAll();
    await eventually(async () => expect((await http().get(`/sites/${site.slug}/media/page`)).status).toBe(404));
    await restore(site, pinned.id);
    await eventually(() => expectServedAs(site, 'page', 'production', 'application/octet-stream', opaque, page));
    await resetStaging(site);
    await eventually(() => expectServedAs(site, 'page', 'staging', 'application/octet-stream', opaque, page));
    // Such an entity cannot be written again with its type: the site never uploaded it as one.
    const { body } = await put(site, 'logo', {
      sha256: sha256Of(svg),
      size: svg.length,
      contentType: 'image/svg+xml',
    }).expect(400);
    expect(body.error.code).toBe('media_not_uploaded');
  });

  it('backfills upload records from existing media entities, so current sites keep working', async () => {
    const site = await createSite(app, 'backfill');
    const other = await createSite(app, 'backfill-other');
    const image = png('backfill');
    const page = Buffer.from('<html>legacy</html>');
    const legacyImage = await legacyStagingMedia(site, 'logo', image, 'IMAGE/PNG');
    const legacyPage = await legacyStagingMedia(site, 'page', page, 'text/html');
    // Before the backfill the site has no record of them: exactly the state a database is in before the migration.
    await put(site, 'logo-copy', { ...legacyImage, contentType: 'image/png' }).expect(400);

    const runner = app.get(DataSource).createQueryRunner();
    try {
      await new BackfillMediaUploads1764000001301().up(runner);
      await new BackfillMediaUploads1764000001301().up(runner); // safe to run twice
    } finally {
      await runner.release();
    }
    const rows = await app
      .get(DataSource)
      .query(
        `select site_id as "siteId", sha256, content_type as "contentType", size::int from media_uploads where sha256 = any($1)`,
        [[legacyImage.sha256, legacyPage.sha256]],
      );
    expect(rows).toEqual([
      { siteId: site.id, sha256: legacyImage.sha256, contentType: 'image/png', size: image.length },
    ]);
    await put(site, 'logo-copy', { ...legacyImage, contentType: 'image/png' }).expect(201);
    await expectServedAs(site, 'logo-copy', 'staging', 'image/png', /^inline$/, image);
    // An HTML type is not laundered into a verified one, and another site gains nothing.
    expect(
      (await put(site, 'page-copy', { ...legacyPage, contentType: 'text/html' }).expect(400)).body.error.code,
    ).toBe('media_not_uploaded');
    expect((await put(other, 'logo', { ...legacyImage, contentType: 'image/png' }).expect(400)).body.error.code).toBe(
      'media_not_uploaded',
    );
  });
});
