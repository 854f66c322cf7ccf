import type { NestExpressApplication } from '@nestjs/platform-express';
import { auth, createTestApp } from './app';
import { createSite, type TestSite } from './factories';
import { stagingClient } from './staging';

// Rehearsing a restore: staging becomes a snapshot's state, so its preview is the diff restoring would make.
describe('reset staging from a snapshot (rehearse a restore)', () => {
  let app: NestExpressApplication;
  beforeAll(async () => (app = await createTestApp()));
  afterAll(() => app.close());

  /** Production at v2, a snapshot of its v1, and staging edited past both. */
  async function siteWithSnapshot(prefix: string) {
    const site = await createSite(app, prefix);
    const client = stagingClient(app, site);
    const base = `/api/sites/${site.slug}`;
    await client.put('popup', 'a', { title: 'A1' });
    await client.put('page', 'p', { title: 'P1', path: '/p', blocks: [] });
    await client.publish('page', 'p');
    await client.promoteAll();
    const { body: snapshot } = await client
      .http()
      .post(`${base}/snapshots`)
      .set(auth(site.tokens.owner))
      .send({ label: 'v1' })
      .expect(201);
    await client.put('popup', 'a', { title: 'A2' });
    await client.put('popup', 'b', { title: 'B (added after the snapshot)' });
    await client.promoteAll();
    await client.put('popup', 'a', { title: 'A3 (staging only)' });
    await client.put('page', 'p', { title: 'P draft', path: '/p', blocks: [] });
    return { site, client, base, snapshot };
  }
  const reset = (client: ReturnType<typeof stagingClient>, site: TestSite, body: object, token = site.tokens.owner) =>
    client.http().post(`/api/sites/${site.slug}/staging/reset`).set(auth(token)).send(body);
  const read = (client: ReturnType<typeof stagingClient>, site: TestSite, type: string, key: string) =>
    client.http().get(`/api/sites/${site.slug}/staging/content/${type}/${key}`).set(auth());

  it("copies the snapshot's state into staging at version 0, keeps a backup, leaves production alone, and previews the restore", async () => {
    const { site, client, base, snapshot } = await siteWithSnapshot('rehearse');
    const productionBefore = (await client.site()).environments.production;

    const { body: started } = await reset(client, site, { confirm: site.slug, fromSnapshot: snapshot.id }).expect(202);
    expect(started).toMatchObject({ kind: 'reset', snapshotId: snapshot.id });
    const job = await client.waitForJob(started.id);
    expect(job).toMatchObject({ kind: 'reset', toVersion: 0, snapshotId: snapshot.id });

    const after = await client.site();
    expect(after.environments.staging.version).toBe(0);
    expect(after.environments.production).toEqual(productionBefore);
    expect((await client.production('popup', 'a')).body).toMatchObject({ data: { title: 'A2' }, version: 2 });
    expect((await read(client, site, 'popup', 'a')).body).toMatchObject({ data: { title: 'A1' }, version: 0 });
    expect((await read(client, site, 'page', 'p')).body).toMatchObject({
      data: { title: 'P1' },
      published: { title: 'P1' },
      version: 0,
    });
    expect((await read(client, site, 'popup', 'b')).status).toBe(404);

    const { body: backups } = await client.http().get(`${base}/staging/backups`).set(auth()).expect(200);
    expect(backups.items).toEqual([expect.objectContaining({ reason: 'reset', jobId: started.id, entityCount: 3 })]);
    const { body: audit } = await client.http().get(`${base}/audit`).set(auth()).expect(200);
    expect(audit.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'reset.requested', details: { snapshotId: snapshot.id, label: 'v1' } }),
      ]),
    );

    // The preview against production's head is what restoring the snapshot would change; staging is in step
    // with the snapshot's state, so what production changed since then is marked as drift.
    const preview = await client.preview();
    const changes = preview.changes.map((c: { key: string; op: string; drift: boolean }) => [c.key, c.op, c.drift]);
    expect(changes.sort()).toEqual([
      ['a', 'changed', true],
      ['b', 'removed', true],
    ]);
    expect(preview.summary).toMatchObject({ changed: 1, removed: 1, added: 0, drift: 2 });

    // Restoring the snapshot for real makes production what the rehearsal showed: nothing left to promote.
    const { body: restore } = await client
      .http()
      .post(`${base}/snapshots/${snapshot.id}/restore`)
      .set(auth(site.tokens.owner))
      .expect(202);
    await client.waitForJob(restore.id);
    expect((await client.preview()).summary).toMatchObject({ added: 0, changed: 0, removed: 0 });

    // And the staging the rehearsal overwrote comes back from its backup.
    const { body: back } = await client
      .http()
      .post(`${base}/staging/backups/${backups.items[0].id}/restore`)
      .set(auth(site.tokens.owner))
      .expect(202);
    await client.waitForJob(back.id);
    expect((await read(client, site, 'popup', 'a')).body.data.title).toBe('A3 (staging only)');
    expect((await read(client, site, 'page', 'p')).body.data.title).toBe('P draft');
  });

  it("refuses another site's snapshot, a deleted one, a wrong confirmation and a non-owner, resetting nothing", async () => {
    const { site, client, base, snapshot } = await siteWithSnapshot('rehearse-bad');
    const other = await siteWithSnapshot('rehearse-other');
    const { body: deleted } = await client
      .http()
      .post(`${base}/snapshots`)
      .set(auth(site.tokens.owner))
      .send({ label: 'gone' })
      .expect(201);
    await client.http().delete(`${base}/snapshots/${deleted.id}`).set(auth(site.tokens.owner)).expect(204);
    const stagingBefore = (await client.site()).environments.staging;

    const refusals: [object, number, string, string?][] = [
      [{ confirm: site.slug, fromSnapshot: other.snapshot.id }, 404, 'not_found'],
      [{ confirm: site.slug, fromSnapshot: deleted.id }, 404, 'not_found'],
      [{ confirm: site.slug, fromSnapshot: 'not-a-snapshot' }, 404, 'not_found'],
      [{ confirm: 'wrong', fromSnapshot: snapshot.id }, 400, 'invalid_confirmation'],
      [{ confirm: site.slug, fromSnapshot: 42 }, 400, 'validation_failed'],
      [{ confirm: site.slug, fromSnapshot: snapshot.id }, 403, 'forbidden', site.tokens.editor],
    ];
    for (const [body, status, code, token] of refusals) {
      const { body: answer } = await reset(client, site, body, token).expect(status);
      expect(answer.error.code).toBe(code);
    }
    expect((await client.site()).environments.staging).toEqual(stagingBefore);
    expect((await read(client, site, 'popup', 'a')).body.data.title).toBe('A3 (staging only)');
    const { body: backups } = await client.http().get(`${base}/staging/backups`).set(auth()).expect(200);
    expect(backups.items).toEqual([]);
    const { body: history } = await client.http().get(`${base}/audit`).set(auth()).expect(200);
    expect(history.items.filter((e: { action: string }) => e.action.startsWith('reset.'))).toEqual([]);
  });
});
