import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { auth, createTestApp } from './app';
import { eventually } from './eventually';

describe('service foundation', () => {
  let app: NestExpressApplication;
  beforeAll(async () => (app = await createTestApp()));
  afterAll(() => app.close());
  const http = () => request(app.getHttpServer());

  it('reports database, Redis and S3 up on /health', async () => {
    const { body } = await http().get('/health').expect(200);
    expect(body.status).toBe('ok');
    expect(Object.keys(body.checks)).toEqual(['database', 'redis', 's3']);
    for (const check of Object.values(body.checks) as { status: string }[]) expect(check.status).toBe('up');
  });

  it('keeps an idle keep-alive connection open past the 5 s at which Node would close it', async () => {
    const server = app.getHttpServer() as import('node:http').Server;
    // Longer than the 60 s load balancers keep an idle connection, so they never reuse one this closed.
    expect(server.keepAliveTimeout).toBeGreaterThan(60_000);
    expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
  });

  it('answers an unknown route with the JSON error shape and a request id', async () => {
    const response = await http().get('/no/such/route').expect(404);
    expect(response.body).toEqual({ error: { code: 'not_found', message: expect.any(String), details: [] } });
    expect(response.headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
  });

  it('keeps a request id the caller sent', async () => {
    const response = await http().get('/health').set('X-Request-Id', 'proxy-given-id-42');
    expect(response.headers['x-request-id']).toBe('proxy-given-id-42');
  });

  it('refuses malformed JSON with 400 malformed_json', async () => {
    const { body } = await http()
      .post('/api/sites')
      .set(auth())
      .set('Content-Type', 'application/json')
      .send('{"slug": "x",')
      .expect(400);
    expect(body.error.code).toBe('malformed_json');
  });

  it('refuses an oversized body with 413', async () => {
    const { body } = await http()
      .post('/api/sites')
      .set(auth())
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ slug: 'big', name: 'x'.repeat(11 * 1024 * 1024) }))
      .expect(413);
    expect(body.error.code).toBe('payload_too_large');
  });

  it('refuses a request without a token with 401', async () => {
    const { body } = await http().get('/api/sites').expect(401);
    expect(body.error.code).toBe('unauthenticated');
  });

  it('serves the OpenAPI document', async () => {
    const { body } = await http().get('/api/docs-json').expect(200);
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/sites', '/api/jobs/{id}', '/health']));
    await http().get('/api/docs').expect(200);
  });

  it('runs a job enqueued through the API on the in-process worker', async () => {
    const { body: job } = await http().post('/api/admin/self-test').set(auth()).send({ sleepMs: 10 }).expect(202);
    expect(job.status).toBe('queued');
    const done = await eventually(async () => {
      const { body } = await http().get(`/api/jobs/${job.id}`).set(auth()).expect(200);
      expect(body.status).toBe('succeeded');
      return body;
    });
    expect(done.progress).toBe(100);
    expect(done.steps.map((s: { status: string }) => s.status)).toEqual(['succeeded', 'succeeded']);
    expect(done.result.processedBy.pid).toBe(process.pid);
  });

  it('answers 404 not_found for a :site or :id that cannot name anything', async () => {
    const { body: site } = await http()
      .post('/api/sites')
      .set(auth())
      .send({ slug: `ids-${Date.now().toString(36)}`, name: 'Ids' })
      .expect(201);
    const refused = [
      ['get', '/api/sites/%00'], // PostgreSQL cannot even compare a string holding U+0000
      ['get', `/api/sites/${'a'.repeat(300)}`],
      ['get', '/api/jobs/not-a-uuid'],
      ['post', `/api/sites/${site.slug}/snapshots/not-a-uuid/restore`],
      ['post', `/api/sites/${site.slug}/staging/backups/not-a-uuid/restore`],
      ['delete', `/api/sites/${site.slug}/tokens/not-a-uuid`],
    ] as const;
    for (const [method, path] of refused) {
      const { status, body } = await http()[method](path).set(auth());
      expect({ path, status, code: body.error?.code }).toEqual({ path, status: 404, code: 'not_found' });
    }
    const { body } = await http().get('/api/jobs/not-a-uuid').set(auth()).expect(404);
    expect(body.error.message).toBe('No job not-a-uuid.');
    await http().get(`/api/sites/${site.id.toUpperCase()}`).set(auth()).expect(200);
  });

  it('validates a request body against its schema with field paths', async () => {
    const { body } = await http().post('/api/sites').set(auth()).send({ slug: 'Bad Slug!' }).expect(400);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details).toEqual(
      expect.arrayContaining([
        { path: 'body.slug', message: expect.any(String) },
        { path: 'body.name', message: 'is required' },
      ]),
    );
  });
});
