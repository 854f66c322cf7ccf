import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { auth } from './app';
import { eventually } from './eventually';
import type { TestSite } from './factories';

/** A real 1×1 PNG; `variant` makes bytes (and so the sha256) differ. */
export function png(variant = ''): Buffer {
  const pixel = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==',
    'base64',
  );
  return Buffer.concat([pixel, Buffer.from(variant)]);
}

/** Client-side steps of the product, as an editor would take them, for one site. */
export function stagingClient(app: INestApplication, site: TestSite) {
  const http = () => request(app.getHttpServer());
  const base = `/api/sites/${site.slug}`;
  const client = {
    http,
    put: async (type: string, key: string, data: unknown) =>
      (
        await http()
          .put(`${base}/staging/content/${type}/${key}`)
          .set(auth(site.tokens.editor))
          .send({ data })
          .expect((r) => {
            if (r.status !== 200 && r.status !== 201)
              throw new Error(`PUT ${type}/${key} → ${r.status} ${JSON.stringify(r.body)}`);
          })
      ).body,
    publish: async (type: string, key: string) =>
      (await http().post(`${base}/staging/content/${type}/${key}/publish`).set(auth(site.tokens.editor)).expect(200))
        .body,
    remove: async (type: string, key: string) =>
      http().delete(`${base}/staging/content/${type}/${key}`).set(auth(site.tokens.editor)).expect(204),
    upload: async (key: string, bytes: Buffer) =>
      (
        await http()
          .post(`${base}/staging/media`)
          .set(auth(site.tokens.editor))
          .field('key', key)
          .attach('file', bytes, { filename: `${key}.png`, contentType: 'image/png' })
          .expect(201)
      ).body,
    preview: async (query = '') =>
      (await http().get(`${base}/promotion/preview${query}`).set(auth(site.tokens.editor)).expect(200)).body,
    promote: (fingerprint: string, extra: Record<string, unknown> = {}, token = site.tokens.editor) =>
      http()
        .post(`${base}/promotions`)
        .set(auth(token))
        .send({ fingerprint, ...extra }),
    job: async (id: string) => (await http().get(`/api/jobs/${id}`).set(auth(site.tokens.reviewer)).expect(200)).body,
    waitForJob: (id: string, status = 'succeeded', timeoutMs = 30_000) =>
      eventually(
        async () => {
          const job = await client.job(id);
          if (status === 'succeeded' && job.status === 'failed')
            throw Object.assign(new Error(`job failed: ${JSON.stringify(job.error)}`), { final: true });
          expect(job.status).toBe(status);
          return job;
        },
        { timeoutMs, intervalMs: 50 },
      ),
    production: async (type: string, key: string) =>
      http().get(`${base}/production/content/${type}/${key}`).set(auth(site.tokens.reviewer)),
    site: async () => (await http().get(base).set(auth()).expect(200)).body,
    /** The preview of promoting only `select` (POST, as the console sends it). */
    previewSelection: async (select: { entities?: { type: string; key: string }[]; types?: string[] }) =>
      (await http().post(`${base}/promotion/preview`).set(auth(site.tokens.editor)).send({ select }).expect(200)).body,
    /** Preview, promote and wait: the happy path in one call. */
    promoteAll: async (extra: Record<string, unknown> = {}) => {
      const { fingerprint } = await client.preview();
      const { body: job } = await client.promote(fingerprint, extra).expect(202);
      return client.waitForJob(job.id);
    },
  };
  return client;
}

/** Staging with every promotable type, references resolving, pages and the post published. */
export async function stageEveryType(client: ReturnType<typeof stagingClient>): Promise<Record<string, string>> {
  await client.upload('hero', png('hero'));
  const keys: Record<string, string> = {};
  const write = async (type: string, key: string, data: unknown) => {
    await client.put(type, key, data);
    keys[type] = key;
  };
  await write('form', 'contact', {
    title: 'Contact',
    fields: [{ name: 'email', type: 'email', label: 'Email', required: true }],
  });
  await write('custom_object_type', 'product', { name: 'Product' });
  await write('custom_field', 'price', { objectType: 'product', name: 'price', fieldType: 'number' });
  await write('custom_object', 'espresso', { objectType: 'product', values: { price: 3 } });
  await write('component_override', 'button', { component: 'button', props: { rounded: true } });
  await write('layout', 'main', { header: [{ type: 'component', component: 'button' }], footer: [] });
  await write('theme', 'default', { colors: { primary: '#6b3e26' } });
  await write('stylesheet', 'custom', { css: 'h1 { color: #6b3e26; }' });
  await write('popup', 'sale', { title: 'Sale', body: 'Ten percent off', form: 'contact' });
  await write('integration', 'crm', { kind: 'webhook', url: 'https://hooks.example.test/crm' });
  await write('site_settings', 'main', { title: 'Acme Coffee', description: 'Roasted daily' });
  await write('redirect', 'old-about', { from: '/old-about', to: '/about', status: 301 });
  await write('robots_txt', 'main', { body: 'User-agent: *\nAllow: /' });
  await write('consent_rule', 'analytics', { category: 'analytics', scripts: [], bannerText: 'We use cookies' });
  await write('page', 'home', {
    title: 'Home',
    path: '/',
    layout: 'main',
    blocks: [
      { id: 'h', type: 'heading', text: 'Fresh coffee', level: 1 },
      { id: 'i', type: 'image', media: 'hero', alt: 'Beans' },
      { id: 'f', type: 'form', form: 'contact' },
    ],
  });
  await client.publish('page', 'home');
  await write('post', 'first-roast', {
    title: 'First roast',
    path: '/blog/first-roast',
    blocks: [{ id: 't', type: 'text', text: 'It went well.' }],
  });
  await client.publish('post', 'first-roast');
  keys.media = 'hero';
  return keys;
}
