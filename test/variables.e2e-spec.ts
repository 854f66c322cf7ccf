import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { auth, createTestApp } from './app';
import { eventually } from './eventually';
import { createSite, type TestSite } from './factories';
import { stagingClient } from './staging';

describe('environment variables', () => {
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());
  beforeAll(async () => (app = await createTestApp()));
  afterAll(() => app.close());

  const putVariables = (site: TestSite, env: string, body: object, token = site.tokens.owner) =>
    http().put(`/api/sites/${site.slug}/${env}/variables`).set(auth(token)).send(body);
  const getVariables = async (site: TestSite, env: string) =>
    (await http().get(`/api/sites/${site.slug}/${env}/variables`).set(auth(site.tokens.editor)).expect(200)).body
      .variables;
  const home = (text: string) => ({ title: 'Home', path: '/', blocks: [{ id: 't', type: 'text', text }] });

  async function siteUsing(text: string) {
    const site = await createSite(app, 'vars');
    const client = stagingClient(app, site);
    await client.put('page', 'home', home(text));
    await client.publish('page', 'home');
    return { site, client };
  }

  it('renders each environment with its own values, and keeps them out of states and diffs', async () => {
    const { site, client } = await siteUsing('Tag {{env.GA_ID}}');
    await putVariables(site, 'staging', { GA_ID: 'G-STAGING' }).expect(200);
    await putVariables(site, 'production', { GA_ID: 'G-PROD' }).expect(200);
    const preview = await client.preview();
    expect(JSON.stringify(preview)).not.toMatch(/G-PROD|G-STAGING/);
    await client.promoteAll();
    expect((await http().get(`/sites/${site.slug}/`).expect(200)).text).toContain('Tag G-PROD');
    const staged = await http().get(`/preview/${site.slug}/`).set(auth(site.tokens.reviewer)).expect(200);
    expect(staged.text).toContain('Tag G-STAGING');
    expect((await client.production('page', 'home')).body.data.blocks[0].text).toBe('Tag {{env.GA_ID}}');
  });

  it('re-renders when a value changes, with no promotion (the change is announced to every node)', async () => {
    const { site, client } = await siteUsing('Tag {{env.GA_ID}}');
    await putVariables(site, 'production', { GA_ID: 'G-ONE' }).expect(200);
    await client.promoteAll();
    expect((await http().get(`/sites/${site.slug}/`).expect(200)).text).toContain('Tag G-ONE');
    await putVariables(site, 'production', { GA_ID: 'G-TWO' }).expect(200);
    // Announced over Redis pub/sub, so a node's cache refreshes a moment later (at most its TTL without it).
    await eventually(async () =>
      expect((await http().get(`/sites/${site.slug}/`).expect(200)).text).toContain('Tag G-TWO'),
    );
    expect((await client.site()).environments.production.version).toBe(1);
  });

  it('fails a promotion whose content uses a variable production does not define, and passes once it does', async () => {
    const { site, client } = await siteUsing('Map {{env.MAPS_KEY}}');
    const { fingerprint } = await client.preview();
    // The launch report refuses it before it starts; acknowledged, the job's validate step still does.
    expect((await client.promote(fingerprint).expect(409)).body.error.code).toBe('launch_checks_failed');
    const { body: started } = await client
      .promote(fingerprint, { acknowledgeChecks: ['variable_missing'] })
      .expect(202);
    const failed = await client.waitForJob(started.id, 'failed');
    expect(failed.error).toMatchObject({ code: 'variables_missing', details: [{ variable: 'MAPS_KEY' }] });
    expect((await client.site()).environments.production.version).toBe(0);
    await putVariables(site, 'production', { MAPS_KEY: { value: 'maps-secret-key', secret: true } }).expect(200);
    await client.promoteAll();
    // A secret is defined for the check, but never rendered into a page.
    const page = (await http().get(`/sites/${site.slug}/`).expect(200)).text;
    expect(page).not.toContain('maps-secret-key');
    expect(page).not.toContain('{{env.MAPS_KEY}}');
  });

  it("checks the variables that forms and integration destinations use, and answers a form with production's", async () => {
    const { site, client } = await siteUsing('Welcome');
    await client.put('form', 'contact', {
      title: 'Contact',
      fields: [{ name: 'email', type: 'email', required: true }],
      successMessage: 'Thanks, {{env.TEAM_NAME}} will answer.',
    });
    await client.put('integration', 'crm', {
      kind: 'webhook',
      url: 'https://{{env.CRM_HOST}}/hooks/leads',
      secret: '{{env.CRM_SECRET}}',
      events: ['form.submitted'],
    });
    // A secret is a reference, never a value stored in content (it would be promoted and shown in every diff).
    const literal = await http()
      .put(`/api/sites/${site.slug}/staging/content/integration/crm`)
      .set(auth(site.tokens.editor))
      .send({ data: { url: 'https://crm.example/in', secret: 'sk_live_1' } })
      .expect(400);
    expect(literal.body.error.details).toEqual([expect.objectContaining({ path: 'data.secret' })]);

    const missing = async () =>
      (await client.preview()).checks
        .filter((c: { code: string }) => c.code === 'variable_missing')
        .map((c: { key: string }) => c.key);
    expect(await missing()).toEqual(['CRM_HOST', 'CRM_SECRET', 'TEAM_NAME']);
    await putVariables(site, 'production', {
      TEAM_NAME: 'the shop team',
      CRM_HOST: 'crm.example',
      CRM_SECRET: { value: 'crm-signing-key', secret: true },
    }).expect(200);
    expect(await missing()).toEqual([]);
    await client.promoteAll();
    const stored = (await client.production('integration', 'crm')).body.data;
    expect(stored).toMatchObject({ url: 'https://{{env.CRM_HOST}}/hooks/leads', secret: '{{env.CRM_SECRET}}' });

    const answer = await http().post(`/sites/${site.slug}/forms/contact`).type('form').send({ email: 'a@b.example' });
    expect(answer.status).toBe(303);
    const thanks = await http().get(answer.headers.location).expect(200);
    expect(thanks.text).toContain('Thanks, the shop team will answer.');
  });

  it('shows secrets masked, keeps one on request, and lets only owners write', async () => {
    const site = await createSite(app, 'vars-secret');
    await putVariables(site, 'production', { STRIPE: { value: 'sk_live_1234567890', secret: true }, GA: 'G-1' }).expect(
      200,
    );
    expect(await getVariables(site, 'production')).toEqual({
      GA: { value: 'G-1', secret: false },
      STRIPE: { value: null, secret: true, masked: '••••90' },
    });
    await putVariables(site, 'production', { STRIPE: { keep: true }, GA: 'G-2' }).expect(200);
    expect((await getVariables(site, 'production')).STRIPE).toEqual({ value: null, secret: true, masked: '••••90' });
    await putVariables(site, 'production', { GA: 'x' }, site.tokens.editor).expect(403);
    const audit = await http().get(`/api/sites/${site.slug}/audit?limit=50`).set(auth()).expect(200);
    expect(JSON.stringify(audit.body)).not.toContain('sk_live_1234567890');
    expect(audit.body.items.map((a: { action: string }) => a.action)).toContain('variables.replaced');
  });

  it('refuses bad names, values and keeps with a 400 naming the field, writing nothing', async () => {
    const site = await createSite(app, 'vars-bad');
    await putVariables(site, 'staging', { KEPT: 'yes' }).expect(200);
    const cases: [object, string][] = [
      [{ lower: 'x' }, 'body.lower'],
      [{ '1A': 'x' }, 'body.1A'],
      [{ [`A${'B'.repeat(64)}`]: 'x' }, 'body.A'],
      [{ NOPE: { keep: true } }, 'body.NOPE'],
      [{ LONG: 'x'.repeat(5000) }, 'LONG'],
      [{ NUM: 42 }, 'NUM'],
      [{ OBJ: { value: 'x', extra: true } }, 'OBJ'],
    ];
    for (const [body, path] of cases) {
      const { body: answer } = await putVariables(site, 'staging', body).expect(400);
      expect(answer.error.code).toBe('validation_failed');
      expect(JSON.stringify(answer.error.details)).toContain(path);
    }
    expect(await getVariables(site, 'staging')).toEqual({ KEPT: { value: 'yes', secret: false } });
  });
});
