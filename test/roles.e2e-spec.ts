import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { auth, createTestApp } from './app';
import { eventually } from './eventually';
import { createSite, TestSite } from './factories';
import { ROLE_TABLE, roleTableMarkdown, rolesIn, routeId, type RouteAccess } from './role-table';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==',
  'base64',
);

/** A concrete request for a route: the path's parameters, and a body that the route accepts. */
interface Call {
  params?: Record<string, string>;
  body?: object;
  headers?: Record<string, string>;
  file?: boolean;
}

type Principal = 'admin' | 'owner' | 'editor' | 'reviewer';

describe('who may call what', () => {
  let app: NestExpressApplication;
  let site: TestSite;
  let otherSite: TestSite;
  let jobId: string;
  let promotionId: string;
  let counter = 0;
  const unique = (prefix: string) => `${prefix}-${counter++}`;
  const http = () => request(app.getHttpServer());
  const tokenOf = (who: Principal) => (who === 'admin' ? undefined : site.tokens[who]);
  const putStaging = (type: string, key: string, data: object) =>
    http().put(`/api/sites/${site.slug}/staging/content/${type}/${key}`).set(auth()).send({ data }).expect(201);
  const breakGlass = { 'X-Break-Glass': 'role table test' };

  // A request each route accepts from an allowed caller; what it needs is made fresh for every call.
  const CALLS: Record<string, () => Promise<Call>> = {
    'POST /api/sites': async () => ({ body: { slug: unique(`roles-${process.pid}`), name: 'Roles' } }),
    'PATCH /api/sites/:site': async () => ({ body: { trustedCustomCode: false } }),
    'POST /api/sites/:site/tokens': async () => ({ body: { role: 'reviewer', label: 'roles' } }),
    'DELETE /api/sites/:site/tokens/:id': async () => {
      const { body } = await http()
        .post(`/api/sites/${site.slug}/tokens`)
        .set(auth())
        .send({ role: 'reviewer', label: 'to revoke' })
        .expect(201);
      return { params: { id: body.id } };
    },
    'PUT /api/sites/:site/staging/content/:type/:key': async () => ({
      params: { type: 'popup', key: unique('put') },
      body: { data: { title: 'Put' } },
    }),
    'DELETE /api/sites/:site/staging/content/:type/:key': async () => {
      const key = unique('delete');
      await putStaging('popup', key, { title: 'Delete me' });
      return { params: { type: 'popup', key } };
    },
    'POST /api/sites/:site/staging/content/:type/:key/publish': async () => {
      const key = unique('publish');
      await putStaging('page', key, { title: 'P', path: `/${key}`, blocks: [] });
      return { params: { type: 'page', key } };
    },
    'POST /api/sites/:site/staging/content/:type/:key/unpublish': async () => {
      const key = unique('unpublish');
      await putStaging('page', key, { title: 'P', path: `/${key}`, blocks: [] });
      return { params: { type: 'page', key } };
    },
    'POST /api/sites/:site/staging/import': async () => ({
      body: { entities: [{ type: 'popup', key: unique('import'), data: { title: 'Imported' } }] },
    }),
    'POST /api/sites/:site/staging/adopt': async () => ({ body: { type: 'popup', key: 'readable' } }),
    'PUT /api/sites/:site/production/content/:type/:key': async () => ({
      params: { type: 'popup', key: unique('glass') },
      body: { data: { title: 'Break glass' } },
      headers: breakGlass,
    }),
    'DELETE /api/sites/:site/production/content/:type/:key': async () => {
      const key = unique('glass-delete');
      await http()
        .put(`/api/sites/${site.slug}/production/content/popup/${key}`)
        .set(auth())
        .set(breakGlass)
        .send({ data: { title: 'Delete me' } })
        .expect(201);
      return { params: { type: 'popup', key }, headers: breakGlass };
    },
    'POST /api/sites/:site/staging/media': async () => ({ file: true }),
    'GET /api/jobs/:id': async () => ({ params: { id: jobId } }),
    'GET /api/jobs/:id/events': async () => ({ params: { id: jobId } }),
    'POST /api/jobs/:id/cancel': async () => ({ params: { id: jobId } }),
    'POST /api/admin/self-test': async () => ({ body: {} }),
    'POST /api/sites/:site/snapshots': async () => ({ body: { label: unique('roles') } }),
    'PUT /api/sites/:site/:env/domains': async () => ({
      body: { domains: [{ host: `${unique('roles')}.example.test`, primary: true }] },
    }),
    'POST /api/sites/:site/review-links': async () => ({ body: { expiresInHours: 1 } }),
    'DELETE /api/sites/:site/review-links/:id': async () => {
      const { body } = await http()
        .post(`/api/sites/${site.slug}/review-links`)
        .set(auth())
        .send({ expiresInHours: 1 })
        .expect(201);
      return { params: { id: body.id } };
    },
    'PUT /api/sites/:site/production/maintenance': async () => ({ body: { reason: 'roles', ttlSeconds: 60 } }),
    'POST /api/admin/gc': async () => ({ body: {} }),
    'POST /api/sites/:site/promotion/approvals': async () => ({
      body: {
        fingerprint: (await http().get(`/api/sites/${site.slug}/promotion/preview`).set(auth()).expect(200)).body
          .fingerprint,
      },
    }),
    'POST /api/sites/:site/staging/reset': async () => ({ body: { confirm: 'not-the-slug' } }),
    'POST /api/sites/:site/webhooks': async () => ({ body: { url: 'http://127.0.0.1:9/roles', events: ['*'] } }),
    'DELETE /api/sites/:site/webhooks/:id': async () => ({ params: { id: (await webhook()).id } }),
    'GET /api/sites/:site/webhooks/:id/deliveries': async () => ({ params: { id: (await webhook()).id } }),
    'GET /api/sites/:site/promotions/:id/changelog': async () => ({ params: { id: promotionId } }),
  };
  const webhook = async () =>
    (
      await http()
        .post(`/api/sites/${site.slug}/webhooks`)
        .set(auth())
        .send({ url: 'http://127.0.0.1:9/roles', events: ['promotion.succeeded'] })
        .expect(201)
    ).body;

  const send = async (r: RouteAccess, token: string | undefined | null, siteSlug = site.slug, env = 'staging') => {
    const call = await (CALLS[routeId(r)] ?? (async () => ({})))();
    const params: Record<string, string> = {
      site: siteSlug,
      env,
      type: 'popup',
      key: 'readable',
      id: randomUUID(),
      ...call.params,
    };
    const url = r.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name]));
    let req = http()[r.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url);
    if (token !== null) req = req.set(auth(token));
    for (const [name, value] of Object.entries(call.headers ?? {})) req = req.set(name, value);
    if (call.file)
      return req.field('key', unique('upload')).attach('file', PNG, { filename: 'p.png', contentType: 'image/png' });
    return call.body === undefined ? req : req.send(call.body);
  };
  const envsOf = (r: RouteAccess) => (r.path.includes(':env') ? ['staging', 'production'] : ['staging']);

  beforeAll(async () => {
    app = await createTestApp();
    site = await createSite(app, 'roles');
    otherSite = await createSite(app, 'roles-other');
    await putStaging('popup', 'readable', { title: 'Readable' });
    await http()
      .put(`/api/sites/${site.slug}/production/content/popup/readable`)
      .set(auth())
      .set(breakGlass)
      .send({ data: { title: 'Readable' } })
      .expect(201);
    await http()
      .post(`/api/sites/${site.slug}/staging/media`)
      .set(auth())
      .field('key', 'readable')
      .attach('file', PNG, { filename: 'p.png', contentType: 'image/png' })
      .expect(201);
    // A finished promotion, whose changelog every role may read.
    const { fingerprint } = (await http().get(`/api/sites/${site.slug}/promotion/preview`).set(auth()).expect(200))
      .body;
    promotionId = (
      await http().post(`/api/sites/${site.slug}/promotions`).set(auth()).send({ fingerprint }).expect(202)
    ).body.id;
    await eventually(async () =>
      expect((await http().get(`/api/jobs/${promotionId}`).set(auth()).expect(200)).body.status).toBe('succeeded'),
    );
    // A finished job, so that its event stream ends instead of waiting for changes.
    jobId = (await http().post('/api/admin/self-test').set(auth()).send({}).expect(202)).body.id;
    await eventually(async () =>
      expect((await http().get(`/api/jobs/${jobId}`).set(auth()).expect(200)).body.status).toBe('succeeded'),
    );
  });
  afterAll(() => app.close());

  it.each(ROLE_TABLE.map((r) => [routeId(r), r] as const))('%s', async (_, r) => {
    for (const env of envsOf(r)) {
      for (const who of ['admin', 'owner', 'editor', 'reviewer'] as const) {
        const response = await send(r, tokenOf(who), site.slug, env);
        const allowed = who === 'admin' || rolesIn(r, env).includes(who);
        const outcome = `${who} on ${env}: ${response.status} ${JSON.stringify(response.body?.error ?? '')}`;
        if (allowed)
          expect({ outcome, refused: [401, 403].includes(response.status) }).toEqual({ outcome, refused: false });
        else
          expect({ outcome, status: response.status, code: response.body.error?.code }).toEqual({
            outcome,
            status: 403,
            code: r.refusal,
          });
      }
      const anonymous = await send(r, null, site.slug, env);
      expect([anonymous.status, anonymous.body.error?.code]).toEqual([401, 'unauthenticated']);
      // Routes without :site (listing sites, jobs) show a token only its own site's things instead of refusing.
      if (r.path.includes(':site')) {
        const stranger = await send(r, otherSite.tokens.owner, site.slug, env);
        expect([stranger.status, stranger.body.error?.code]).toEqual([403, 'forbidden']);
      }
    }
  });

  it('lists every /api route that a controller declares, /metrics, and no other', () => {
    const declared = declaredRoutes(app).filter((id) => /^\/api\/|^\/metrics$/.test(id.split(' ')[1]));
    const listed = ROLE_TABLE.map(routeId);
    expect({ missingFromTable: declared.filter((id) => !listed.includes(id)) }).toEqual({ missingFromTable: [] });
    expect({ noLongerDeclared: listed.filter((id) => !declared.includes(id)) }).toEqual({ noLongerDeclared: [] });
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('is the table that docs/roles.md shows', () => {
    const doc = readFileSync(path.join(__dirname, '..', 'docs', 'roles.md'), 'utf8');
    expect(doc).toContain(roleTableMarkdown());
  });
});

/** "METHOD /path" of every handler of every controller, read from Nest's own route metadata. */
function declaredRoutes(app: NestExpressApplication): string[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const routes: string[] = [];
  for (const { metatype, instance } of discovery.getControllers()) {
    if (!metatype || !instance) continue;
    const prefixes = [Reflect.getMetadata(PATH_METADATA, metatype) ?? ''].flat() as string[];
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = (instance as Record<string, unknown>)[name] as object;
      const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (paths === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      for (const prefix of prefixes)
        for (const p of [paths].flat())
          routes.push(`${method} /${[prefix, p].map(trimSlashes).filter(Boolean).join('/')}`);
    }
  }
  return routes;
}

const trimSlashes = (s: string) => s.replace(/^\/+|\/+$/g, '');
