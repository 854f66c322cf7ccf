import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { auth, createTestApp } from './app';
import { createSite } from './factories';
import { stagingClient } from './staging';

/**
 * Staging's changed set (staging_changes): the preview and the promotion compare only what staging changed
 * since its base and what production changed since then. Its counts must stay whole-site exact.
 */
describe('staging’s changed set', () => {
  let app: NestExpressApplication;
  beforeAll(async () => (app = await createTestApp()));
  afterAll(() => app.close());
  const db = () => app.get(DataSource);
  const changedKeys = async (siteId: string) =>
    (
      await db().query(`select type || '/' || key as id from staging_changes where site_id = $1 order by 1`, [siteId])
    ).map((r: { id: string }) => r.id);

  async function promotedSite(prefix: string) {
    const site = await createSite(app, prefix);
    const client = stagingClient(app, site);
    for (const key of ['a', 'b', 'c', 'd', 'e']) await client.put('popup', key, { title: key });
    await client.promoteAll();
    return { site, client };
  }

  it('is empty once a promotion ships it, and holds exactly what staging changed since', async () => {
    const { site, client } = await promotedSite('changes-exact');
    expect(await changedKeys(site.id)).toEqual([]);
    await client.put('popup', 'a', { title: 'a2' });
    await client.put('popup', 'f', { title: 'f' });
    await client.remove('popup', 'b');
    // Written back as it was: in the set, but not a change.
    await client.put('popup', 'c', { title: 'c2' });
    await client.put('popup', 'c', { title: 'c' });
    expect(await changedKeys(site.id)).toEqual(['popup/a', 'popup/b', 'popup/c', 'popup/f']);
    const preview = await client.preview();
    expect(preview.summary).toMatchObject({ added: 1, changed: 1, removed: 1, unchanged: 3 });
    expect(preview.summary.byType.popup).toMatchObject({ added: 1, changed: 1, removed: 1, unchanged: 3 });
    expect(preview.changes.map((c: { key: string; op: string }) => `${c.key}:${c.op}`)).toEqual([
      'a:changed',
      'b:removed',
      'f:added',
    ]);
    await client.promoteAll();
    expect(await changedKeys(site.id)).toEqual([]);
    expect((await client.preview()).summary).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: 5 });
    expect((await client.production('popup', 'f')).body.data.title).toBe('f');
  });

  it('forgets what a selective promotion shipped and keeps what it left behind', async () => {
    const { site, client } = await promotedSite('changes-selective');
    await client.put('popup', 'a', { title: 'a2' });
    await client.put('popup', 'b', { title: 'b2' });
    await client.remove('popup', 'c');
    // Written back as it was before the promotion: left in the set, which only this promotion's entities leave.
    await client.put('popup', 'd', { title: 'd2' });
    await client.put('popup', 'd', { title: 'd' });
    const select = {
      entities: [
        { type: 'popup', key: 'a' },
        { type: 'popup', key: 'c' },
      ],
    };
    const preview = await client.previewSelection(select);
    const { body: job } = await client.promote(preview.fingerprint, { select }).expect(202);
    await client.waitForJob(job.id);
    expect(await changedKeys(site.id)).toEqual(['popup/b', 'popup/d']);
    const after = await client.preview();
    expect(after.changes.map((c: { key: string; op: string }) => `${c.key}:${c.op}`)).toEqual(['b:changed']);
    expect(after.summary).toMatchObject({ added: 0, changed: 1, removed: 0, unchanged: 3 });
  });

  it('keeps what production changed apart from staging, and empties on a reset from production', async () => {
    const { site, client } = await promotedSite('changes-reset');
    await client
      .http()
      .put(`/api/sites/${site.slug}/production/content/popup/d`)
      .set(auth(site.tokens.owner))
      .set('X-Break-Glass', 'hot-fix')
      .send({ data: { title: 'd on production' } })
      .expect((r) => expect([200, 201]).toContain(r.status));
    // Not a staging change, yet the preview finds it through what separates staging's base from the head.
    expect(await changedKeys(site.id)).toEqual([]);
    const preview = await client.preview();
    expect(preview.summary).toMatchObject({ changed: 1, drift: 1, unchanged: 4 });
    await client.put('popup', 'e', { title: 'e2' });
    const { body: job } = await client
      .http()
      .post(`/api/sites/${site.slug}/staging/reset`)
      .set(auth(site.tokens.owner))
      .send({ confirm: site.slug })
      .expect(202);
    await client.waitForJob(job.id);
    expect(await changedKeys(site.id)).toEqual([]);
    expect((await client.preview()).summary).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: 5 });
  });
});
