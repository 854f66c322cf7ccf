import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { MaintenanceService } from '../src/maintenance/maintenance.service';
import { auth, createTestApp } from './app';
import { eventually } from './eventually';
import { createSite, type TestSite } from './factories';
import { breakGlass } from './public-content';
import { spawnService, type ServiceProcess } from './service-process';

describe('maintenance', () => {
  let app: NestExpressApplication;
  beforeAll(async () => (app = await createTestApp()));
  afterAll(() => app.close());
  const http = () => request(app.getHttpServer());
  const take = (site: TestSite, body: object, token = site.tokens.owner) =>
    http().put(`/api/sites/${site.slug}/production/maintenance`).set(auth(token)).send(body);
  const release = (site: TestSite, token = site.tokens.owner) =>
    http().delete(`/api/sites/${site.slug}/production/maintenance`).set(auth(token));

  async function liveSite(prefix: string): Promise<TestSite> {
    const site = await createSite(app, prefix);
    await breakGlass(app, site, 'site_settings', 'default', {
      title: 'Acme',
      maintenancePage: { title: 'Roasting a new batch', message: 'Back in a few minutes.' },
    });
    await breakGlass(app, site, 'form', 'contact', {
      title: 'Contact',
      fields: [{ name: 'email', type: 'email', required: true }],
    });
    await breakGlass(app, site, 'page', 'home', {
      title: 'Home',
      path: '/',
      blocks: [{ id: 't', type: 'text', text: 'Open' }],
    });
    return site;
  }

  it('answers pages with 503 and the site’s maintenance page, while forms, analytics and sessions keep working', async () => {
    const site = await liveSite('maint');
    await http().get(`/sites/${site.slug}/`).expect(200);
    const { body: lease } = await take(site, { reason: 'moving the shop', ttlSeconds: 600 }).expect(200);
    expect(lease).toMatchObject({ reason: 'moving the shop', holder: expect.stringMatching(/^owner:token:/) });
    expect(new Date(lease.until).getTime()).toBeGreaterThan(Date.now() + 590_000);

    const page = await eventually(async () => {
      const res = await http().get(`/sites/${site.slug}/`);
      expect(res.status).toBe(503);
      return res;
    });
    expect(Number(page.headers['retry-after'])).toBeGreaterThan(500);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toContain('<h1>Roasting a new batch</h1>');
    expect(page.text).toContain('Back in a few minutes.');
    expect(String(page.headers['set-cookie'])).toMatch(/promote_session=/);
    await http().get(`/sites/${site.slug}/robots.txt`).expect(503);
    // The site description shows the lease.
    const described = (await http().get(`/api/sites/${site.slug}`).set(auth()).expect(200)).body;
    expect(described.environments.production.maintenance).toMatchObject({ reason: 'moving the shop' });

    await http()
      .post(`/sites/${site.slug}/forms/contact`)
      .set('Accept', 'application/json')
      .send({ email: 'during@example.com' })
      .expect(201);
    await http().post(`/sites/${site.slug}/collect`).send({ event: 'page_view', path: '/' }).expect(202);
    const submissions = (
      await http().get(`/api/sites/${site.slug}/production/submissions`).set(auth(site.tokens.owner))
    ).body;
    expect(submissions.items.map((s: { data: { email: string } }) => s.data.email)).toContain('during@example.com');
    const analytics = (await http().get(`/api/sites/${site.slug}/production/analytics`).set(auth(site.tokens.owner)))
      .body;
    expect(analytics.byEvent.page_view).toBe(1);

    await release(site).expect(204);
    await eventually(async () => expect((await http().get(`/sites/${site.slug}/`)).status).toBe(200));
    await release(site).expect(204); // nothing to release: still fine
    const audit = (await http().get(`/api/sites/${site.slug}/audit`).set(auth()).expect(200)).body;
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['maintenance.taken', 'maintenance.released']),
    );
  });

  it('ends a lease nobody releases at its expiry', async () => {
    const site = await liveSite('maint-expiry');
    // A long lease first, so the 503 is seen however slow the machine; then the holder shortens it to 1 s.
    await take(site, { reason: 'long', ttlSeconds: 600 }).expect(200);
    await eventually(async () => expect((await http().get(`/sites/${site.slug}/`)).status).toBe(503));
    const { body: lease } = await take(site, { reason: 'short', ttlSeconds: 1 }).expect(200);
    const back = await eventually(
      async () => {
        expect((await http().get(`/sites/${site.slug}/`)).status).toBe(200);
        return Date.now();
      },
      { timeoutMs: 10_000 },
    );
    expect(back).toBeGreaterThanOrEqual(new Date(lease.until).getTime() - 50);
  });

  it('is the same lease promotion takes: an owner cannot take or end another holder’s lease', async () => {
    const site = await liveSite('maint-conflict');
    const maintenance = app.get(MaintenanceService);
    await maintenance.take(site.id, 'production', { holder: 'job:test', reason: 'promotion', ttlSeconds: 60 });
    const refused = await take(site, { reason: 'mine', ttlSeconds: 60 }).expect(409);
    expect(refused.body.error).toMatchObject({
      code: 'conflict',
      details: [{ holder: 'job:test', until: expect.any(String) }],
    });
    expect((await release(site).expect(409)).body.error.details[0].holder).toBe('job:test');
    // Re-entrant for its own holder, and released only by it.
    await maintenance.take(site.id, 'production', { holder: 'job:test', reason: 'promotion', ttlSeconds: 60 });
    expect(await maintenance.release(site.id, 'production', 'job:other')).toBe(false);
    expect(await maintenance.release(site.id, 'production', 'job:test')).toBe(true);
    await take(site, { reason: 'mine', ttlSeconds: 60 }).expect(200);
    await release(site).expect(204);
  });

  it('lets only owners take it, with a reason and a ttl of 1 to 86,400 seconds', async () => {
    const site = await createSite(app, 'maint-input');
    expect((await take(site, { reason: 'x', ttlSeconds: 60 }, site.tokens.editor).expect(403)).body.error.code).toBe(
      'forbidden',
    );
    await release(site, site.tokens.editor).expect(403);
    for (const body of [
      {},
      { reason: '', ttlSeconds: 60 },
      { reason: 'x', ttlSeconds: 0 },
      { reason: 'x', ttlSeconds: 86401 },
      { reason: 'x', ttlSeconds: 1.5 },
      { reason: 'a\u0000', ttlSeconds: 60 },
    ])
      expect((await take(site, body).expect(400)).body.error.code).toBe('validation_failed');
  });

  describe('with a second application instance on the same database and Redis', () => {
    let other: ServiceProcess;
    beforeAll(async () => (other = await spawnService({ PROCESS_ROLE: 'api', LOG_LEVEL: 'silent' })));
    afterAll(async () => {
      other.child.kill('SIGTERM');
      await other.exited;
    });
    const onOther = (path: string) => fetch(`http://127.0.0.1:${other.port}${path}`);

    it('serves the maintenance page once the lease is taken here, and stops when it expires unreleased', async () => {
      const site = await liveSite('maint-nodes');
      expect((await onOther(`/sites/${site.slug}/`)).status).toBe(200);
      // A long lease first, so the other node is seen serving it however slow the machine is.
      await take(site, { reason: 'two nodes', ttlSeconds: 600 }).expect(200);
      const seen = await eventually(async () => {
        const res = await onOther(`/sites/${site.slug}/`);
        expect(res.status).toBe(503);
        return res;
      });
      expect(await seen.text()).toContain('Roasting a new batch');
      // The holder shortens it and nobody releases it: the other node serves again at its expiry, by its clock.
      const { body: lease } = await take(site, { reason: 'two nodes', ttlSeconds: 2 }).expect(200);
      const back = await eventually(
        async () => {
          expect((await onOther(`/sites/${site.slug}/`)).status).toBe(200);
          return Date.now();
        },
        { timeoutMs: 10_000, intervalMs: 20 },
      );
      expect(back).toBeGreaterThanOrEqual(new Date(lease.until).getTime() - 50);
      const [{ holder }] = await app
        .get(DataSource)
        .query(`select maintenance_holder as holder from environments where site_id = $1 and name = 'production'`, [
          site.id,
        ]);
      expect(holder).toMatch(/^owner:/); // the row still names it: the expiry alone ended the window
    });
  });
});
