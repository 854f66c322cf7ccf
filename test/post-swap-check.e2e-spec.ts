import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { auth, createTestApp } from './app';
import { eventually } from './eventually';
import { createSite, type TestSite } from './factories';
import { workerProcesses } from './service-process';
import { stagingClient } from './staging';

// The API serves visitors in this process; the promotions run in a separate worker process (PROCESS_ROLE=worker),
// which has no public site of its own: its post-swap check renders production's pages in-process.
describe('the post-swap check of a promotion', () => {
  let app: NestExpressApplication;
  const workers = workerProcesses();
  beforeAll(async () => {
    app = await createTestApp({ api: true, worker: false });
    await workers.start();
  });
  afterAll(async () => {
    workers.killAll();
    await app.close();
  });
  const http = () => request(app.getHttpServer());
  const settings = (site: TestSite, body: object, token = site.tokens.owner) =>
    http().patch(`/api/sites/${site.slug}`).set(auth(token)).send(body);
  const audit = async (site: TestSite) =>
    (await http().get(`/api/sites/${site.slug}/audit?limit=50`).set(auth(site.tokens.owner)).expect(200)).body.items;

  const home = (text: string) => ({
    title: 'Home',
    path: '/',
    blocks: [{ id: 't', type: 'text', text }],
  });
  const stage = async (client: ReturnType<typeof stagingClient>, text: string) => {
    await client.put('page', 'home', home(text));
    await client.publish('page', 'home');
  };
  // What a visitor reading production's home page sees, one word per answer.
  const seenBy = async (site: TestSite): Promise<string> => {
    const response = await http().get(`/sites/${site.slug}/`);
    if (response.status === 503) return 'maintenance';
    if (response.status !== 200) return `status ${response.status}`;
    return /mk-(old|new)/.exec(response.text)?.[1] ?? 'unmarked';
  };

  it('rolls production back when a smoke check fails; visitors see old → maintenance → old and their writes stay', async () => {
    const site = await createSite(app, 'verify-rollback');
    const client = stagingClient(app, site);
    await client.put('form', 'contact', {
      title: 'Contact',
      fields: [{ name: 'name', type: 'text', label: 'Name', required: true }],
    });
    await stage(client, 'Open daily mk-old');
    await client.promoteAll();
    const before = await client.site();
    await settings(site, { smokeChecks: [{ path: '/', status: 200, contains: 'Open daily' }] }).expect(200);
    await stage(client, 'Closed for good mk-new');

    const load = traffic(site);
    const { fingerprint } = await client.preview();
    const { body: started } = await client.promote(fingerprint).expect(202);
    const job = await client.waitForJob(started.id, 'rolled_back');
    const { seen, after, submitted, events } = await load.stop();
    expectOldMaintenanceOld(seen, after);

    expect(job.error).toMatchObject({ code: 'post_swap_check_failed' });
    expect(job.error.details).toEqual([
      expect.objectContaining({ check: 'smoke', path: '/', url: `/sites/${site.slug}/`, status: 200 }),
    ]);
    expect(job.result.verification).toMatchObject({ verdict: 'rolled_back', checked: 2 });
    expect(job.timings.verifyMs).toEqual(expect.any(Number));
    expect(job.timings.maintenanceMs).toBeGreaterThan(0);
    const steps = Object.fromEntries(job.steps.map((s: { name: string; status: string }) => [s.name, s.status]));
    expect(steps).toMatchObject({
      swap: 'succeeded',
      verify: 'succeeded',
      'mark-staging-in-step': 'skipped',
      finish: 'skipped',
      'finish-rollback': 'succeeded',
    });

    // The same compare-and-swap back: production on its previous state at version + 2, no lease left.
    const production = (await client.site()).environments.production;
    expect(production).toMatchObject({
      stateId: before.environments.production.stateId,
      version: before.environments.production.version + 2,
      maintenance: null,
    });
    expect(job.toVersion).toBe(production.version);
    const entries = await audit(site);
    const rolledBack = entries.find((e: { action: string }) => e.action === 'promotion.rolled_back');
    expect(rolledBack).toMatchObject({ subject: job.id, details: expect.objectContaining({ automatic: true }) });
    const succeeded = entries.filter((e: { action: string; subject: string }) => e.action === 'promotion.succeeded');
    expect(succeeded.map((e: { subject: string }) => e.subject)).not.toContain(job.id);
    // Staging still differs from production: the change can be fixed and promoted again.
    expect((await client.preview()).summary.changed).toBe(1);

    await expectUserStateKept(site, submitted, events);
  });

  it('rolls back a candidate whose component template fails to render, with the failing URL and its error', async () => {
    const site = await createSite(app, 'verify-render-error');
    const client = stagingClient(app, site);
    await client.put('form', 'contact', {
      title: 'Contact',
      fields: [{ name: 'name', type: 'text', label: 'Name', required: true }],
    });
    const card = { id: 'card', type: 'component', component: 'card' };
    await client.put('component_override', 'card', {
      component: 'card',
      template: '<div class="card">{{ props.title }}</div>',
    });
    await client.put('page', 'home', { title: 'Home', path: '/', blocks: [{ ...card, props: { title: 'mk-old' } }] });
    await client.publish('page', 'home');
    await client.promoteAll();
    const before = (await client.site()).environments.production;
    expect(await seenBy(site)).toBe('old');

    // Valid content, and a valid template: it picks a variant partial by the block's props, and the home page
    // names one that no component template provides. Only rendering finds out.
    await client.put('component_override', 'card', {
      component: 'card',
      template: `<div class="card">{% if props.variant %}{% render props.variant %}{% endif %}{{ props.title }}</div>`,
    });
    await client.put('page', 'home', {
      title: 'Home',
      path: '/',
      blocks: [{ ...card, props: { title: 'mk-new', variant: 'card-wide' } }],
    });
    await client.publish('page', 'home');
    const { fingerprint, checks } = await client.preview();
    expect(checks.filter((c: { severity: string }) => c.severity === 'error')).toEqual([]);
    // The staging preview shows the editor the same failure a visitor would get.
    await http().get(`/preview/${site.slug}/`).set(auth(site.tokens.reviewer)).expect(500);

    const load = traffic(site);
    const { body: started } = await client.promote(fingerprint).expect(202);
    const job = await client.waitForJob(started.id, 'rolled_back');
    const { seen, after, submitted, events } = await load.stop();
    expectOldMaintenanceOld(seen, after);

    expect(job.error).toMatchObject({ code: 'post_swap_check_failed' });
    expect(job.error.message).toContain(`/sites/${site.slug}/`);
    expect(job.error.details).toEqual([
      {
        check: 'home',
        path: '/',
        url: `/sites/${site.slug}/`,
        status: 500,
        expected: 'rendered without error, not 5xx',
        error: expect.stringMatching(/^The template of component card failed to render: .*"card-wide"/),
      },
    ]);
    const production = (await client.site()).environments.production;
    expect(production).toMatchObject({ stateId: before.stateId, version: before.version + 2, maintenance: null });
    expect(job.toVersion).toBe(production.version);
    const rolledBack = (await audit(site)).find((e: { action: string }) => e.action === 'promotion.rolled_back');
    expect(rolledBack).toMatchObject({ subject: job.id, details: expect.objectContaining({ automatic: true }) });
    await expectUserStateKept(site, submitted, events);
  });

  // A prober reading production's home page, and visitors sending forms and analytics, until stop().
  function traffic(site: TestSite) {
    const seen: string[] = [];
    let submitted = 0;
    let events = 0;
    let running = true;
    const prober = (async () => {
      while (running) {
        const now = await seenBy(site);
        if (seen[seen.length - 1] !== now) seen.push(now);
      }
    })();
    const visitors = (async () => {
      for (let n = 0; running; n++) {
        await http()
          .post(`/sites/${site.slug}/forms/contact`)
          .set('Accept', 'application/json')
          .set('X-Forwarded-For', `10.1.${Math.floor(n / 250)}.${n % 250}`)
          .send({ name: `visitor ${n}` })
          .expect((r) => expect(r.status).toBeLessThan(300));
        submitted++;
        await http().post(`/sites/${site.slug}/collect`).send({ event: 'page_view', path: '/' }).expect(202);
        events++;
      }
    })();
    return {
      /** Call once the job has its verdict: 20 more reads, then the counts. */
      async stop() {
        const after: string[] = [];
        for (let i = 0; i < 20; i++) after.push(await seenBy(site));
        running = false;
        await Promise.all([prober, visitors]);
        return { seen, after, submitted, events };
      },
    };
  }

  function expectOldMaintenanceOld(seen: string[], after: string[]) {
    // After the verdict: every answer is the old page, never a 5xx.
    expect(after).toEqual(after.map(() => 'old'));
    expect(seen[0]).toBe('old');
    expect(seen[seen.length - 1]).toBe('old');
    for (const answer of seen) expect(['old', 'maintenance']).toContain(answer);
  }

  // User state written before, during and after the swaps is all there.
  async function expectUserStateKept(site: TestSite, submitted: number, events: number) {
    const stored = await http()
      .get(`/api/sites/${site.slug}/production/submissions?limit=500`)
      .set(auth(site.tokens.owner))
      .expect(200);
    expect(stored.body.items).toHaveLength(submitted);
    expect(submitted).toBeGreaterThan(0);
    await eventually(async () => {
      const analytics = await http()
        .get(`/api/sites/${site.slug}/production/analytics`)
        .set(auth(site.tokens.owner))
        .expect(200);
      expect(analytics.body.total).toBe(events);
    });
    const sessions = await http()
      .get(`/api/sites/${site.slug}/production/sessions`)
      .set(auth(site.tokens.owner))
      .expect(200);
    expect(sessions.body.count).toBeGreaterThan(0);
  }

  it('lets a clean promotion go live after checking the home page, the first 50 changed pages and the smoke checks', async () => {
    const site = await createSite(app, 'verify-clean');
    const client = stagingClient(app, site);
    await stage(client, 'Welcome mk-old');
    await client.promoteAll();
    await settings(site, {
      smokeChecks: [
        { path: '/', status: 200, contains: 'Tea & cake' },
        { path: '/no-such-page', status: 404 },
      ],
    }).expect(200);
    await stage(client, 'Tea & cake mk-new');
    const entities = Array.from({ length: 55 }, (_, i) => ({
      type: 'page',
      key: `p${i}`,
      data: { title: `Page ${i}`, path: `/p/${String(i).padStart(2, '0')}`, blocks: [] },
      publish: true,
    }));
    await http()
      .post(`/api/sites/${site.slug}/staging/import`)
      .set(auth(site.tokens.editor))
      .send({ entities })
      .expect((r) => expect(r.status).toBeLessThan(300));

    const job = await client.promoteAll();
    // 56 pages changed: the first 50 by route (the home page first among them), then the 2 smoke checks
    expect(job.result.verification).toEqual({ verdict: 'passed', checked: 50 + 2, failures: [] });
    expect(job.timings.verifyMs).toEqual(expect.any(Number));
    expect(job.error).toBeNull();
    expect(await seenBy(site)).toBe('new');
    expect((await client.site()).environments.production.maintenance).toBeNull();
    expect((await audit(site)).some((e: { action: string }) => e.action === 'promotion.rolled_back')).toBe(false);
  });

  it('checks a scheduled promotion too, rolling back to the head it fired on', async () => {
    const site = await createSite(app, 'verify-scheduled');
    const client = stagingClient(app, site);
    await stage(client, 'Open mk-old');
    await client.put('page', 'menu', { title: 'Menu', path: '/menu', blocks: [] });
    await client.publish('page', 'menu');
    await client.promoteAll();
    const before = (await client.site()).environments.production;
    await settings(site, { smokeChecks: [{ path: '/menu', status: 200 }] }).expect(200);
    await client.remove('page', 'menu'); // the candidate loses a page a smoke check expects: 404, not 200
    await stage(client, 'Open mk-new');

    const { fingerprint } = await client.preview();
    const runAt = new Date(Date.now() + 1500).toISOString();
    // The launch report flags the lost /menu too; acknowledged, so the post-swap check is what stops it.
    const { body: scheduled } = await client
      .promote(fingerprint, { runAt, acknowledgeChecks: ['url_removed_without_redirect'] })
      .expect(202);
    expect(scheduled.status).toBe('scheduled');
    const job = await client.waitForJob(scheduled.id, 'rolled_back');
    expect(job.error.details).toEqual([
      expect.objectContaining({ check: 'smoke', path: '/menu', status: 404, expected: 'status 200' }),
    ]);
    expect((await client.site()).environments.production).toMatchObject({
      stateId: before.stateId,
      version: before.version + 2,
    });
    expect(await seenBy(site)).toBe('old');
  });

  it('refuses smoke checks that are not valid, naming the field, and writes nothing', async () => {
    const site = await createSite(app, 'verify-settings');
    const good = { path: '/', status: 200, contains: 'Welcome' };
    await settings(site, { smokeChecks: [good] }).expect(200);
    const cases: [unknown, string][] = [
      [[{ path: 'menu', status: 200 }], 'body.smokeChecks[0].path'],
      [[{ path: '/a/../b', status: 200 }], 'body.smokeChecks[0].path'],
      [[{ path: `/${'a'.repeat(2000)}`, status: 200 }], 'body.smokeChecks[0].path'],
      [[good, { path: '/', status: 99 }], 'body.smokeChecks[1].status'],
      [[{ path: '/', status: 600 }], 'body.smokeChecks[0].status'],
      [[{ path: '/', status: 200.5 }], 'body.smokeChecks[0].status'],
      [[{ path: '/', status: 200, contains: 'x'.repeat(501) }], 'body.smokeChecks[0].contains'],
      [[{ path: '/' }], 'body.smokeChecks[0].status'],
      [[{ path: '/', status: 200, extra: 1 }], 'body.smokeChecks[0].extra'],
      [Array.from({ length: 21 }, () => good), 'body.smokeChecks'],
      [{ path: '/', status: 200 }, 'body.smokeChecks'],
    ];
    for (const [smokeChecks, path] of cases) {
      const response = await settings(site, { requiredApprovals: 3, smokeChecks }).expect(400);
      expect(response.body.error.code).toBe('validation_failed');
      expect(response.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    await settings(site, { smokeChecks: [] }, site.tokens.editor).expect(403);
    const stored = await client(site).site();
    expect(stored).toMatchObject({ smokeChecks: [good], requiredApprovals: 0 });
    const twenty = Array.from({ length: 20 }, (_, i) => ({ path: `/p${i}`, status: 200 }));
    expect((await settings(site, { smokeChecks: twenty }).expect(200)).body.smokeChecks).toEqual(twenty);
  });

  const client = (site: TestSite) => stagingClient(app, site);
});
