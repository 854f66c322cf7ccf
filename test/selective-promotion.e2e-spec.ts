import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { auth, createTestApp } from './app';
import { createSite, type TestSite } from './factories';
import { png, stagingClient } from './staging';

const contact = {
  title: 'Contact',
  fields: [{ name: 'email', type: 'email', label: 'Email', required: true }],
  integrations: ['crm'],
};
const textPage = (title: string, path: string) => ({
  title,
  path,
  blocks: [{ id: 't', type: 'text', text: title }],
});

describe('selective promotion', () => {
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());
  beforeAll(async () => (app = await createTestApp()));
  afterAll(() => app.close());

  const previewOf = (site: TestSite, select: unknown, token = site.tokens.editor) =>
    http().post(`/api/sites/${site.slug}/promotion/preview`).set(auth(token)).send({ select });
  const promote = (site: TestSite, body: Record<string, unknown>, token = site.tokens.editor) =>
    http().post(`/api/sites/${site.slug}/promotions`).set(auth(token)).send(body);
  const page = (key: string) => ({ type: 'page', key });

  /** Production has home; staging adds ten pages, the first with a new form (sending to a new CRM) and image. */
  async function tenChangedPages() {
    const site = await createSite(app, 'selective');
    const client = stagingClient(app, site);
    await client.put('page', 'home', textPage('Home', '/'));
    await client.publish('page', 'home');
    await client.promoteAll();
    await client.upload('hero', png('hero'));
    await client.put('integration', 'crm', { kind: 'crm', url: 'https://hooks.example.test/crm' });
    await client.put('form', 'contact', contact);
    await client.put('page', 'p0', {
      title: 'Page 0',
      path: '/p0',
      blocks: [
        { id: 'i', type: 'image', media: 'hero', alt: 'Beans' },
        { id: 'f', type: 'form', form: 'contact' },
      ],
    });
    for (let i = 1; i < 10; i++) await client.put('page', `p${i}`, textPage(`Page ${i}`, `/p${i}`));
    for (let i = 0; i < 10; i++) await client.publish('page', `p${i}`);
    return { site, client };
  }

  it('promotes one page of ten with the form, integration and image it needs; the other nine stay pending', async () => {
    const { site, client } = await tenChangedPages();
    const stagingBefore = (await client.preview()).changes.map((c: any) => [c.type, c.key, c.staging.version]);
    const stagingVersion = (await client.site()).environments.staging.version;
    const { body: preview } = await previewOf(site, { entities: [page('p0')] }).expect(200);
    expect(preview.selection).toMatchObject({ selected: 1, needed: 3, closureTotal: 4, dangling: [] });
    expect(preview.changes.map((c: any) => [c.type, c.key, c.op, c.includedBecause])).toEqual([
      ['form', 'contact', 'added', page('p0')],
      ['integration', 'crm', 'added', { type: 'form', key: 'contact' }],
      ['media', 'hero', 'added', page('p0')],
      ['page', 'p0', 'added', null],
    ]);
    expect(preview.summary).toMatchObject({ added: 4, changed: 0, removed: 0, unchanged: 1 });
    expect(preview.fingerprint).toMatch(/^c\d+-h\d+-s[0-9a-f]{16}$/);
    // The same selection through GET's encoding has the same fingerprint.
    const viaGet = await client.preview('?entities=page:p0');
    expect(viaGet.fingerprint).toBe(preview.fingerprint);

    const { body: started } = await promote(site, {
      fingerprint: preview.fingerprint,
      select: { entities: [page('p0')] },
    }).expect(202);
    const job = await client.waitForJob(started.id);
    expect(job.result.entities).toBe(5);
    for (const [type, key] of [
      ['page', 'p0'],
      ['form', 'contact'],
      ['integration', 'crm'],
      ['media', 'hero'],
      ['page', 'home'],
    ])
      expect((await client.production(type, key)).status).toBe(200);
    expect((await client.production('page', 'p1')).status).toBe(404);
    expect((await http().get(`/sites/${site.slug}/media/hero`)).status).toBe(200);
    expect((await http().get(`/sites/${site.slug}/p0`)).status).toBe(200);

    const after = await client.preview();
    expect(after.changes.map((c: any) => c.key)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9']);
    expect(after.summary).toMatchObject({ added: 9, changed: 0, removed: 0, drift: 0 });
    // Staging's versions did not move.
    const stagingAfter = after.changes.map((c: any) => [c.type, c.key, c.staging.version]);
    expect(stagingAfter).toEqual(stagingBefore.filter(([type, key]: string[]) => type === 'page' && key !== 'p0'));
    const staged = await http().get(`/api/sites/${site.slug}/staging/content/page/p0`).set(auth(site.tokens.editor));
    expect(staged.body).toMatchObject({ version: 1 });
    expect((await client.site()).environments.staging.version).toBe(stagingVersion);
  });

  it('schedules a selection: at runAt it ships the reviewed page and what it needs, not later edits or the rest', async () => {
    const { site, client } = await tenChangedPages();
    const select = { entities: [page('p0')] };
    const { body: preview } = await previewOf(site, select).expect(200);
    const runAt = new Date(Date.now() + 2000).toISOString();
    const { body: job } = await promote(site, { fingerprint: preview.fingerprint, select, runAt }).expect(202);
    expect(job).toMatchObject({ status: 'scheduled', runAt });
    // Edited and published after scheduling: the schedule ships the state it pinned, not this.
    await client.put('page', 'p0', textPage('Page 0, edited later', '/p0'));
    await client.publish('page', 'p0');

    const done = await client.waitForJob(job.id);
    expect(done.result.entities).toBe(5); // home, p0, its form, the form's integration, the image
    expect((await client.production('page', 'p0')).body.data.title).toBe('Page 0');
    expect((await client.production('form', 'contact')).status).toBe(200);
    expect((await client.production('page', 'p1')).status).toBe(404);
    const after = await client.preview();
    expect(after.changes.map((c: any) => c.key)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9']);
  });

  // The report is the partial candidate's own: a link that resolves on staging may not resolve in production.
  it('reports a selected page linking to a page the selection leaves on staging, and a removal that breaks a link', async () => {
    const site = await createSite(app, 'selective-links');
    const client = stagingClient(app, site);
    const linking = (title: string, path: string, href: string) => ({
      title,
      path,
      blocks: [{ id: 'l', type: 'link', href, text: 'More' }],
    });
    await client.put('page', 'home', linking('Home', '/', '/old'));
    await client.put('page', 'old', textPage('Old', '/old'));
    for (const key of ['home', 'old']) await client.publish('page', key);
    await client.promoteAll();
    await client.put('page', 'a', linking('A', '/a', '/b'));
    await client.put('page', 'b', textPage('B', '/b'));
    for (const key of ['a', 'b']) await client.publish('page', key);

    const whole = (await previewOf(site, undefined).expect(200)).body;
    expect(whole.checks.filter((c: any) => c.code === 'broken_internal_link')).toEqual([]);
    const { body: selective } = await previewOf(site, { entities: [page('a')] }).expect(200);
    expect(selective.checks).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'broken_internal_link', type: 'page', key: 'a' })]),
    );

    // Removing /old on staging and selecting only that removal: home, which stays, now links nowhere.
    await http().delete(`/api/sites/${site.slug}/staging/content/page/old`).set(auth(site.tokens.editor)).expect(204);
    const { body: removal } = await previewOf(site, { entities: [page('old')] }).expect(200);
    expect(removal.checks).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'broken_internal_link', type: 'page', key: 'home' })]),
    );
  });

  it('follows the references of bodies a bulk import wrote', async () => {
    const site = await createSite(app, 'selective-import');
    const client = stagingClient(app, site);
    await http()
      .post(`/api/sites/${site.slug}/staging/import`)
      .set(auth(site.tokens.editor))
      .send({
        entities: [
          { type: 'form', key: 'order', data: { ...contact, integrations: [] } },
          {
            type: 'page',
            key: 'shop',
            data: { title: 'Shop', path: '/shop', blocks: [{ id: 'f', type: 'form', form: 'order' }] },
            publish: true,
          },
          { type: 'page', key: 'other', data: textPage('Other', '/other'), publish: true },
        ],
      })
      .expect(200);
    const { body: preview } = await previewOf(site, { entities: [page('shop')] }).expect(200);
    expect(preview.selection.closure.map((c: any) => [c.type, c.key, c.includedBecause])).toEqual([
      ['form', 'order', page('shop')],
      ['page', 'shop', null],
    ]);
    expect(preview.selection.dangling).toEqual([]);
    await client.waitForJob(
      (await promote(site, { fingerprint: preview.fingerprint, select: { entities: [page('shop')] } }).expect(202)).body
        .id,
    );
    expect((await client.production('form', 'order')).status).toBe(200);
    expect((await client.production('page', 'other')).status).toBe(404);
  });

  it('ships a selected removal and leaves the other changes of the type alone', async () => {
    const site = await createSite(app, 'selective-rm');
    const client = stagingClient(app, site);
    await client.put('popup', 'banner', { title: 'Banner' });
    await client.put('popup', 'sale', { title: 'Sale' });
    await client.put('page', 'about', textPage('About', '/about'));
    await client.publish('page', 'about');
    await client.promoteAll();
    await client.remove('popup', 'banner');
    await client.put('popup', 'sale', { title: 'Sale 2' });
    await client.put('page', 'about', textPage('About 2', '/about'));
    await client.publish('page', 'about');

    const select = { entities: [{ type: 'popup', key: 'banner' }] };
    const { body: preview } = await previewOf(site, select).expect(200);
    expect(preview.changes.map((c: any) => [c.key, c.op, c.includedBecause])).toEqual([['banner', 'removed', null]]);
    const { body: started } = await promote(site, { fingerprint: preview.fingerprint, select }).expect(202);
    const job = await client.waitForJob(started.id);
    expect(job.toVersion).toBe(2);
    expect((await client.production('popup', 'banner')).status).toBe(404);
    expect((await client.production('popup', 'sale')).body.data.title).toBe('Sale');
    expect((await client.production('page', 'about')).body.data.title).toBe('About');
    const after = await client.preview();
    expect(after.changes.map((c: any) => [c.type, c.key, c.op])).toEqual([
      ['page', 'about', 'changed'],
      ['popup', 'sale', 'changed'],
    ]);

    // By type: every change of that type (here the one popup left).
    const { body: byType } = await previewOf(site, { types: ['popup'] }).expect(200);
    expect(byType.selection).toMatchObject({ types: ['popup'], selected: 1, needed: 0 });
    expect(byType.changes.map((c: any) => c.key)).toEqual(['sale']);
  });

  it("warns when a selected page's look depends on a design change left on staging", async () => {
    const site = await createSite(app, 'selective-design');
    const client = stagingClient(app, site);
    await client.put('theme', 'default', { colors: { primary: '#111111' } });
    await client.put('page', 'menu', textPage('Menu', '/menu'));
    await client.publish('page', 'menu');
    await client.promoteAll();
    await client.put('theme', 'default', { colors: { primary: '#6b3e26' } });
    await client.put('stylesheet', 'custom', { css: 'h1 { color: red; }' });
    await client.put('page', 'menu', textPage('Menu 2', '/menu'));
    await client.publish('page', 'menu');

    const { body: alone } = await previewOf(site, { entities: [page('menu')] }).expect(200);
    const design = alone.checks.filter((c: any) => c.code === 'design_not_selected');
    expect(design.map((c: any) => [c.severity, c.type, c.key, c.details.op])).toEqual([
      ['warning', 'stylesheet', 'custom', 'added'],
      ['warning', 'theme', 'default', 'changed'],
    ]);
    expect(design[0].details.pages).toEqual([page('menu')]);

    const withDesign = { entities: [page('menu')], types: ['theme', 'stylesheet'] };
    const { body: together } = await previewOf(site, withDesign).expect(200);
    expect(together.checks.filter((c: any) => c.code === 'design_not_selected')).toEqual([]);
    // A warning does not block: the page alone is promoted.
    const { body: started } = await promote(site, {
      fingerprint: alone.fingerprint,
      select: { entities: [page('menu')] },
    }).expect(202);
    await client.waitForJob(started.id);
    expect((await client.production('theme', 'default')).body.data.colors.primary).toBe('#111111');
  });

  it('refuses a selection that would leave production referring to what it lacks', async () => {
    const site = await createSite(app, 'selective-dangling');
    const client = stagingClient(app, site);
    await client.put('form', 'contact', { ...contact, integrations: [] });
    await client.put('page', 'home', {
      title: 'Home',
      path: '/',
      blocks: [{ id: 'f', type: 'form', form: 'contact' }],
    });
    await client.publish('page', 'home');
    await client.promoteAll();
    await client.put('page', 'home', textPage('Home without form', '/'));
    await client.publish('page', 'home');
    await client.remove('form', 'contact');

    const select = { entities: [{ type: 'form', key: 'contact' }] };
    const { body: preview } = await previewOf(site, select).expect(200);
    const dangling = [{ type: 'page', key: 'home', refType: 'form', refKey: 'contact' }];
    expect(preview.selection.dangling).toEqual(dangling);
    const refused = await promote(site, { fingerprint: preview.fingerprint, select }).expect(409);
    expect(refused.body.error).toMatchObject({ code: 'dangling_references', details: dangling });
    // Selecting the page that stopped using it too makes it whole.
    const both = { entities: [...select.entities, page('home')] };
    const { body: fixed } = await previewOf(site, both).expect(200);
    expect(fixed.selection.dangling).toEqual([]);
    const { body: started } = await promote(site, { fingerprint: fixed.fingerprint, select: both }).expect(202);
    await client.waitForJob(started.id);
    expect((await client.production('form', 'contact')).status).toBe(404);
  });

  it('binds the fingerprint and approvals to the selection', async () => {
    const { site, client } = await tenChangedPages();
    const one = { entities: [page('p1')] };
    const two = { entities: [page('p2')] };
    const whole = await client.preview();
    const { body: p1 } = await previewOf(site, one).expect(200);
    const stale = async (body: Record<string, unknown>) =>
      expect((await promote(site, body).expect(409)).body.error.code).toBe('stale_preview');
    await stale({ fingerprint: whole.fingerprint, select: one });
    await stale({ fingerprint: p1.fingerprint, select: two });
    await stale({ fingerprint: p1.fingerprint });

    await http()
      .patch(`/api/sites/${site.slug}`)
      .set(auth(site.tokens.owner))
      .send({ requiredApprovals: 1 })
      .expect(200);
    const approve = (fingerprint: string) =>
      http()
        .post(`/api/sites/${site.slug}/promotion/approvals`)
        .set(auth(site.tokens.reviewer))
        .send({ fingerprint })
        .expect(201);
    await approve(whole.fingerprint);
    const unapproved = await promote(site, { fingerprint: p1.fingerprint, select: one }).expect(409);
    expect(unapproved.body.error.code).toBe('approval_required');
    const { body: approval } = await approve(p1.fingerprint);
    expect(approval).toMatchObject({ fingerprint: p1.fingerprint, current: true });
    const { body: started } = await promote(site, { fingerprint: p1.fingerprint, select: one }).expect(202);
    await client.waitForJob(started.id);
    expect((await client.production('page', 'p1')).status).toBe(200);
    expect((await client.production('page', 'p2')).status).toBe(404);
  });

  it('refuses bad selections with a code', async () => {
    const { site } = await tenChangedPages();
    const refused = async (select: unknown, status: number, code: string) => {
      const { body } = await previewOf(site, select).expect(status);
      expect(body.error.code).toBe(code);
      return body.error;
    };
    await refused({}, 400, 'empty_selection');
    await refused({ entities: [], types: [] }, 400, 'empty_selection');
    await refused({ types: ['gadget'] }, 400, 'validation_failed');
    await refused({ entities: [{ type: 'page' }] }, 400, 'validation_failed');
    await refused({ entities: 'page:p0' }, 400, 'validation_failed');
    await refused({ entities: [page('p0')], extra: 1 }, 400, 'validation_failed');
    const dup = await refused({ entities: [page('p0'), page('p0')] }, 400, 'duplicate_selection');
    expect(dup.details).toEqual([{ path: 'body.select.entities', id: 'page:p0' }]);
    const unknown = await refused({ entities: [page('p0'), page('nowhere')] }, 400, 'unknown_entities');
    expect(unknown.details).toEqual([page('nowhere')]);
    const many = Array.from({ length: 1001 }, (_, i) => page(`x${i}`));
    await refused({ entities: many }, 400, 'validation_failed');
    await refused({ entities: [page('home')] }, 400, 'empty_selection'); // home is the same on both sides
    const get = (query: string) =>
      http().get(`/api/sites/${site.slug}/promotion/preview${query}`).set(auth(site.tokens.editor));
    expect((await get('?entities=page').expect(400)).body.error.code).toBe('validation_failed');
    expect((await get('?types=gadget').expect(400)).body.error.code).toBe('validation_failed');
    expect((await get('?entities=page:p0,page:p0').expect(400)).body.error.code).toBe('duplicate_selection');
    const { body: p0 } = await previewOf(site, { entities: [page('p0')] }).expect(200);
    const bad = await promote(site, { fingerprint: p0.fingerprint, select: { entities: [page('p0')], more: 1 } });
    expect(bad.status).toBe(400);
    // Nothing was promoted by any of it.
    expect((await stagingClient(app, site).production('page', 'p0')).status).toBe(404);
  });

  it('serves a prober the whole old or the whole new selected page during the swap, and the rest unchanged', async () => {
    const site = await createSite(app, 'selective-traffic');
    const client = stagingClient(app, site);
    const stage = async (version: 'old' | 'new') => {
      await client.put('stylesheet', 'custom', { css: `body { --marker: mk-css-${version}; }` });
      await client.put('layout', 'main', {
        header: [{ id: 'h', type: 'text', text: `mk-layout-${version}` }],
        footer: [],
      });
      for (const key of ['probe', 'other']) {
        await client.put('page', key, {
          title: key,
          path: `/${key}`,
          layout: 'main',
          blocks: [{ id: 't', type: 'text', text: `mk-page-${version}` }],
        });
        await client.publish('page', key);
      }
    };
    await stage('old');
    await client.promoteAll();
    await stage('new');

    const markers = (html: string) =>
      ['page', 'css', 'layout'].map((part) => new RegExp(`mk-${part}-(old|new)`).exec(html)?.[1] ?? 'missing');
    const seen = { probe: new Map<string, number>(), other: new Map<string, number>() };
    let probing = true;
    const probe = async (path: 'probe' | 'other') => {
      while (probing) {
        const response = await http().get(`/sites/${site.slug}/${path}`);
        const key =
          response.status === 503
            ? 'maintenance'
            : response.status === 200
              ? markers(response.text).join('/')
              : `status ${response.status}`;
        seen[path].set(key, (seen[path].get(key) ?? 0) + 1);
      }
    };
    const probes = [probe('probe'), probe('other')];
    const select = { entities: [page('probe'), { type: 'stylesheet', key: 'custom' }] };
    const { body: preview } = await previewOf(site, select).expect(200);
    expect(preview.selection.closure.map((c: any) => `${c.type}/${c.key}`)).toEqual([
      'layout/main',
      'page/probe',
      'stylesheet/custom',
    ]);
    const { body: started } = await promote(site, { fingerprint: preview.fingerprint, select }).expect(202);
    await client.waitForJob(started.id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    probing = false;
    await Promise.all(probes);

    for (const key of seen.probe.keys()) expect(['old/old/old', 'new/new/new', 'maintenance']).toContain(key);
    expect(seen.probe.get('old/old/old')).toBeGreaterThan(0);
    expect(seen.probe.get('new/new/new')).toBeGreaterThan(0);
    // The unselected page keeps its own body; the design it shares came with the selection, all at once.
    for (const key of seen.other.keys()) expect(['old/old/old', 'old/new/new', 'maintenance']).toContain(key);
    expect(seen.other.get('old/new/new')).toBeGreaterThan(0);
  });
});
