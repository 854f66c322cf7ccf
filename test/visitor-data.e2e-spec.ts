import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AnalyticsService } from '../src/visitor-data/analytics.service';
import { auth, createTestApp } from './app';
import { eventually } from './eventually';
import { createSite, type TestSite } from './factories';
import { breakGlass } from './public-content';
import { stagingClient } from './staging';

const QUOTE_FORM = {
  title: 'Wholesale quote',
  fields: [
    { name: 'company', type: 'text', label: 'Company', required: true },
    { name: 'email', type: 'email', label: 'Email', required: true },
    { name: 'kilos', type: 'number', label: 'Kilos', required: true },
    { name: 'grind', type: 'select', label: 'Grind', options: ['Whole bean', 'Espresso'], required: false },
    { name: 'terms', type: 'checkbox', label: 'I agree', required: true },
  ],
  successMessage: 'We will call you back.',
};

describe("production's own data", () => {
  let app: NestExpressApplication;
  let site: TestSite;
  beforeAll(async () => {
    app = await createTestApp();
    site = await createSite(app, 'visitors');
    await breakGlass(app, site, 'form', 'quote', QUOTE_FORM);
    await breakGlass(app, site, 'page', 'home', {
      title: 'Home',
      path: '/',
      blocks: [{ id: 'f', type: 'form', form: 'quote' }],
    });
  });
  afterAll(() => app.close());
  const http = () => request(app.getHttpServer());
  const api = (path: string, token = site.tokens.editor) =>
    http().get(`/api/sites/${site.slug}${path}`).set(auth(token));
  const valid = { company: 'Roasters', email: 'buyer@example.com', kilos: '40', grind: 'Espresso', terms: 'yes' };

  describe('form submissions', () => {
    it('stores a browser’s urlencoded post and sends it to the thank-you page (303)', async () => {
      const res = await http().post(`/sites/${site.slug}/forms/quote`).type('form').send(valid).expect(303);
      expect(res.headers.location).toBe(`/sites/${site.slug}/forms/quote/thank-you`);
      const thanks = await http().get(res.headers.location).expect(200);
      expect(thanks.text).toContain('We will call you back.');
      const { body } = await api('/production/submissions?form=quote').expect(200);
      expect(body.items[0]).toMatchObject({
        form: 'quote',
        data: { company: 'Roasters', email: 'buyer@example.com', kilos: 40, grind: 'Espresso', terms: true },
      });
    });

    it('answers JSON for Accept: application/json, with the stored submission', async () => {
      const { body } = await http()
        .post(`/sites/${site.slug}/forms/quote`)
        .set('Accept', 'application/json')
        .send({ ...valid, kilos: 12, terms: true, unknown: 'dropped' })
        .expect(201);
      expect(body).toMatchObject({ id: expect.stringMatching(/^\d+$/), form: 'quote', createdAt: expect.any(String) });
      expect(body.data).not.toHaveProperty('unknown');
    });

    it('refuses a submission missing required fields with a 400 listing each of them', async () => {
      const { body } = await http()
        .post(`/sites/${site.slug}/forms/quote`)
        .set('Accept', 'application/json')
        .send({ email: 'not-an-email', grind: 'Decaf' })
        .expect(400);
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.details).toEqual([
        { path: 'body.company', message: 'is required' },
        { path: 'body.email', message: 'must be an email address' },
        { path: 'body.kilos', message: 'is required' },
        { path: 'body.grind', message: 'must be one of Whole bean, Espresso' },
        { path: 'body.terms', message: 'must be checked' },
      ]);
      const page = await http().post(`/sites/${site.slug}/forms/quote`).type('form').send({ company: 'x' }).expect(400);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.text).toContain('<li>email: is required</li>');
    });

    it('drops a bot’s post that filled the honeypot, and answers 404 for an unknown form', async () => {
      const before = (await api('/production/submissions?form=quote').expect(200)).body.items.length;
      await http()
        .post(`/sites/${site.slug}/forms/quote`)
        .type('form')
        .send({ ...valid, _hp: 'http://spam' })
        .expect(303);
      expect((await api('/production/submissions?form=quote').expect(200)).body.items.length).toBe(before);
      await http().post(`/sites/${site.slug}/forms/nope`).set('Accept', 'application/json').send(valid).expect(404);
    });

    it('limits form posts per visitor IP', async () => {
      const limited = await createSite(app, 'ratelimit');
      await breakGlass(app, limited, 'form', 'quote', QUOTE_FORM);
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++)
        statuses.push(
          (await http().post(`/sites/${limited.slug}/forms/quote`).set('Accept', 'application/json').send(valid))
            .status,
        );
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
      expect(statuses.slice(10)).toEqual([429, 429]);
      const res = await http().post(`/sites/${limited.slug}/forms/quote`).set('Accept', 'application/json').send(valid);
      expect(res.body.error.code).toBe('rate_limited');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('pages through submissions with a cursor', async () => {
      for (let i = 0; i < 3; i++)
        await http().post(`/sites/${site.slug}/forms/quote`).set('Accept', 'application/json').send(valid).expect(201);
      const first = (await api('/production/submissions?limit=2').expect(200)).body;
      expect(first.items).toHaveLength(2);
      const second = (await api(`/production/submissions?limit=2&cursor=${first.nextCursor}`).expect(200)).body;
      expect(Number(second.items[0].id)).toBeLessThan(Number(first.items[1].id));
      expect((await api('/production/submissions?cursor=abc').expect(400)).body.error.code).toBe('validation_failed');
    });
  });

  describe('analytics', () => {
    it('stores page views and custom events, batched, and summarises them', async () => {
      const own = await createSite(app, 'analytics');
      const burst = Array.from({ length: 200 }, (_, i) =>
        http()
          .post(`/sites/${own.slug}/collect`)
          .send({ event: i % 4 ? 'page_view' : 'add_to_cart', path: i % 2 ? '/about' : '/', props: { i } })
          .expect(202),
      );
      await Promise.all(burst);
      await http()
        .post(`/sites/${own.slug}/collect`)
        .send({
          events: [
            { event: 'signup', path: '/about' },
            { event: 'page_view', path: '/shop' },
          ],
        })
        .expect(202, { accepted: 2 });
      const { body } = await http()
        .get(`/api/sites/${own.slug}/production/analytics`)
        .set(auth(own.tokens.editor))
        .expect(200);
      expect(body).toEqual({
        total: 202,
        byPath: { '/': 100, '/about': 101, '/shop': 1 },
        byEvent: { page_view: 151, add_to_cart: 50, signup: 1 },
      });
    });

    it('stores events that arrive together in one insert (batched across requests)', async () => {
      const own = await createSite(app, 'analytics-batch');
      // Recorded in one tick, as a burst of requests would be within the batch window: how many HTTP requests
      // land inside one window depends on the machine's load, so the burst is made here, not over HTTP.
      const analytics = app.get(AnalyticsService);
      const target = { siteId: own.id, env: 'production' as const };
      await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          analytics.record(target, [{ event: 'page_view', path: `/p${i}`, propsJson: null }], null),
        ),
      );
      // Rows of one insert share its transaction id (xmin).
      const [{ batches, events }] = await app
        .get(DataSource)
        .query(
          `select count(distinct xmin::text)::int as batches, count(*)::int as events from analytics_events where site_id = $1`,
          [own.id],
        );
      expect(events).toBe(200);
      expect(batches).toBe(1);
    });

    it('refuses malformed events', async () => {
      for (const body of [
        {},
        { event: 'x' },
        { event: 'bad name!', path: '/' },
        { event: 'x', path: 'no-slash' },
        { event: 'x', path: '/\u0000' },
        { event: 'x', path: '/', props: { note: 'a\u0000' } },
        { events: [] },
      ])
        expect(
          (await http().post(`/sites/${site.slug}/collect`).set('Accept', 'application/json').send(body).expect(400))
            .body.error.code,
        ).toBe('validation_failed');
      const big = await http()
        .post(`/sites/${site.slug}/collect`)
        .set('Accept', 'application/json')
        .send({ event: 'x', path: '/', props: { blob: 'x'.repeat(5000) } })
        .expect(400);
      expect(big.body.error.details[0].path).toBe('body.props');
    });
  });

  describe('visitor sessions', () => {
    it('sets an HttpOnly session cookie on the first response, stores it server-side and lists active ones', async () => {
      const own = await createSite(app, 'sessions');
      await breakGlass(app, own, 'page', 'home', { title: 'Home', path: '/', blocks: [] });
      const first = await http().get(`/sites/${own.slug}/`).expect(200);
      const cookie = (first.headers['set-cookie'] as unknown as string[]).find((c) =>
        c.startsWith('promote_session='),
      )!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/Max-Age=1800/);
      // Sent back as a browser would: every cookie the page set (the session's and production's version).
      const jar = (first.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
      const second = await http().get(`/sites/${own.slug}/`).set('Cookie', jar).expect(200);
      expect(second.headers['set-cookie']).toBeUndefined(); // refreshed at most once a minute
      const listed = await eventually(async () => {
        const { body } = await http()
          .get(`/api/sites/${own.slug}/production/sessions`)
          .set(auth(own.tokens.owner))
          .expect(200);
        expect(body.count).toBe(1);
        return body;
      });
      expect(listed.sessions[0]).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{32}$/),
        lastSeenAt: expect.any(String),
      });
      // The id the API shows is not the cookie's secret.
      expect(cookie).not.toContain(listed.sessions[0].id);
      // An expired session is not active any more, and a late refresh does not revive it.
      await app
        .get(DataSource)
        .query(`update visitor_sessions set expires_at = now() - interval '1 second' where site_id = $1`, [own.id]);
      const { body } = await http()
        .get(`/api/sites/${own.slug}/production/sessions`)
        .set(auth(own.tokens.owner))
        .expect(200);
      expect(body).toEqual({ count: 0, sessions: [] });
    });
  });

  describe('domains', () => {
    const put = (s: TestSite, env: string, domains: unknown, token = s.tokens.owner) =>
      http().put(`/api/sites/${s.slug}/${env}/domains`).set(auth(token)).send({ domains });

    it('routes requests by Host to the environment the domain belongs to', async () => {
      const own = await createSite(app, 'domains');
      await breakGlass(app, own, 'page', 'about', { title: 'Production about', path: '/about', blocks: [] });
      const staging = stagingClient(app, own);
      await staging.put('page', 'about', { title: 'Staging about', path: '/about', blocks: [] });
      await staging.publish('page', 'about');
      const host = `www.${own.slug}.example`;
      const { body } = await put(own, 'production', [
        { host: host.toUpperCase(), primary: true },
        { host: `${own.slug}.example` },
      ]).expect(200);
      expect(body).toEqual({
        domains: [
          { host, primary: true },
          { host: `${own.slug}.example`, primary: false },
        ],
      });
      await put(own, 'staging', [{ host: `staging.${own.slug}.example`, primary: true }]).expect(200);

      const page = await eventually(async () => {
        const res = await http().get('/about').set('Host', host);
        expect(res.status).toBe(200);
        return res;
      });
      expect(page.text).toContain('Production about');
      // On its own domain the site's links need no /sites/<slug> prefix.
      expect(page.text).toContain('"base":""');
      expect(String(page.headers['set-cookie'])).toMatch(/Path=\/(;|$)/);
      // Every path of the domain is the site's, even one that looks like the API.
      await http().get('/api/sites').set('Host', host).expect(404);
      // A secondary domain redirects to the primary one.
      const moved = await http().get('/about?x=1').set('Host', `${own.slug}.example`).expect(301);
      expect(moved.headers.location).toBe(`http://${host}/about?x=1`);
      // The staging domain is staging, and private.
      await http().get('/about').set('Host', `staging.${own.slug}.example`).expect(401);
      const preview = await http()
        .get('/about')
        .set('Host', `staging.${own.slug}.example`)
        .set(auth(own.tokens.reviewer))
        .expect(200);
      expect(preview.text).toContain('Staging about');
      // Unknown hosts and the API's own host are not sites.
      await http().get('/api/sites').set('Host', 'unknown.example').set(auth()).expect(200);

      // Removing a domain stops its routing.
      await put(own, 'production', []).expect(200, { domains: [] });
      await eventually(async () => expect((await http().get('/about').set('Host', host)).status).toBe(404));
    });

    it('keeps a host to one environment of one site and exactly one primary', async () => {
      const a = await createSite(app, 'dom-a');
      const b = await createSite(app, 'dom-b');
      const host = `shop.${a.slug}.example`;
      await put(a, 'production', [{ host, primary: true }]).expect(200);
      const taken = await put(b, 'production', [{ host, primary: true }]).expect(409);
      expect(taken.body.error).toMatchObject({ code: 'domain_taken', details: [{ host }] });
      await put(a, 'staging', [{ host, primary: true }]).expect(409);
      const bad = await put(a, 'production', [
        { host: 'http://x.example/path' },
        { host: '10.0.0.1' },
        { host: 'localhost' },
        { host: 'ok.example', primary: true },
        { host: 'OK.example.' },
      ]).expect(400);
      expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual([
        'body.domains[0].host',
        'body.domains[1].host',
        'body.domains[2].host',
        'body.domains[4].host',
      ]);
      const primaries = await put(a, 'production', [{ host: 'one.example' }, { host: 'two.example' }]).expect(400);
      expect(primaries.body.error.details).toEqual([
        { path: 'body.domains', message: expect.stringMatching(/exactly one/) },
      ]);
      await put(a, 'production', [{ host, primary: true }], a.tokens.editor).expect(403);
      expect(
        (await http().get(`/api/sites/${a.slug}/production/domains`).set(auth(a.tokens.editor)).expect(200)).body,
      ).toEqual({
        domains: [{ host, primary: true }],
      });
    });
  });

  describe('who reads it', () => {
    it('lets owners and editors read every environment, and reviewers staging only', async () => {
      for (const path of ['submissions', 'analytics', 'sessions', 'domains']) {
        await api(`/production/${path}`, site.tokens.owner).expect(200);
        await api(`/production/${path}`, site.tokens.editor).expect(200);
        await api(`/staging/${path}`, site.tokens.reviewer).expect(200);
        expect((await api(`/production/${path}`, site.tokens.reviewer).expect(403)).body.error.code).toBe('forbidden');
      }
      await api('/nowhere/submissions').expect(404);
    });
  });
});
