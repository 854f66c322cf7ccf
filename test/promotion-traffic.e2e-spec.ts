import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { auth, createTestApp } from './app';
import { eventually } from './eventually';
import { createSite } from './factories';
import { stagingClient } from './staging';

// What one rendered page says about the state it came from: its text, its custom CSS and its layout.
function markers(html: string): string[] {
  return ['page', 'css', 'layout'].map((part) => new RegExp(`mk-${part}-(old|new)`).exec(html)?.[1] ?? 'missing');
}

describe('a promotion under traffic', () => {
  let app: NestExpressApplication;
  beforeAll(async () => (app = await createTestApp()));
  afterAll(() => app.close());

  it('serves the whole old site or the whole new site, never a mix, and keeps every submission and event', async () => {
    const site = await createSite(app, 'traffic');
    const client = stagingClient(app, site);
    const http = () => request(app.getHttpServer());
    const stage = async (version: 'old' | 'new') => {
      await client.put('stylesheet', 'custom', { css: `body { --marker: mk-css-${version}; }` });
      await client.put('layout', 'main', {
        header: [{ id: 'h', type: 'text', text: `mk-layout-${version}` }],
        footer: [],
      });
      await client.put('page', 'probe', {
        title: 'Probe',
        path: '/probe',
        layout: 'main',
        blocks: [{ id: 't', type: 'text', text: `mk-page-${version}` }],
      });
      await client.publish('page', 'probe');
    };
    await client.put('form', 'contact', {
      title: 'Contact',
      fields: [{ name: 'name', type: 'text', label: 'Name', required: true }],
    });
    await stage('old');
    await client.promoteAll();

    let submissions = 0;
    let events = 0;
    const submit = async (n: number) => {
      const response = await http()
        .post(`/sites/${site.slug}/forms/contact`)
        .set('Accept', 'application/json')
        .set('X-Forwarded-For', `10.0.${Math.floor(n / 250)}.${n % 250}`) // one visitor each: the per-IP limit stays out of the way
        .send({ name: `visitor ${n}` });
      expect(response.status).toBeLessThan(300);
      submissions++;
      await http()
        .post(`/sites/${site.slug}/collect`)
        .send({ event: 'page_view', path: '/probe' })
        .expect((r) => expect(r.status).toBeLessThan(300));
      events++;
    };
    for (let n = 0; n < 5; n++) await submit(n); // before the promotion

    await stage('new');
    const seen = new Map<string, number>();
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const response = await http().get(`/sites/${site.slug}/probe`);
        const key =
          response.status === 503
            ? 'maintenance'
            : response.status === 200
              ? markers(response.text).join('/')
              : `status ${response.status}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    })();
    const visitors = (async () => {
      for (let n = 5; probing; n++) await submit(n);
    })();
    const { fingerprint } = await client.preview();
    const { body: job } = await client.promote(fingerprint).expect(202);
    await client.waitForJob(job.id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    probing = false;
    await Promise.all([probe, visitors]);

    for (const key of seen.keys()) expect(['old/old/old', 'new/new/new', 'maintenance']).toContain(key);
    expect(seen.get('old/old/old')).toBeGreaterThan(0);
    expect(seen.get('new/new/new')).toBeGreaterThan(0);

    const stored = await http()
      .get(`/api/sites/${site.slug}/production/submissions?limit=500`)
      .set(auth(site.tokens.owner))
      .expect(200);
    expect(stored.body.items).toHaveLength(submissions);
    const names = new Set(stored.body.items.map((i: { data: { name: string } }) => i.data.name));
    for (let n = 0; n < submissions; n++) expect(names.has(`visitor ${n}`)).toBe(true);
    await eventually(async () => {
      const analytics = await http()
        .get(`/api/sites/${site.slug}/production/analytics`)
        .set(auth(site.tokens.owner))
        .expect(200);
      expect(analytics.body.total).toBe(events); // batched writes: every event arrives, a moment later
    });
  });
});
