import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { auth, createTestApp } from './app';
import { createSite } from './factories';
import { stagingClient } from './staging';

describe('promotion changelog', () => {
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());
  beforeAll(async () => (app = await createTestApp()));
  afterAll(() => app?.close());

  it('says what a promotion added, changed and removed, by title, as JSON and as Markdown', async () => {
    const site = await createSite(app, 'changelog');
    const client = stagingClient(app, site);
    const page = async (key: string, title: string) => {
      await client.put('page', key, { title, path: `/${key}`, blocks: [] });
      await client.publish('page', key);
    };
    await page('home', 'Home');
    await page('about', 'About');
    await page('team', 'Team');
    await client.put('popup', 'sale', { title: 'Sale', body: 'Ten percent off' });
    await client.put('redirect', 'old', { from: '/old', to: '/', status: 301 });
    await client.promoteAll();

    await page('about', 'About us');
    await page('menu', 'Menu');
    await client.remove('page', 'team');
    await client.remove('popup', 'sale');
    await client.put('form', 'newsletter', {
      title: 'Newsletter *special* [offer](javascript:x)',
      fields: [{ name: 'email', type: 'email', label: 'Email', required: true }],
    });
    await client.put('custom_object_type', 'product', { name: 'Product' });
    await client.put('redirect', 'old', { from: '/old', to: '/about', status: 302 });
    // The team page goes without a redirect on purpose: the launch report's error is acknowledged.
    const job = await client.promoteAll({ acknowledgeChecks: ['url_removed_without_redirect'] });

    const url = `/api/sites/${site.slug}/promotions/${job.id}/changelog`;
    const { body } = await http().get(url).set(auth(site.tokens.reviewer)).expect(200);
    expect(body).toEqual({
      jobId: job.id,
      kind: 'promotion',
      fromVersion: 1,
      toVersion: 2,
      summary:
        '1 page changed: About us; 1 page added: Menu; 1 page removed: Team; 1 custom object type added: Product; ' +
        '1 form added: Newsletter *special* [offer](javascript:x); 1 popup removed: Sale; 1 redirect changed: old',
      counts: { added: 3, changed: 2, removed: 2 },
      groups: expect.arrayContaining([
        { type: 'page', op: 'changed', count: 1, names: ['About us'] },
        { type: 'page', op: 'removed', count: 1, names: ['Team'] },
        { type: 'popup', op: 'removed', count: 1, names: ['Sale'] },
      ]),
    });
    expect(body.groups).toHaveLength(7);

    for (const ask of [
      http().get(url).set(auth(site.tokens.editor)).set('Accept', 'text/markdown'),
      http().get(`${url}?format=markdown`).set(auth(site.tokens.editor)),
    ]) {
      const response = await ask.expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/markdown; charset=utf-8/);
      expect(response.text).toBe(
        [
          '# Promotion to production v2 \\(from v1\\)',
          '',
          '- **1 page changed:** About us',
          '- **1 page added:** Menu',
          '- **1 page removed:** Team',
          '- **1 custom object type added:** Product',
          '- **1 form added:** Newsletter \\*special\\* \\[offer\\]\\(javascript\\:x\\)',
          '- **1 popup removed:** Sale',
          '- **1 redirect changed:** old',
          '',
        ].join('\n'),
      );
    }
    await http().get(`${url}?format=json`).set(auth()).set('Accept', 'text/markdown').expect('Content-Type', /json/);
    await http().get(`${url}?format=html`).set(auth()).expect(400);
  });

  it('answers 404 for another site, for a job that is no promotion, and for none', async () => {
    const site = await createSite(app, 'changelog-own');
    const other = await createSite(app, 'changelog-other');
    const job = await stagingClient(app, site).promoteAll();
    await http().get(`/api/sites/${site.slug}/promotions/${job.id}/changelog`).set(auth(site.tokens.owner)).expect(200);
    await http()
      .get(`/api/sites/${other.slug}/promotions/${job.id}/changelog`)
      .set(auth(other.tokens.owner))
      .expect(404);
    await http().get(`/api/sites/${site.slug}/promotions/${randomUUID()}/changelog`).set(auth()).expect(404);
    await http().get(`/api/sites/${site.slug}/promotions/not-an-id/changelog`).set(auth()).expect(404);
    const { body: snapshot } = await http()
      .post(`/api/sites/${site.slug}/snapshots`)
      .set(auth())
      .send({ label: 's' })
      .expect(201);
    const { body: restore } = await http().post(`/api/sites/${site.slug}/snapshots/${snapshot.id}/restore`).set(auth());
    await http().get(`/api/sites/${site.slug}/promotions/${restore.id}/changelog`).set(auth()).expect(404);
  });
});
