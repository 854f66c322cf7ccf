import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { Agent } from 'node:http';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createDatabaseIfMissing } from '../src/platform/bootstrap/embedded-postgres';
import { auth, createTestApp } from './app';
import { createSite, type TestSite } from './factories';
import { breakGlass } from './public-content';
import { ROLE_TABLE, routeId, type RouteAccess } from './role-table';

// Every route of the role table, and the public site's, gets hostile values in every body field, query
// parameter and path parameter. Each must answer a 4xx (or a success) with a JSON error code, never a 5xx,
// and a refused request must leave the database as it was.

const DEEP = 100_000;
const b64 = (text: string) => Buffer.from(text).toString('base64url');

/** A hostile JSON value: `value` is serialised by JSON.stringify, `raw` is put into the JSON text as it is. */
type Hostile = { name: string; value?: unknown; raw?: string };

const BODY_VALUES: Hostile[] = [
  { name: 'oversized string', value: 'x'.repeat(200_000) },
  { name: 'lone high surrogate', value: '\ud800' },
  { name: 'lone low surrogate', value: 'a\udfffb' },
  { name: 'NUL byte', value: 'a\u0000b' },
  { name: 'date before PostgreSQL', value: '-271821-04-20T00:00:00Z' },
  { name: 'date after PostgreSQL', value: '+275760-09-13T00:00:00Z' },
  { name: 'digits beyond bigint', value: '99999999999999999999' },
  { name: 'huge number', value: 1e308 },
  { name: 'number beyond bigint', value: 2 ** 64 },
  { name: 'negative number', value: -1 },
  { name: 'fraction', value: 0.5 },
  { name: 'boolean', value: true },
  { name: 'null', value: null },
  { name: 'empty string', value: '' },
  { name: 'array', value: ['x'] },
  { name: 'object', value: { x: 1 } },
  { name: 'object with a lone surrogate key', raw: '{"\\ud800":1}' },
  { name: `arrays nested ${DEEP} deep`, raw: '['.repeat(DEEP) + ']'.repeat(DEEP) },
  { name: 'objects nested 500 deep', raw: '{"a":'.repeat(500) + '1' + '}'.repeat(500) },
];

/** Whole bodies for every route that takes one. */
const WHOLE_BODIES: { name: string; type: string; body: string }[] = [
  { name: 'huge body', type: 'application/json', body: `{"x":"${'x'.repeat(10.5 * 1024 * 1024)}"}` },
  { name: `body nested ${DEEP} deep`, type: 'application/json', body: '['.repeat(DEEP) + ']'.repeat(DEEP) },
  { name: 'malformed JSON', type: 'application/json', body: '{"a":' },
  { name: 'top-level array', type: 'application/json', body: '[]' },
  { name: 'top-level string', type: 'application/json', body: '"x"' },
  { name: 'top-level null', type: 'application/json', body: 'null' },
  { name: 'lone surrogate key', type: 'application/json', body: '{"\\udc00":1}' },
  { name: 'UTF-16 JSON', type: 'application/json; charset=utf-16', body: '{"a":"\ud800"}' },
  { name: 'plain text', type: 'text/plain', body: 'hello' },
  { name: 'urlencoded with NUL', type: 'application/x-www-form-urlencoded', body: 'a=%00&b=%ED%A0%80' },
  { name: 'urlencoded nested', type: 'application/x-www-form-urlencoded', body: 'a[b][c]=1&a=2' },
];

const QUERY_NAMES = ['cursor', 'limit', 'since', 'until', 'form', 'type'];
/** Query values, already percent-encoded as they go on the URL. */
const QUERY_VALUES: string[] = [
  'x'.repeat(6000),
  '%00',
  '%ED%A0%80',
  '%FF',
  '0',
  '-1',
  '501',
  '1.5',
  '1e3',
  '99999999999999999999',
  '9223372036854775808',
  '-9223372036854775809',
  '-271821-04-20T00:00:00Z',
  '%2B275760-09-13T00:00:00Z',
  '2024-02-30',
  b64('-271821-04-20T00:00:00.000Z'),
  b64('+275760-09-13T00:00:00.000Z'),
  b64('page/\u0000'),
  b64('\u0000'),
  b64('x'.repeat(1400)),
  '!!!',
];

