import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { auth, createTestApp } from './app';
import { binary } from './binary-body';
import { createSite, type TestSite } from './factories';
import { png, stagingClient } from './staging';

describe('review links and the staging preview', () => {
  let app: NestExpressApplication;
  let site: TestSite;
  beforeAll(async () => {
    app = await createTestApp();
    site = await createSite(app, 'review');
    const staging = stagingClient(app, site);
    await staging.put('site_settings', 'default', { title: 'Acme staging' });
    await staging.put('page', 'home', {
      title: 'Home',
      path: '/',
      blocks: [{ id: 't', type: 'text', text: 'New look' }],
    });
    await staging.publish('page', 'home');
    await staging.put('page', 'draft', { title: 'Draft', path: '/draft', blocks: [] });
  });
  afterAll(() => app.close());
  const http = () => request(app.getHttpServer());
  const createLink = (token = site.tokens.editor, body: object = { expiresInHours: 24, label: 'client' }) =>
    http().post(`/api/sites/${site.slug}/review-links`).set(auth(token)).send(body);
  /** Opens a review link like a browser: the token becomes a cookie, then the page is fetched with it. */
  const open = async (url: string) => {
    const first = await http().get(url).expect(303);
    const cookie = (first.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('promote_review='))!;
    return { location: first.headers.location as string, cookie, value: cookie.split(';')[0] };
  };

  it('refuses staging without a review link or a token', async () => {
    const page = await http().get(`/preview/${site.slug}/`).expect(401);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('staging preview');
    expect(page.text).not.toContain('New look');
    const json = await http().get(`/preview/${site.slug}/`).set('Accept', 'application/json').expect(401);
    expect(json.body.error.code).toBe('unauthenticated');
    await http().get(`/preview/${site.slug}/robots.txt`).expect(401);
    await http().post(`/preview/${site.slug}/collect`).send({ event: 'page_view', path: '/' }).expect(401);
  });

  it('serves staging through a review link: the token becomes a cookie scoped to the preview', async () => {
    const { body: link } = await createLink().expect(201);
    expect(link).toMatchObject({ id: expect.any(String), label: 'client', status: 'active' });
    expect(link.url).toMatch(new RegExp(`^/preview/${site.slug}/\\?review=rvw_[\\w-]{32}$`));
    expect(new Date(link.expiresAt).getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);

    const { location, cookie, value } = await open(link.url);
    expect(location).toBe(`/preview/${site.slug}/`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(new RegExp(`Path=/preview/${site.slug}(;|$)`));
    const page = await http().get(location).set('Cookie', value).expect(200);
    expect(page.text).toContain('New look');
    expect(page.text).toMatch(/Staging preview · version \d+/);
    expect(page.headers['cache-control']).toBe('private, no-store');
    expect(page.headers['x-robots-tag']).toBe('noindex, nofollow');
    // Only published pages are visible, as production would show them after a promotion.
    await http().get(`/preview/${site.slug}/draft`).set('Cookie', value).expect(404);
    // Production is untouched: its home page does not exist yet.
    await http().get(`/sites/${site.slug}/`).expect(404);
  });

  it('refuses an expired or a revoked link, and a cookie whose link was revoked', async () => {
    const { body: expiring } = await createLink().expect(201);
    await app
      .get(DataSource)
      .query(`update review_links set expires_at = now() - interval '1 second' where id = $1`, [expiring.id]);
    const expired = await http().get(expiring.url).set('Accept', 'application/json').expect(401);
    expect(expired.body.error.code).toBe('review_link_invalid');

    const { body: revoked } = await createLink().expect(201);
    const { value } = await open(revoked.url);
    await http().get(`/preview/${site.slug}/`).set('Cookie', value).expect(200);
    await http().delete(`/api/sites/${site.slug}/review-links/${revoked.id}`).set(auth(site.tokens.owner)).expect(204);
    await http().get(`/preview/${site.slug}/`).set('Cookie', value).expect(401);
    await http().get(revoked.url).expect(401);
    await http()
      .get(`/preview/${site.slug}/?review=rvw_${'x'.repeat(32)}`)
      .expect(401);

    const { body: list } = await http()
      .get(`/api/sites/${site.slug}/review-links`)
      .set(auth(site.tokens.editor))
      .expect(200);
    const statuses = Object.fromEntries(list.items.map((l: { id: string; status: string }) => [l.id, l.status]));
    expect(statuses[expiring.id]).toBe('expired');
    expect(statuses[revoked.id]).toBe('revoked');
    expect(JSON.stringify(list)).not.toContain('rvw_');
  });

  it('lets a site token of the site view staging, and nobody else’s', async () => {
    for (const token of [site.tokens.editor, site.tokens.reviewer, site.tokens.owner])
      expect((await http().get(`/preview/${site.slug}/`).set(auth(token)).expect(200)).text).toContain('New look');
    const other = await createSite(app, 'review-other');
    await http().get(`/preview/${site.slug}/`).set(auth(other.tokens.editor)).expect(401);
    await http().get(`/preview/${site.slug}/`).set(auth()).expect(200);
  });

  it('serves staging’s media to those who may view staging, privately cached', async () => {
    const bytes = png('staging-logo');
    const uploaded = await stagingClient(app, site).upload('logo', bytes);
    const url = `/preview/${site.slug}/media/logo?v=${uploaded.sha256.slice(0, 16)}`;
    await http().get(url).expect(401);
    const res = await http().get(url).set(auth(site.tokens.reviewer)).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(res.body, bytes)).toBe(0);
    expect(res.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    // Production has no such file: staging's media reach it only through promotion.
    await http().get(`/sites/${site.slug}/media/logo`).expect(404);
  });

  it('lets owners and editors manage links, and refuses bad input', async () => {
    expect((await createLink(site.tokens.reviewer).expect(403)).body.error.code).toBe('forbidden');
    await createLink(site.tokens.owner).expect(201);
    for (const body of [
      {},
      { expiresInHours: 0 },
      { expiresInHours: 721 },
      { expiresInHours: 1, extra: true },
      { expiresInHours: 1, label: 'a\u0000' },
    ])
      expect((await createLink(site.tokens.editor, body).expect(400)).body.error.code).toBe('validation_failed');
    await http().delete(`/api/sites/${site.slug}/review-links/not-a-uuid`).set(auth(site.tokens.owner)).expect(404);
  });
});
