import type { NestExpressApplication } from '@nestjs/platform-express';
import { SiteLock } from '../src/jobs/site-lock';
import { auth, createTestApp } from './app';
import { createSite } from './factories';
import { stagingClient } from './staging';

describe('snapshots and restore', () => {
  let app: NestExpressApplication;
  beforeAll(async () => (app = await createTestApp()));
  afterAll(() => app.close());

  it('pins production, rolls back to it as a new version, and counts changed entities on', async () => {
    const site = await createSite(app, 'snap');
    const client = stagingClient(app, site);
    const base = `/api/sites/${site.slug}`;
    await client.put('popup', 'a', { title: 'A1' });
    await client.put('popup', 'b', { title: 'B1' });
    await client.promoteAll(); // production v1: a@1, b@1
    const { body: snapshot } = await client
      .http()
      .post(`${base}/snapshots`)
      .set(auth(site.tokens.owner))
      .send({ label: 'launch' })
      .expect(201);
    expect(snapshot).toMatchObject({ label: 'launch', productionVersion: 1, entityCount: 2 });

    await client.put('popup', 'a', { title: 'A2' });
    await client.remove('popup', 'b');
    await client.put('popup', 'c', { title: 'C1' });
    await client.promoteAll(); // production v2: a@2, c@1

    const { body: list } = await client.http().get(`${base}/snapshots`).set(auth(site.tokens.reviewer)).expect(200);
    expect(list.items.map((s: { id: string }) => s.id)).toContain(snapshot.id);

    const { body: started } = await client
      .http()
      .post(`${base}/snapshots/${snapshot.id}/restore`)
      .set(auth(site.tokens.owner))
      .expect(202);
    expect(started).toMatchObject({ kind: 'restore', snapshotId: snapshot.id });
    const job = await client.waitForJob(started.id);
    expect(job).toMatchObject({ fromVersion: 2, toVersion: 3 });
    expect(job.timings.maintenanceMs).toBeGreaterThanOrEqual(0);

    expect((await client.production('popup', 'a')).body).toMatchObject({ data: { title: 'A1' }, version: 3 });
    expect((await client.production('popup', 'b')).body).toMatchObject({ data: { title: 'B1' }, version: 1 });
    expect((await client.production('popup', 'c')).status).toBe(404);
    expect((await client.site()).environments.production.version).toBe(3);
    const { body: audit } = await client.http().get(`${base}/audit?limit=200`).set(auth()).expect(200);
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['snapshot.created', 'restore.requested', 'restore.succeeded']),
    );
  });

  it('lets only owners take, restore and delete snapshots', async () => {
    const site = await createSite(app, 'snaproles');
    const client = stagingClient(app, site);
    const base = `/api/sites/${site.slug}`;
    await client.http().post(`${base}/snapshots`).set(auth(site.tokens.editor)).send({ label: 'x' }).expect(403);
    const { body: snapshot } = await client
      .http()
      .post(`${base}/snapshots`)
      .set(auth(site.tokens.owner))
      .send({ label: 'x' })
      .expect(201);
    await client.http().post(`${base}/snapshots/${snapshot.id}/restore`).set(auth(site.tokens.editor)).expect(403);
    await client.http().delete(`${base}/snapshots/${snapshot.id}`).set(auth(site.tokens.editor)).expect(403);
    await client.http().delete(`${base}/snapshots/${snapshot.id}`).set(auth(site.tokens.owner)).expect(204);
    await client.http().delete(`${base}/snapshots/${snapshot.id}`).set(auth(site.tokens.owner)).expect(404);
    await client.http().post(`${base}/snapshots/not-a-uuid/restore`).set(auth(site.tokens.owner)).expect(404);
    await client.http().post(`${base}/snapshots`).set(auth(site.tokens.owner)).send({ label: '' }).expect(400);
  });

  it('refuses a restore while a promotion of the site is open, naming it', async () => {
    const site = await createSite(app, 'snapbusy');
    const client = stagingClient(app, site);
    // Holding the site's job lock (what a worker running this site holds) keeps the promotion open.
    const lock = await app.get(SiteLock).tryAcquire(site.id);
    try {
      const { body: snapshot } = await client
        .http()
        .post(`/api/sites/${site.slug}/snapshots`)
        .set(auth(site.tokens.owner))
        .send({ label: 's' })
        .expect(201);
      await client.put('popup', 'a', { title: 'A' });
      const { fingerprint } = await client.preview();
      const { body: promotion } = await client.promote(fingerprint).expect(202);
      const { body } = await client
        .http()
        .post(`/api/sites/${site.slug}/snapshots/${snapshot.id}/restore`)
        .set(auth(site.tokens.owner))
        .expect(409);
      expect(body.error).toMatchObject({
        code: 'promotion_in_progress',
        details: [{ jobId: promotion.id, kind: 'promotion' }],
      });
      await client.put('popup', 'b', { title: 'B' });
      const other = await client.preview();
      const { body: second } = await client.promote(other.fingerprint).expect(409);
      expect(second.error).toMatchObject({ code: 'promotion_in_progress', details: [{ jobId: promotion.id }] });
      await lock!.release();
      // Staging moved on while the job waited: it refuses to ship what nobody reviewed.
      const job = await client.waitForJob(promotion.id, 'failed');
      expect(job.error.code).toBe('stale_preview');
    } finally {
      await lock?.release().catch(() => {});
    }
  });
});