const PATH_VALUES = ['%00', '%ED%A0%80', '%FF', 'a'.repeat(3000), '..', '99999999999999999999', '-1', '%F0%9F%92%A9'];

/** The request a hostile variant sends. */
interface Attempt {
  route: string;
  variant: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  type?: string;
  body?: string;
  multipart?: { fields: Record<string, string> };
  /** A page of the public site: its not-found answer is an HTML page, whatever the client accepts. */
  page?: boolean;
}

interface Outcome {
  attempt: Attempt;
  status: number;
  code?: string;
  html: boolean;
}

const SNAKE = /^[a-z][a-z0-9_]*$/;
const isEqual = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

describe('hostile input', () => {
  let app: NestExpressApplication;
  let database: { name: string; serverUrl: string };
  let site: TestSite;
  let visited: TestSite;
  let fingerprintOfPreview: string;
  const sent: Outcome[] = [];
  // Kept-alive connections: supertest would otherwise open a connection for each of the ~12,000 requests.
  let base: string;
  const connections = new Agent({ keepAlive: true });
  const http = () => request(base);

  beforeAll(async () => {
    // Its own database: the no-partial-write check compares every table, which other test files also write.
    const serverUrl = process.env.DATABASE_URL!.replace(/\/[^/]+$/, '/postgres');
    database = { name: `${process.env.DATABASE_URL!.replace(/.*\//, '')}_hostile`, serverUrl };
    await createDatabaseIfMissing(serverUrl, database.name);
    // No worker: a job that a (legitimate) request queues must not change the tables while they are compared.
    app = await createTestApp(
      { api: true, worker: false },
      { DATABASE_URL: serverUrl.replace(/\/postgres$/, `/${database.name}`) },
    );
    base = await app.getUrl();
    site = await createSite(app, 'hostile');
    visited = await createSite(app, 'hostile-visited');
    const put = (type: string, key: string, data: unknown) => breakGlass(app, visited, type, key, data);
    await put('form', 'contact', {
      title: 'Contact',
      fields: [
        { name: 'email', type: 'email', label: 'Email', required: true },
        { name: 'message', type: 'textarea', label: 'Message' },
      ],
    });
    await put('page', 'home', { title: 'Home', path: '/', blocks: [{ id: 'f', type: 'form', form: 'contact' }] });
    await http()
      .put(`/api/sites/${site.slug}/staging/content/popup/readable`)
      .set(auth())
      .send({ data: { title: 'Readable' } })
      .expect(201);
    fingerprintOfPreview = (await http().get(`/api/sites/${site.slug}/promotion/preview`).set(auth()).expect(200)).body
      .fingerprint;
  });
  afterAll(async () => {
    connections.destroy();
    await app?.close();
    const admin = new Client({ connectionString: database.serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists "${database.name}" with (force)`);
    await admin.end();
  });

  /** A hash of every row of every table (a visit's session aside: a visit is not the refused write). */
  async function databaseFingerprint(): Promise<Record<string, string>> {
    const ds = app.get(DataSource);
    const tables: { name: string }[] = await ds.query(
      `select table_name as name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('migrations', 'visitor_sessions')`,
    );
    const rows: { name: string; hash: string }[] = await ds.query(
      tables
        .map(
          ({ name }) =>
            `select '${name}' as name, count(*) || ':' || md5(coalesce(string_agg(md5(t::text), ',' order by md5(t::text)), '')) as hash from "${name}" t`,
        )
        .join(' union all '),
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.hash]));
  }

  async function send(attempt: Attempt): Promise<Outcome> {
    let req = http()[attempt.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](attempt.url);
    req = req.agent(connections).set(auth()).set('Accept', 'application/json');
    for (const [name, value] of Object.entries(attempt.headers ?? {})) req = req.set(name, value);
    let response: request.Response;
    if (attempt.multipart) {
      for (const [name, value] of Object.entries(attempt.multipart.fields)) req = req.field(name, value);
      // Bytes of its own per attempt: concurrent uploads of one blob overwrite it, which the embedded S3
      // server does in place (a HEAD meanwhile finds nothing), unlike S3 itself.
      const bytes = Buffer.from(`GIF89a ${attempt.variant}`);
      response = await req.attach('file', bytes, { filename: 'x.gif', contentType: 'image/gif' });
    } else if (attempt.body !== undefined) response = await req.type(attempt.type ?? 'json').send(attempt.body);
    else response = await req;
    const error = response.body?.error as { code?: unknown } | undefined;
    const code = typeof error?.code === 'string' ? error.code : undefined;
    return { attempt, status: response.status, code, html: /^text\/html/.test(response.type) };
  }

  /** Sends the attempts a few at a time; one failure never stops the others. */
  async function sendAll(attempts: Attempt[], { again = false } = {}): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    let next = 0;
    const lane = async () => {
      while (next < attempts.length) outcomes.push(await send(attempts[next++]));
    };
    await Promise.all(Array.from({ length: 6 }, lane));
    if (!again) sent.push(...outcomes);
    return outcomes;
  }

  const describeOutcome = (o: Outcome) => `${o.attempt.variant} → ${o.status} ${o.code ?? ''}`;

  /**
   * Sends every attempt and checks the answers. When some were accepted, the refused ones are sent again
   * without them, between two fingerprints, so that an accepted request cannot hide a refused one's write.
   * A conflict (409) may come from a concurrent request and pass alone: those go one at a time.
   */
  async function expectRefusedCleanly(attempts: Attempt[]): Promise<void> {
    const before = await databaseFingerprint();
    const outcomes = await sendAll(attempts);
    const faults = outcomes
      .filter(
        (o) => o.status >= 500 || (o.status >= 400 && !(o.code && SNAKE.test(o.code)) && !(o.attempt.page && o.html)),
      )
      .map(describeOutcome);
    expect({ faults }).toEqual({ faults: [] });
    if (!outcomes.some((o) => o.status < 400)) return expect(await databaseFingerprint()).toEqual(before);
    const again = await databaseFingerprint();
    await sendAll(
      outcomes.filter((o) => o.status >= 400 && o.status !== 409).map((o) => o.attempt),
      { again: true },
    );
    expect(await databaseFingerprint()).toEqual(again);
    const writes: string[] = [];
    for (const { attempt } of outcomes.filter((o) => o.status === 409)) {
      const ahead = await databaseFingerprint();
      const outcome = await send(attempt);
      // Refused the first time because of a concurrent request (a 409), it may be accepted alone: that is fine.
      if (outcome.status >= 400 && !isEqual(ahead, await databaseFingerprint())) writes.push(describeOutcome(outcome));
    }
    expect({ partialWrites: writes }).toEqual({ partialWrites: [] });
  }

  // A request each route accepts, on the hostile site; the variants below change one part of it at a time.
  const baseBody = (r: RouteAccess): unknown => {
    const bodies: Record<string, unknown> = {
      'POST /api/sites': { slug: `hostile-made-${process.pid}`, name: 'Made' },
      'POST /api/sites/:site/tokens': { role: 'reviewer', label: 'hostile' },
      'PUT /api/sites/:site/staging/content/:type/:key': {
        data: { title: 'T', body: 'B', trigger: { on: 'load', delaySeconds: 5 } },
      },
      'PUT /api/sites/:site/production/content/:type/:key': { data: { title: 'T', trigger: { delaySeconds: 1 } } },
      'POST /api/sites/:site/staging/import': {
        entities: [
          {
            type: 'page',
            key: 'imported',
            data: { title: 'I', path: '/imported', blocks: [{ id: 'h', type: 'heading', text: 'x', level: 1 }] },
            publish: true,
          },
        ],
      },
      'POST /api/sites/:site/staging/adopt': { type: 'popup', key: 'readable' },
      'POST /api/admin/self-test': { sleepMs: 0 },
      'POST /api/sites/:site/promotions': {
        fingerprint: fingerprintOfPreview,
        snapshot: false,
        note: 'n',
        override: 'nothing is frozen',
        acknowledgeDrift: true,
      },
      'POST /api/sites/:site/promotion/approvals': { fingerprint: fingerprintOfPreview, comment: 'ok' },
      'POST /api/sites/:site/promotion/preview': {
        select: { entities: [{ type: 'popup', key: 'readable' }], types: ['popup'] },
        limit: 10,
        type: 'popup',
      },
      'PATCH /api/sites/:site': {
        trustedCustomCode: false,
        requiredApprovals: 0,
        freezeWindows: [
          { start: '2030-01-01T00:00:00Z', end: '2030-01-02T00:00:00Z', reason: 'r' },
          { weekday: 'friday', from: '22:00', to: '06:00', timeZone: 'Europe/Berlin', reason: 'r' },
        ],
      },
      'POST /api/sites/:site/snapshots': { label: 'hostile' },
      'POST /api/sites/:site/snapshots/:id/revert': { entities: [{ type: 'popup', key: 'readable' }] },
      'POST /api/sites/:site/promotions/:id/revert': { entities: [{ type: 'popup', key: 'readable' }] },
      'POST /api/sites/:site/staging/reset': { confirm: site.slug },
      'POST /api/admin/gc': { graceSeconds: 3600, keepRecentStates: 3 },
      'PUT /api/sites/:site/production/maintenance': { reason: 'hostile', ttlSeconds: 60 },
      'POST /api/sites/:site/review-links': { expiresInHours: 1, label: 'hostile' },
      'PUT /api/sites/:site/:env/domains': { domains: [{ host: 'hostile.example.test', primary: true }] },
      'PUT /api/sites/:site/:env/variables': { GA_ID: 'G-1' },
      'POST /api/sites/:site/webhooks': {
        url: 'http://127.0.0.1:9/hostile',
        events: ['promotion.succeeded', 'restore.*'],
        secret: 'whsec_hostile_0123456789',
      },
    };
    return bodies[routeId(r)] ?? (r.method === 'POST' || r.method === 'PUT' ? {} : undefined);
  };
  const baseParams = (): Record<string, string> => ({
    site: site.slug,
    env: 'staging',
    type: 'popup',
    key: 'readable',
    id: randomUUID(),
  });
  const urlOf = (path: string, params: Record<string, string>) =>
    path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? encodeURIComponent(baseParams()[name]));
  const headersOf = (r: RouteAccess) =>
    r.path.startsWith('/api/sites/:site/production/content') ? { 'X-Break-Glass': 'hostile input test' } : undefined;

  function attemptsFor(r: RouteAccess): Attempt[] {
    const id = routeId(r);
    const params = Object.fromEntries(Object.entries(baseParams()).map(([k, v]) => [k, encodeURIComponent(v)]));
    const base = { route: id, method: r.method, headers: headersOf(r) };
    const attempts: Attempt[] = [];
    for (const name of r.path.match(/:(\w+)/g)?.map((p) => p.slice(1)) ?? [])
      for (const value of PATH_VALUES)
        attempts.push({
          ...base,
          variant: `:${name} = ${value.slice(0, 20)}`,
          url: urlOf(r.path, { ...params, [name]: value }),
          ...jsonBody(baseBody(r)),
        });
    if (r.method === 'GET')
      for (const name of QUERY_NAMES) {
        for (const value of QUERY_VALUES)
          attempts.push({
            ...base,
            variant: `?${name}=${value.slice(0, 30)}`,
            url: `${urlOf(r.path, params)}?${name}=${value}`,
          });
        attempts.push({ ...base, variant: `?${name} twice`, url: `${urlOf(r.path, params)}?${name}=1&${name}=2` });
        attempts.push({ ...base, variant: `?${name}[a]=1`, url: `${urlOf(r.path, params)}?${name}[a]=1` });
      }
    const body = baseBody(r);
    if (body !== undefined && r.path !== '/api/sites/:site/staging/media')
      attempts.push(...bodyAttempts({ ...base, url: urlOf(r.path, params) }, body));
    if (r.path === '/api/sites/:site/staging/media')
      for (const field of ['key', 'alt'])
        for (const value of ['a\u0000b', 'x'.repeat(5000), '..', '-271821-04-20T00:00:00Z'])
          attempts.push({
            ...base,
            variant: `multipart ${field} = ${JSON.stringify(value.slice(0, 20))}`,
            url: urlOf(r.path, params),
            multipart: { fields: { key: 'uploaded', [field]: value } },
          });
    return attempts;
  }

  it.each(ROLE_TABLE.map((r) => [routeId(r), r] as const))('%s', async (_, r) => {
    await expectRefusedCleanly(attemptsFor(r));
  });

  describe('the public site', () => {
    const visitor = (n: number) => ({ 'X-Forwarded-For': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` });
    let ip = 1;
    const at = (mount: string, suffix: string) => `/${mount}/${visited.slug}${suffix}`;

    it('refuses hostile form posts', async () => {
      const attempts: Attempt[] = [];
      for (const mount of ['sites', 'preview']) {
        const url = at(mount, '/forms/contact');
        const route = `POST /${mount}/:slug/forms/:formKey`;
        const base = { email: 'a@b.test', message: 'hi' };
        attempts.push(...bodyAttempts({ route, method: 'POST', url }, base));
        for (const body of [
          'email=a%40b.test&message=%00',
          'email=a%40b.test&message=%ED%A0%80',
          'email=a%40b.test&email=b%40c.test',
          `email=a%40b.test&message=${'x'.repeat(300_000)}`,
          'email[a]=1',
        ])
          attempts.push({ route, method: 'POST', url, variant: body.slice(0, 40), type: 'form', body });
        for (const formKey of PATH_VALUES)
          attempts.push({
            route,
            method: 'POST',
            url: at(mount, `/forms/${formKey}`),
            variant: `:formKey = ${formKey.slice(0, 20)}`,
            body: JSON.stringify(base),
          });
      }
      await expectRefusedCleanly(attempts.map((a) => ({ ...a, headers: visitor(ip++) })));
    });

    it("refuses hostile approvals from a review link's page", async () => {
      const { body: link } = await http()
        .post(`/api/sites/${visited.slug}/review-links`)
        .set(auth())
        .send({ expiresInHours: 1 })
        .expect(201);
      const token = new URL(link.url, 'http://x').searchParams.get('review')!;
      const { fingerprint } = (await http().get(`/api/sites/${visited.slug}/promotion/preview`).set(auth()).expect(200))
        .body;
      const route = 'POST /preview/:slug/approvals';
      const url = at('preview', '/approvals');
      // A client's browser: the review link's cookie, no token, a same-origin form post.
      const client = { Authorization: '', Cookie: `promote_review=${token}`, 'Sec-Fetch-Site': 'same-origin' };
      const attempts: Attempt[] = bodyAttempts(
        { route, method: 'POST', url },
        { fingerprint, name: 'Ann', comment: 'ok' },
      );
      for (const body of ['name=%00&fingerprint=x', 'name=Ann&name=Bob', `name=${'x'.repeat(300_000)}`, 'name[a]=1'])
        attempts.push({ route, method: 'POST', url, variant: body.slice(0, 40), type: 'form', body });
      await expectRefusedCleanly(attempts.map((a) => ({ ...a, headers: { ...client, ...visitor(ip++) } })));
    });

    it('refuses hostile analytics events', async () => {
      const attempts: Attempt[] = [];
      for (const mount of ['sites', 'preview']) {
        const url = at(mount, '/collect');
        const route = `POST /${mount}/:slug/collect`;
        for (const base of [
          { event: 'page_view', path: '/', props: { a: 1, b: 'x' } },
          { events: [{ event: 'click', path: '/x', props: { k: 'v' } }] },
        ])
          attempts.push(...bodyAttempts({ route, method: 'POST', url }, base));
      }
      await expectRefusedCleanly(attempts);
    });

    it('answers weird paths, queries, cookies and review links without a fault', async () => {
      const { body: link } = await http()
        .post(`/api/sites/${visited.slug}/review-links`)
        .set(auth())
        .send({ expiresInHours: 1 })
        .expect(201);
      const token = new URL(link.url, 'http://x').searchParams.get('review')!;
      const attempts: Attempt[] = [];
      const get = (url: string, variant: string, headers?: Record<string, string>) =>
        attempts.push({ route: 'GET public site', method: 'GET', url, variant, headers, page: true });
      for (const mount of ['sites', 'preview']) {
        for (const value of PATH_VALUES) {
          get(at(mount, `/${value}`), `page /${value.slice(0, 20)}`);
          get(at(mount, `/media/${value}`), `media /${value.slice(0, 20)}`);
          get(at(mount, `/forms/${value}/thank-you`), `thank-you /${value.slice(0, 20)}`);
          get(`/${mount}/${value}/`, `slug ${value.slice(0, 20)}`);
        }
        for (const value of QUERY_VALUES) {
          get(at(mount, `/?x=${value}`), `page ?x=${value.slice(0, 20)}`);
          get(at(mount, `/media/readable?v=${value}`), `media ?v=${value.slice(0, 20)}`);
          get(at(mount, `/robots.txt?x=${value}`), `robots ?x=${value.slice(0, 20)}`);
        }
        get(at(mount, `/${'a/'.repeat(2000)}`), 'page 2,000 segments');
        get(at(mount, '/..%2F..%2Fetc%2Fpasswd'), 'page ../../etc/passwd');
        get(at(mount, '/sitemap.xml?x[y][z]=1'), 'sitemap with a nested query');
      }
      for (const value of QUERY_VALUES) get(at('preview', `/?review=${value}`), `review=${value.slice(0, 20)}`);
      get(at('preview', `/${PATH_VALUES[1]}?review=${token}`), 'a valid review link to a broken path');
      for (const cookie of ['promote_review=%00', `promote_review=${'x'.repeat(4000)}`, 'promote_session=%ED%A0%80'])
        get(at('preview', '/'), `cookie ${cookie.slice(0, 30)}`, { Cookie: cookie });
      await expectRefusedCleanly(attempts);
    });
  });

  it('sent every route its hostile requests', () => {
    const routes = new Set(sent.map((o) => o.attempt.route));
    const publicRoutes = [
      'POST /sites/:slug/forms/:formKey',
      'POST /preview/:slug/collect',
      'POST /preview/:slug/approvals',
      'GET public site',
    ];
    expect([...ROLE_TABLE.map(routeId), ...publicRoutes].filter((id) => !routes.has(id))).toEqual([]);
    expect(sent.length).toBeGreaterThan(1000);
  });
});

