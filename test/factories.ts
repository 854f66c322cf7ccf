import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { auth } from './app';

let counter = 0;

export interface TestSite {
  id: string;
  slug: string;
  tokens: { owner: string; editor: string; reviewer: string };
}

/** A fresh site with one token per role; every test gets its own, so tests never share state. */
export async function createSite(app: INestApplication, prefix = 'site'): Promise<TestSite> {
  const slug = `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}`;
  const http = () => request(app.getHttpServer());
  const { body: site } = await http()
    .post('/api/sites')
    .set(auth())
    .send({ slug, name: `Test ${slug}` })
    .expect(201);
  const token = async (role: string) =>
    (await http().post(`/api/sites/${slug}/tokens`).set(auth()).send({ role, label: role }).expect(201)).body
      .token as string;
  return {
    id: site.id,
    slug,
    tokens: { owner: await token('owner'), editor: await token('editor'), reviewer: await token('reviewer') },
  };
}

/** A minimal valid body for every promotable type (references resolve within the set). */
export const MINIMAL_BODIES: Record<string, unknown> = {
  page: { title: 'Home', path: '/', blocks: [{ id: 'h1', type: 'heading', text: 'Welcome', level: 1 }] },
  post: { title: 'First', path: '/blog/first', blocks: [{ id: 't1', type: 'text', text: 'Hello' }] },
  theme: { colors: { primary: '#333333' } },
  stylesheet: { css: 'body { color: #333; }' },
  layout: { header: [], footer: [] },
  component_override: { component: 'button', props: { rounded: true } },
  custom_object_type: { name: 'Product' },
  custom_field: { objectType: 'product', name: 'price', fieldType: 'number' },
  custom_object: { objectType: 'product', values: { price: 12 } },
  form: { title: 'Contact', fields: [{ name: 'email', type: 'email', label: 'Email', required: true }] },
  popup: { title: 'Sale', body: 'Ten percent off' },
  integration: { kind: 'webhook', url: 'https://hooks.example.test/in' },
  site_settings: { title: 'Acme', description: 'Coffee' },
  redirect: { from: '/old', to: '/new', status: 301 },
  robots_txt: { body: 'User-agent: *\nAllow: /' },
  consent_rule: { category: 'analytics', scripts: [], bannerText: 'We use cookies' },
  media: { sha256: 'a'.repeat(64), size: 3, contentType: 'image/png' },
};
