import type { NestExpressApplication } from '@nestjs/platform-express';
import { auth, createTestApp } from './app';
import { createSite } from './factories';
import { stagingClient } from './staging';

describe('reset staging from production', () => {
  let app: NestExpressApplication;
  beforeAll(async () => (app = await createTestApp()));
  afterAll(() => app.close());

  it('copies production into staging at version 0, keeps the old staging as a backup, and can put it back', async () => {
    const site = await createSite(app, 'reset');
    const client = stagingClient(app, site);
    const base = `/api/sites/${site.slug}`;
    await client.put('popup', 'a', { title: 'A1' });
    await client.put('page', 'p', { title: 'P', path: '/p', blocks: [] });
    await client.publish('page', 'p');
    await client.promoteAll();
    await client.put('popup', 'a', { title: 'A2 (staging only)' });
    await client.put('popup', 'z', { title: 'Z (staging only)' });
    await client.put('page', 'p', { title: 'P draft', path: '/p', blocks: [] });
    const productionBefore = (await client.site()).environments.production;

    const refused = await client
      .http()
      .post(`${base}/staging/reset`)
      .set(auth(site.tokens.owner))
      .send({ confirm: 'wrong' })
      .expect(400);
    expect(refused.body.error.code).toBe('invalid_confirmation');
    await client
      .http()
      .post(`${base}/staging/reset`)
      .set(auth(site.tokens.editor))
      .send({ confirm: site.slug })
      .expect(403);
    const { body: started } = await client
      .http()
      .post(`${base}/staging/reset`)
      .set(auth(site.tokens.owner))
      .send({ confirm: site.slug })
      .expect(202);
    const job = await client.waitForJob(started.id);
    expect(job).toMatchObject({ kind: 'reset', toVersion: 0 });

    const after = await client.site();
    expect(after.environments.staging.version).toBe(0);
    expect(after.environments.staging.resetAt).not.toBeNull();
    expect(after.environments.production).toEqual(productionBefore); // production untouched
    const read = async (type: string, key: string) =>
      client.http().get(`${base}/staging/content/${type}/${key}`).set(auth());
    expect((await read('popup', 'a')).body).toMatchObject({ data: { title: 'A1' }, version: 0 });
    expect((await read('page', 'p')).body).toMatchObject({
      data: { title: 'P' },
      published: { title: 'P' },
      version: 0,
    });
    expect((await read('popup', 'z')).status).toBe(404);
    expect((await client.production('popup', 'a')).body.version).toBe(1); // production's numbers never move on a reset
    expect((await client.preview()).summary).toMatchObject({ added: 0, changed: 0, removed: 0 });

    const { body: backups } = await client
      .http()
      .get(`${base}/staging/backups`)
      .set(auth(site.tokens.editor))
      .expect(200);
    expect(backups.items).toHaveLength(1);
    expect(backups.items[0]).toMatchObject({ reason: 'reset', entityCount: 3 });
    const { body: restoring } = await client
      .http()
      .post(`${base}/staging/backups/${backups.items[0].id}/restore`)
      .set(auth(site.tokens.owner))
      .expect(202);
    await client.waitForJob(restoring.id);
    expect((await read('popup', 'z')).body.data.title).toBe('Z (staging only)');
    expect((await read('popup', 'a')).body.data.title).toBe('A2 (staging only)');
    expect((await read('page', 'p')).body).toMatchObject({ data: { title: 'P draft' }, published: { title: 'P' } });
    const { body: twoBackups } = await client.http().get(`${base}/staging/backups`).set(auth()).expect(200);
    expect(twoBackups.items.map((b: { reason: string }) => b.reason)).toEqual(['backup_restore', 'reset']); // nothing lost
  });
});