/** Every path of a JSON value ('' is the value itself), each with every hostile value, plus an unknown field. */
function bodyVariants(body: unknown): [string, Hostile][] {
  const paths: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (path) paths.push(path);
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
      paths.push(path ? `${path}.unknownField` : 'unknownField');
    }
  };
  walk(body, '');
  return paths.flatMap((path) => BODY_VALUES.map((hostile) => [path, hostile] as [string, Hostile]));
}

/** The JSON text of `body` with the value at `path` replaced by the hostile value. */
function withValueAt(body: unknown, path: string, hostile: Hostile): string {
  const marker = `__hostile_${randomUUID()}__`;
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.match(/[^.[\]]+/g)!;
  let holder: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) holder = holder[key] as Record<string, unknown>;
  holder[keys[keys.length - 1]] = marker;
  return JSON.stringify(copy).replace(`"${marker}"`, hostile.raw ?? JSON.stringify(hostile.value));
}

/** One attempt per hostile whole body, and one per hostile value at every path of `base`. */
function bodyAttempts(common: Omit<Attempt, 'variant' | 'body' | 'type'>, base: unknown): Attempt[] {
  return [
    ...WHOLE_BODIES.map((whole) => ({ ...common, variant: whole.name, type: whole.type, body: whole.body })),
    ...bodyVariants(base).map(([path, hostile]) => ({
      ...common,
      variant: `${path} = ${hostile.name}`,
      body: withValueAt(base, path, hostile),
    })),
  ];
}

const jsonBody = (body: unknown): Pick<Attempt, 'body'> => (body === undefined ? {} : { body: JSON.stringify(body) });
