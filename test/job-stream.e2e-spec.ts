import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { SiteLock } from '../src/jobs/site-lock';
import { auth, createTestApp } from './app';
import { createSite } from './factories';
import { stagingClient } from './staging';

/** The events of a text/event-stream body as {type, data}, until the server ends it. */
async function* serverEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<{ type: string; data: any }> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const lines = buffer.slice(0, end).split('\n');
      buffer = buffer.slice(end + 2);
      const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim());
      if (!data.length) continue;
      const type =
        lines
          .find((l) => l.startsWith('event:'))
          ?.slice(6)
          .trim() ?? 'message';
      yield { type, data: JSON.parse(data.join('\n')) };
    }
  }
}

describe('job event streams', () => {
  let app: NestExpressApplication;
  let base: string;
  beforeAll(async () => {
    app = await createTestApp();
    base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => app.close());
  const http = () => request(app.getHttpServer());

  /** A promotion that stays open while the test holds the site's job lock, as a busy worker would. */
  async function openJob(prefix: string) {
    const site = await createSite(app, prefix);
    const client = stagingClient(app, site);
    const lock = (await app.get(SiteLock).tryAcquire(site.id))!;
    await client.put('popup', 'a', { title: 'A' });
    const { fingerprint } = await client.preview();
    const { body: job } = await client.promote(fingerprint).expect(202);
    return { site, client, job, lock };
  }

  it('ends the stream of a token revoked while it is open', async () => {
    const { site, client, job, lock } = await openJob('stream-revoke');
    try {
      const { body: token } = await http()
        .post(`/api/sites/${site.slug}/tokens`)
        .set(auth(site.tokens.owner))
        .send({ role: 'reviewer', label: 'to revoke' })
        .expect(201);
      const response = await fetch(`${base}/api/jobs/${job.id}/events`, { headers: auth(token.token) });
      expect(response.status).toBe(200);
      const events = serverEvents(response.body!);
      const first = (await events.next()).value!;
      expect(first).toMatchObject({ type: 'job', data: { id: job.id } });
      expect(['queued', 'running']).toContain(first.data.status);

      await http().delete(`/api/sites/${site.slug}/tokens/${token.id}`).set(auth(site.tokens.owner)).expect(204);
      const rest: { type: string; data: any }[] = [];
      for await (const event of events) rest.push(event);
      expect(rest.at(-1)).toEqual({
        type: 'revoked',
        data: { error: { code: 'unauthenticated', message: 'The token was revoked.' } },
      });
      // The job itself is still held open: the stream ended because of the token, not because the job did.
      expect(['queued', 'running']).toContain((await client.job(job.id)).status);
    } finally {
      await lock.release();
    }
  }, 20_000);

  it('answers 404 for another site’s job every time, before any event', async () => {
    const { job, lock } = await openJob('stream-owner');
    try {
      const stranger = await createSite(app, 'stream-stranger');
      for (let attempt = 0; attempt < 20; attempt++) {
        const response = await http().get(`/api/jobs/${job.id}/events`).set(auth(stranger.tokens.owner));
        expect([response.status, response.headers['content-type'], response.body.error?.code]).toEqual([
          404,
          expect.stringMatching(/^application\/json/),
          'not_found',
        ]);
      }
      const missing = await http().get(`/api/jobs/${crypto.randomUUID()}/events`).set(auth());
      expect(missing.status).toBe(404);
      const anonymous = await http().get(`/api/jobs/${job.id}/events`);
      expect([anonymous.status, anonymous.body.error?.code]).toEqual([401, 'unauthenticated']);
    } finally {
      await lock.release();
    }
  });
});
