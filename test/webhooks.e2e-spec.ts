import type { NestExpressApplication } from '@nestjs/platform-express';
import { setTimeout as sleep } from 'node:timers/promises';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { auth, createTestApp } from './app';
import { eventually } from './eventually';
import { createSite, type TestSite } from './factories';
import { stagingClient } from './staging';
import { startReceiver, verifySignature } from './webhook-receiver';

const SECRET = 'whsec_test_0123456789abcdef';

describe('webhooks', () => {
  let app: NestExpressApplication;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const http = () => request(app.getHttpServer());
  const hooks = (site: TestSite) => `/api/sites/${site.slug}/webhooks`;
  const addWebhook = async (site: TestSite, body: object) =>
    (await http().post(hooks(site)).set(auth(site.tokens.owner)).send(body).expect(201)).body;
  const deliveries = async (site: TestSite, webhookId: string) =>
    (
      await http()
        .get(`${hooks(site)}/${webhookId}/deliveries`)
        .set(auth(site.tokens.editor))
        .expect(200)
    ).body;

  /** A site whose staging has three published pages and a form, ready to promote. */
  async function stagedSite(prefix: string) {
    const site = await createSite(app, prefix);
    const client = stagingClient(app, site);
    for (const [key, title, path] of [
      ['home', 'Home', '/'],
      ['about', 'About', '/about'],
      ['menu', 'Menu', '/menu'],
    ]) {
      await client.put('page', key, { title, path, blocks: [] });
      await client.publish('page', key);
    }
    await client.put('form', 'contact', {
      title: 'Contact',
      fields: [{ name: 'email', type: 'email', label: 'Email', required: true }],
    });
    return { site, client };
  }

  beforeAll(async () => {
    receiver = await startReceiver();
    // Retries 50 ms apart, doubling: the production schedule (30 s, doubling, 12 attempts) squeezed into seconds.
    app = await createTestApp({ api: true, worker: true }, { WEBHOOK_RETRY_BASE_MS: '50' });
  });
  afterAll(async () => {
    await app?.close();
    await receiver?.close();
  });

  it('delivers a promotion exactly once, signed, after the receiver failed five times', async () => {
    const { site, client } = await stagedSite('hook-flaky');
    receiver.script('/flaky', [500, 500, 500, 500, 500, 200]);
    const webhook = await addWebhook(site, {
      url: receiver.url('/flaky'),
      events: ['promotion.succeeded'],
      secret: SECRET,
    });
    expect(webhook).toMatchObject({ url: receiver.url('/flaky'), events: ['promotion.succeeded'], secret: SECRET });

    const job = await client.promoteAll();
    const log = await eventually(
      async () => {
        const page = await deliveries(site, webhook.id);
        expect(page.items.map((d: { status: string }) => d.status)).toEqual(['succeeded']);
        return page;
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );

    const delivery = log.items[0];
    expect(delivery).toMatchObject({ event: 'promotion.succeeded', status: 'succeeded', nextAttemptAt: null });
    expect(delivery.attempts.map((a: { number: number; statusCode: number }) => [a.number, a.statusCode])).toEqual([
      [1, 500],
      [2, 500],
      [3, 500],
      [4, 500],
      [5, 500],
      [6, 200],
    ]);
    expect(delivery.attempts[0].responseExcerpt).toBe('<b>down</b> for now');
    expect(delivery.attempts.every((a: { durationMs: number }) => a.durationMs >= 0)).toBe(true);

    const received = receiver.received('/flaky');
    expect(received.map((r) => r.answered)).toEqual([500, 500, 500, 500, 500, 200]);
    for (const r of received) {
      expect(r.headers['promote-delivery']).toBe(delivery.id);
      expect(r.headers['promote-event']).toBe('promotion.succeeded');
      expect(r.body).toBe(received[0].body); // every retry sends the same bytes
      expect(verifySignature(r.headers['promote-signature'], r.body, SECRET)).toBe(true);
      expect(verifySignature(r.headers['promote-signature'], r.body, 'whsec_some_other_secret')).toBe(false);
      expect(verifySignature(r.headers['promote-signature'], `${r.body} `, SECRET)).toBe(false);
    }
    const payload = JSON.parse(received[5].body);
    expect(payload).toMatchObject({
      id: delivery.eventId,
      event: 'promotion.succeeded',
      site: { id: site.id, slug: site.slug },
      job: { id: job.id, kind: 'promotion', status: 'succeeded', fromVersion: 0, toVersion: 1 },
      changelog: '3 pages added: About, Home, Menu; 1 form added: Contact',
    });
    expect(new Date(payload.occurredAt).getTime()).not.toBeNaN();
  }, 40_000);

  it('sends a webhook only the events it listens to', async () => {
    const { site, client } = await stagedSite('hook-filter');
    const restores = await addWebhook(site, { url: receiver.url('/restores'), events: ['restore.*'] });
    const promotions = await addWebhook(site, { url: receiver.url('/promotions'), events: ['promotion.*'] });
    expect(restores.secret).toMatch(/^whsec_/); // none given: one made, shown this once

    const { body: snapshot } = await http()
      .post(`/api/sites/${site.slug}/snapshots`)
      .set(auth(site.tokens.owner))
      .send({ label: 'empty' })
      .expect(201);
    await client.promoteAll();
    const events = await eventually(async () => {
      const got = receiver.received('/promotions').map((r) => r.headers['promote-event']);
      expect(got).toEqual(expect.arrayContaining(['promotion.requested', 'promotion.started', 'promotion.succeeded']));
      return got;
    });
    expect(events).toHaveLength(3);
    expect((await deliveries(site, promotions.id)).items.map((d: { event: string }) => d.event)).toEqual([
      'promotion.succeeded',
      'promotion.started',
      'promotion.requested',
    ]);
    // The dispatcher has passed the promotion's entries: the restore webhook has no delivery of them.
    expect((await deliveries(site, restores.id)).items).toEqual([]);
    expect(receiver.received('/restores')).toEqual([]);

    const { body: restore } = await http()
      .post(`/api/sites/${site.slug}/snapshots/${snapshot.id}/restore`)
      .set(auth(site.tokens.owner))
      .expect(202);
    await client.waitForJob(restore.id);
    await eventually(async () =>
      expect(
        receiver
          .received('/restores')
          .map((r) => r.headers['promote-event'])
          .sort(),
      ).toEqual(['restore.requested', 'restore.started', 'restore.succeeded']),
    );
    const succeeded = JSON.parse(
      receiver.received('/restores').find((r) => r.headers['promote-event'] === 'restore.succeeded')!.body,
    );
    expect(succeeded).toMatchObject({ job: { id: restore.id, kind: 'restore', status: 'succeeded' } });
    expect(succeeded.changelog).toBe('3 pages removed: About, Home, Menu; 1 form removed: Contact');
    expect(receiver.received('/promotions')).toHaveLength(3);
    for (const r of receiver.received('/restores'))
      expect(verifySignature(r.headers['promote-signature'], r.body, restores.secret)).toBe(true);
  }, 40_000);

  it('waits for an audit entry whose transaction is still open, and skips one that rolled back', async () => {
    const { site, client } = await stagedSite('hook-order');
    const webhook = await addWebhook(site, { url: receiver.url('/order'), events: ['*'] });
    const audit = (action: string) =>
      `insert into audit_log (site_id, actor, actor_role, action) values ('${site.id}', 'admin', 'admin', '${action}')`;
    // An entry that never commits leaves a gap in the ids; one that commits late fills its gap late.
    const rolledBack = app.get(DataSource).createQueryRunner();
    await rolledBack.startTransaction();
    await rolledBack.query(audit('approval.created'));
    await rolledBack.rollbackTransaction();
    await rolledBack.release();
    const late = app.get(DataSource).createQueryRunner();
    await late.startTransaction();
    try {
      await late.query(audit('approval.created'));
      await client.promoteAll();
      await sleep(1500); // the dispatcher polls every 500 ms: it has looked, and must have held back
      expect((await deliveries(site, webhook.id)).items).toEqual([]);
      await late.commitTransaction();
    } finally {
      if (late.isTransactionActive) await late.rollbackTransaction();
      await late.release();
    }
    const events = await eventually(async () => {
      const page = await deliveries(site, webhook.id);
      expect(page.items).toHaveLength(4);
      return page.items.map((d: { event: string }) => d.event).reverse();
    });
    expect(events).toEqual(['approval.created', 'promotion.requested', 'promotion.started', 'promotion.succeeded']);
  }, 40_000);

  it('never shows a secret again, and keeps each site to its own webhooks', async () => {
    const site = await createSite(app, 'hook-own');
    const other = await createSite(app, 'hook-other');
    const webhook = await addWebhook(site, { url: receiver.url('/own'), events: ['*'], secret: SECRET });

    const { body: list, text } = await http().get(hooks(site)).set(auth(site.tokens.editor)).expect(200);
    expect(list.items).toEqual([
      {
        id: webhook.id,
        url: receiver.url('/own'),
        events: ['*'],
        createdBy: expect.any(String),
        createdAt: expect.any(String),
      },
    ]);
    expect(text).not.toContain(SECRET);

    // Another site's owner: its own list is empty, and this webhook is not there for it (404, not 403).
    expect((await http().get(hooks(other)).set(auth(other.tokens.owner)).expect(200)).body.items).toEqual([]);
    await http()
      .delete(`${hooks(other)}/${webhook.id}`)
      .set(auth(other.tokens.owner))
      .expect(404);
    await http()
      .get(`${hooks(other)}/${webhook.id}/deliveries`)
      .set(auth(other.tokens.owner))
      .expect(404);
    expect((await http().get(hooks(site)).set(auth()).expect(200)).body.items).toHaveLength(1);

    await http()
      .delete(`${hooks(site)}/${webhook.id}`)
      .set(auth(site.tokens.owner))
      .expect(204);
    await http()
      .delete(`${hooks(site)}/${webhook.id}`)
      .set(auth(site.tokens.owner))
      .expect(404);
    expect((await http().get(hooks(site)).set(auth()).expect(200)).body.items).toEqual([]);
  });

  it('refuses bad webhooks with a 400 naming the field, writing nothing', async () => {
    const site = await createSite(app, 'hook-bad');
    const url = receiver.url('/bad');
    const cases: [object, string][] = [
      [{ url: 'ftp://example.com/hook', events: ['*'] }, 'body.url'],
      [{ url: 'javascript:alert(1)', events: ['*'] }, 'body.url'],
      [{ url: 'http://', events: ['*'] }, 'body.url'],
      [{ url: `http://user:pass@127.0.0.1/x`, events: ['*'] }, 'body.url'],
      [{ url: `${url}?${'x'.repeat(2048)}`, events: ['*'] }, 'body.url'],
      [{ url: 'http://no-such-host.invalid/hook', events: ['*'] }, 'body.url'],
      [{ url, events: [] }, 'body.events'],
      [{ url, events: ['promotion.exploded'] }, 'body.events[0]'],
      [{ url, events: ['promotion.*', 'promotion.*'] }, 'body.events'],
      [{ url, events: '*' }, 'body.events'],
      [{ url, events: ['*'], secret: 'short' }, 'body.secret'],
      [{ url, events: ['*'], secret: 'x'.repeat(129) }, 'body.secret'],
      [{ url, events: ['*'], secret: 'has spaces in the secret' }, 'body.secret'],
      [{ events: ['*'] }, 'body.url'],
      [{ url, events: ['*'], extra: true }, 'body.extra'],
    ];
    for (const [body, path] of cases) {
      const { body: answer } = await http().post(hooks(site)).set(auth(site.tokens.owner)).send(body).expect(400);
      expect({
        body,
        code: answer.error.code,
        paths: answer.error.details.map((d: { path: string }) => d.path),
      }).toEqual({ body, code: 'validation_failed', paths: expect.arrayContaining([path]) });
    }
    // Only an owner adds or deletes one; an editor may look.
    await http()
      .post(hooks(site))
      .set(auth(site.tokens.editor))
      .send({ url, events: ['*'] })
      .expect(403);
    expect((await http().get(hooks(site)).set(auth(site.tokens.editor)).expect(200)).body.items).toEqual([]);
    const { body: audit } = await http().get(`/api/sites/${site.slug}/audit`).set(auth()).expect(200);
    expect(audit.items.map((e: { action: string }) => e.action)).not.toContain('webhook.created');
  });

  describe('where private addresses are not allowed (the default)', () => {
    let strict: NestExpressApplication;
    let site: TestSite;
    beforeAll(async () => {
      strict = await createTestApp({ api: true, worker: false }, { WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'false' });
      site = await createSite(strict, 'hook-strict');
    });
    afterAll(() => strict?.close());

    it.each([
      'http://127.0.0.1:8080/hook',
      'http://localhost/hook',
      'http://10.1.2.3/hook',
      'http://172.16.0.1/hook',
      'http://192.168.0.10/hook',
      'http://100.64.0.1/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://0.0.0.0/hook',
      'http://224.0.0.1/hook',
      'http://[::1]/hook',
      'http://[::]/hook',
      'http://[fe80::1]/hook',
      'http://[fd12:3456::1]/hook',
      'http://[ff02::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://[::ffff:a00:1]/hook',
      'https://2130706433/hook',
    ])('refuses %s', async (url) => {
      const { body } = await request(strict.getHttpServer())
        .post(`/api/sites/${site.slug}/webhooks`)
        .set(auth(site.tokens.owner))
        .send({ url, events: ['*'] })
        .expect(400);
      expect(body.error).toMatchObject({ code: 'validation_failed', details: [{ path: 'body.url' }] });
    });

    it('accepts a public address', async () => {
      await request(strict.getHttpServer())
        .post(`/api/sites/${site.slug}/webhooks`)
        .set(auth(site.tokens.owner))
        .send({ url: 'https://93.184.216.34/hook', events: ['promotion.succeeded'] })
        .expect(201);
    });
  });
});
