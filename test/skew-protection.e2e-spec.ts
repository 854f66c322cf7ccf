import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { auth, createTestApp } from './app';
import { createSite, type TestSite } from './factories';
import { png, stagingClient } from './staging';

/**
 * A visitor who loaded a page on state A keeps getting A's files after B goes live: media URLs carry the
 * file's version, and a retired head's files answer for SKEW_GRACE_MINUTES. Stylesheets and scripts are inline
 * in the page (hashed for the CSP), so they travel with it.
 */
describe('skew protection', () => {
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());
  beforeAll(async () => (app = await createTestApp()));
  afterAll(() => app.close());

  const mediaUrls = (html: string) => [...html.matchAll(/src="([^"]*\/media\/[^"]+)"/g)].map((m) => m[1]);
  const bytesOf = async (url: string) => {
    const res = await http().get(url).buffer(true).expect(200);
    return { body: res.body as Buffer, cacheControl: res.headers['cache-control'] };
  };

  /** State A: a home page with a hero image and a logo, and A's stylesheet; then B replaces both files. */
  async function swappedSite(): Promise<{ site: TestSite; pageOnA: string; a: Record<string, Buffer> }> {
    const site = await createSite(app, 'skew');
    const client = stagingClient(app, site);
    const a = { hero: png('skew-hero-a'), logo: png('skew-logo-a') };
    await client.upload('hero', a.hero);
    await client.upload('logo', a.logo);
    await client.put('stylesheet', 'custom', { css: 'h1 { color: #aa0000; }' });
    await client.put('page', 'home', {
      title: 'Home',
      path: '/',
      blocks: [
        { id: 'h', type: 'image', media: 'hero', alt: 'Hero' },
        { id: 'l', type: 'image', media: 'logo', alt: 'Logo' },
      ],
    });
    await client.publish('page', 'home');
    await client.promoteAll();
    const pageOnA = (await http().get(`/sites/${site.slug}/`).expect(200)).text;

    await client.upload('hero', png('skew-hero-b'));
    await client.put('stylesheet', 'custom', { css: 'h1 { color: #0000bb; }' });
    await client.put('page', 'home', {
      title: 'Home',
      path: '/',
      blocks: [{ id: 'h', type: 'image', media: 'hero', alt: 'Hero' }],
    });
    await client.publish('page', 'home');
    await client.remove('media', 'logo');
    await client.promoteAll();
    return { site, pageOnA, a };
  }

  it('answers the previous page’s file URLs with the previous bytes after a swap replaced or removed them', async () => {
    const { site, pageOnA, a } = await swappedSite();
    expect(pageOnA).toContain('#aa0000');
    const [heroOnA, logoOnA] = mediaUrls(pageOnA);
    expect(heroOnA).toMatch(/\/media\/hero\?v=/);
    expect(logoOnA).toMatch(/\/media\/logo\?v=/);

    const pageOnB = (await http().get(`/sites/${site.slug}/`).expect(200)).text;
    expect(pageOnB).toContain('#0000bb');
    const [heroOnB] = mediaUrls(pageOnB);
    expect(heroOnB).not.toBe(heroOnA);

    const hero = await bytesOf(heroOnA);
    expect(hero.body.equals(a.hero)).toBe(true);
    expect(hero.cacheControl).toBe('public, max-age=31536000, immutable');
    expect((await bytesOf(logoOnA)).body.equals(a.logo)).toBe(true);
    expect((await bytesOf(heroOnB)).body.equals(a.hero)).toBe(false);
  });

  it('keeps the retired state’s files through garbage collection during the grace period', async () => {
    const { pageOnA, a } = await swappedSite();
    await http().post('/api/admin/gc').set(auth()).send({ graceSeconds: 0, keepRecentStates: 0 }).expect(200);
    const [heroOnA, logoOnA] = mediaUrls(pageOnA);
    expect((await bytesOf(heroOnA)).body.equals(a.hero)).toBe(true);
    expect((await bytesOf(logoOnA)).body.equals(a.logo)).toBe(true);
  });

  it('gives a version nobody served the current file, uncacheable for long, and a removed one a 404', async () => {
    const { site, pageOnA } = await swappedSite();
    // The logo A served answers (skew protection); a version of it nobody served does not.
    const unknown = `/sites/${site.slug}/media/hero?v=${'0'.repeat(16)}`;
    expect((await bytesOf(unknown)).cacheControl).toBe('public, max-age=300');
    await http()
      .get(`/sites/${site.slug}/media/logo?v=${'0'.repeat(16)}`)
      .expect(404);
    await http().get(`/sites/${site.slug}/media/logo`).expect(404);
    await http().get(mediaUrls(pageOnA)[1]).expect(200);
  });
});

describe('skew protection switched off (SKEW_GRACE_MINUTES=0)', () => {
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());
  beforeAll(async () => (app = await createTestApp(undefined, { SKEW_GRACE_MINUTES: '0' })));
  afterAll(() => app.close());

  it('answers an older version’s URL with the current file, cacheable only briefly', async () => {
    const site = await createSite(app, 'no-skew');
    const client = stagingClient(app, site);
    const a = await client.upload('hero', png('no-skew-a'));
    await client.promoteAll();
    const b = png('no-skew-b');
    await client.upload('hero', b);
    await client.promoteAll();
    const res = await http()
      .get(`/sites/${site.slug}/media/hero?v=${a.sha256.slice(0, 16)}`)
      .buffer(true)
      .expect(200);
    expect((res.body as Buffer).equals(b)).toBe(true);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
  });
});
