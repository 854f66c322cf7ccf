import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DEMO_SLUG, seedDemoSite } from '../src/seed/seed-demo-site';
import { auth, createTestApp } from './app';
import { createSite } from './factories';
import { fileDatabase, type FileDatabase } from './file-database';
import { png, stagingClient } from './staging';

type Check = { code: string; severity: string; type: string; key: string; fix?: any; details?: any };

describe('the launch report', () => {
  let db: FileDatabase;
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());
  // A database of this file's own: the demo site's seed is once per database.
  beforeAll(async () => {
    db = await fileDatabase('launch_checks');
    app = await createTestApp(undefined, { DATABASE_URL: (db.dataSource.options as { url: string }).url });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const page = (path: string, blocks: object[] = [], extra: object = {}) => ({
    title: path,
    path,
    blocks: [{ id: 'h', type: 'heading', text: path, level: 1 }, ...blocks],
    ...extra,
  });
  const codes = (checks: Check[]) => checks.map((c) => [c.code, c.type, c.key]);

  /** A site whose production serves `/` and `/about` (and what `live` adds), then staging as `change` makes it. */
  async function launched(live: (c: ReturnType<typeof stagingClient>) => Promise<void> = async () => {}) {
    const site = await createSite(app, 'launch');
    const client = stagingClient(app, site);
    const publish = async (type: 'page' | 'post', key: string, data: object) => {
      await client.put(type, key, data);
      await client.publish(type, key);
    };
    await publish('page', 'home', page('/', [{ id: 'l', type: 'link', href: '/about', text: 'About' }]));
    await publish('page', 'about', page('/about'));
    await live(client);
    await client.promoteAll();
    expect((await client.preview()).checks).toEqual([]);
    return { site, client, publish };
  }

  it("finds no error on the demo site's first promotion, and nothing once it is live", async () => {
    expect(await seedDemoSite(app)).toBe(DEMO_SLUG);
    const base = `/api/sites/${DEMO_SLUG}`;
    const preview = (await http().get(`${base}/promotion/preview`).set(auth()).expect(200)).body;
    expect(preview.checks.filter((c: Check) => c.severity === 'error')).toEqual([]);
    expect(codes(preview.checks)).toEqual([['sitemap_changed', 'sitemap', 'sitemap.xml']]);
    expect(preview.checkSummary).toEqual({ error: 0, warning: 0, info: 1 });
    const { body: job } = await http()
      .post(`${base}/promotions`)
      .set(auth())
      .send({ fingerprint: preview.fingerprint })
      .expect(202);
    await waitFor(async () => (await http().get(`/api/jobs/${job.id}`).set(auth())).body.status === 'succeeded');
    expect((await http().get(`${base}/promotion/preview`).set(auth()).expect(200)).body.checks).toEqual([]);
  });

  it('blocks a page that moves without a redirect, and its one-click fix makes the check pass', async () => {
    const { site, client, publish } = await launched();
    await publish('page', 'about', page('/about-us'));
    const before = await client.preview();
    const [check] = before.checks.filter((c: Check) => c.severity === 'error');
    expect(check).toMatchObject({
      code: 'url_removed_without_redirect',
      type: 'page',
      key: 'about',
      fix: { type: 'redirect', data: { from: '/about', to: '/about-us', status: 301 } },
    });
    const refused = await client.promote(before.fingerprint).expect(409);
    expect(refused.body.error).toMatchObject({
      code: 'launch_checks_failed',
      details: [expect.objectContaining({ key: 'about' })],
    });

    const fix = { code: check.code, type: check.type, key: check.key };
    const fixCall = (token = site.tokens.editor) =>
      http().post(`/api/sites/${site.slug}/promotion/checks/fix`).set(auth(token)).send(fix);
    await fixCall(site.tokens.reviewer).expect(403);
    const { body: fixed } = await fixCall().expect(200);
    expect(fixed.entity).toMatchObject({ type: 'redirect', key: check.fix.key, data: check.fix.data });
    const after = await client.preview();
    expect(codes(after.checks).filter(([code]) => code === 'url_removed_without_redirect')).toEqual([]);
    expect(after.checks.filter((c: Check) => c.severity === 'error')).toEqual([]);
    const again = await fixCall().expect(409);
    expect(again.body.error.code).toBe('check_not_found');

    // The home page's link to /about now reaches /about-us through the redirect.
    await client.promoteAll();
    const moved = await http().get(`/sites/${site.slug}/about`).expect(301);
    expect(moved.headers.location).toBe(`/sites/${site.slug}/about-us`);
  });

  it('lets an acknowledged error through and records what was acknowledged, by whom', async () => {
    const { site, client } = await launched();
    await client.remove('page', 'about');
    const { fingerprint } = await client.preview();
    const unknown = await client.promote(fingerprint, { acknowledgeChecks: ['no_such_check'] }).expect(400);
    expect(unknown.body.error.details).toEqual([expect.objectContaining({ path: 'body.acknowledgeChecks[0]' })]);
    const { body: job } = await client
      .promote(fingerprint, { acknowledgeChecks: ['url_removed_without_redirect'] })
      .expect(202);
    await client.waitForJob(job.id);
    const { body: audit } = await http().get(`/api/sites/${site.slug}/audit`).set(auth(site.tokens.owner)).expect(200);
    const requested = audit.items.find((e: any) => e.action === 'promotion.requested' && e.subject === job.id);
    expect(requested.details.acknowledgedChecks).toMatchObject({
      codes: ['url_removed_without_redirect'],
      checks: [{ code: 'url_removed_without_redirect', type: 'page', key: 'about' }],
      total: 1,
      by: { role: 'editor' },
    });
  });

  it('refuses to fix a check that does not exist, and bad fix bodies, with 4xx', async () => {
    const { site } = await launched();
    const fix = (body: object) =>
      http().post(`/api/sites/${site.slug}/promotion/checks/fix`).set(auth(site.tokens.editor)).send(body);
    expect(
      (await fix({ code: 'url_removed_without_redirect', type: 'page', key: 'nope' }).expect(409)).body.error.code,
    ).toBe('check_not_found');
    expect((await fix({ code: 'bogus', type: 'page', key: 'x' }).expect(400)).body.error.details[0].path).toBe(
      'body.code',
    );
    await fix({ code: 'url_removed_without_redirect', type: 'page' }).expect(400);
  });

  it('checks robots.txt, noindex and canonical links against production', async () => {
    const { client } = await launched(async (c) => {
      await c.put('site_settings', 'default', { title: 'Acme', canonicalBase: 'https://www.acme.example' });
      await c.put('robots_txt', 'default', { body: 'User-agent: *\nAllow: /' });
    });
    await client.put('robots_txt', 'default', { body: 'User-agent: *\nDisallow: /' });
    await client.put('site_settings', 'default', {
      title: 'Acme',
      canonicalBase: 'https://acme.example',
      noindex: true,
    });
    await client.put('page', 'about', page('/about', [], { seo: { noindex: true } }));
    await client.publish('page', 'about');
    expect(codes((await client.preview()).checks)).toEqual([
      ['robots_blocks_all', 'robots_txt', 'default'],
      ['site_noindex', 'site_settings', 'default'],
      ['canonical_changed', 'site_settings', 'default'],
      ['page_noindex', 'page', 'about'],
    ]);
  });

  it('finds broken links, missing files, redirect chains and loops, and trackers loaded before consent', async () => {
    const { client, publish } = await launched();
    await client.upload('kept.png', png('kept'));
    await publish(
      'page',
      'home',
      page('/', [
        { id: 'a', type: 'html', html: '<a href="/about">ok</a> <a href="/gone">gone</a>' },
        { id: 'i', type: 'image', media: 'kept.png' },
        { id: 'j', type: 'button', href: '/media/brochure.pdf', text: 'Brochure' },
      ]),
    );
    await client.put('component_override', 'nav', { component: 'navbar', props: { links: ['About', 'Contact'] } });
    await client.put('layout', 'main', { header: [{ type: 'component', component: 'nav' }], footer: [] });
    await client.put('redirect', 'a', { from: '/a', to: '/b', status: 301 });
    await client.put('redirect', 'b', { from: '/b', to: '/about', status: 301 });
    await client.put('redirect', 'c', { from: '/c', to: '/d', status: 301 });
    await client.put('redirect', 'd', { from: '/d', to: '/c', status: 301 });
    await client.put('consent_rule', 'essentials', {
      category: 'necessary',
      scripts: [{ src: 'https://www.googletagmanager.com/gtag/js?id=G-1' }, { src: '/js/cart.js' }],
    });
    const { checks } = await client.preview();
    expect(codes(checks)).toEqual([
      ['missing_media', 'page', 'home'],
      ['redirect_loop', 'redirect', 'c'],
      ['redirect_loop', 'redirect', 'd'],
      ['tracking_before_consent', 'consent_rule', 'essentials'],
      ['broken_internal_link', 'component_override', 'nav'],
      ['broken_internal_link', 'page', 'home'],
      ['redirect_chain', 'redirect', 'a'],
    ]);
    expect(checks.find((c: Check) => c.code === 'missing_media').details.media).toEqual(['brochure.pdf']);
    expect(checks.find((c: Check) => c.type === 'page' && c.code === 'broken_internal_link').details.paths).toEqual([
      '/gone',
    ]);
  });

  it('reports a variable production lacks, live, and the job still refuses it if acknowledged', async () => {
    const { site, client, publish } = await launched();
    await publish('page', 'about', page('/about', [{ id: 't', type: 'text', text: 'Tag {{env.GA_ID}}' }]));
    const { checks, fingerprint } = await client.preview();
    expect(codes(checks)).toEqual([['variable_missing', 'variable', 'GA_ID']]);
    expect((await client.promote(fingerprint).expect(409)).body.error.code).toBe('launch_checks_failed');
    const { body: job } = await client.promote(fingerprint, { acknowledgeChecks: ['variable_missing'] }).expect(202);
    expect((await client.waitForJob(job.id, 'failed')).error.code).toBe('variables_missing');
    // Variables are not part of a state: defining it clears the check on the same fingerprint at once.
    await http()
      .put(`/api/sites/${site.slug}/production/variables`)
      .set(auth(site.tokens.owner))
      .send({ GA_ID: 'G-1' })
      .expect(200);
    expect((await client.preview()).checks).toEqual([]);
  });

  it('blocks a scheduled promotion over an error check too', async () => {
    const { client } = await launched();
    await client.remove('page', 'about');
    const { fingerprint } = await client.preview();
    const runAt = new Date(Date.now() + 3_600_000).toISOString();
    expect((await client.promote(fingerprint, { runAt }).expect(409)).body.error.code).toBe('launch_checks_failed');
    const { body: job } = await client
      .promote(fingerprint, { runAt, acknowledgeChecks: ['url_removed_without_redirect'] })
      .expect(202);
    expect(job.status).toBe('scheduled');
  });
});

async function waitFor(done: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
