import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { auth, createTestApp } from './app';
import { createSite, type TestSite } from './factories';
import { stagingClient } from './staging';

describe('reverting single entities', () => {
  let app: NestExpressApplication;
  const http = () => request(app.getHttpServer());
  beforeAll(async () => (app = await createTestApp()));
  afterAll(() => app.close());

  const contact = { title: 'Contact', fields: [{ name: 'email', type: 'email', label: 'Email', required: true }] };
  const page = (title: string, path: string, form?: string) => ({
    title,
    path,
    blocks: form ? [{ id: 'f', type: 'form', form }] : [{ id: 't', type: 'text', text: title }],
  });

  /** v1 (snapshotted): home with the contact form, about, a banner. v2: home without the form, about changed, banner and form gone. */
  async function twoVersions() {
    const site = await createSite(app, 'revert');
    const client = stagingClient(app, site);
    await client.put('form', 'contact', contact);
    await client.put('page', 'home', page('Home v1', '/', 'contact'));
    await client.put('page', 'about', page('About v1', '/about'));
    await client.put('popup', 'banner', { title: 'Banner' });
    for (const key of ['home', 'about']) await client.publish('page', key);
    const first = await client.promoteAll();
    const { body: snapshot } = await http()
      .post(`/api/sites/${site.slug}/snapshots`)
      .set(auth(site.tokens.owner))
      .send({ label: 'v1' })
      .expect(201);
    await client.put('page', 'home', page('Home v2', '/'));
    await client.put('page', 'about', page('About v2', '/about'));
    for (const key of ['home', 'about']) await client.publish('page', key);
    await client.remove('popup', 'banner');
    await client.remove('form', 'contact');
    const second = await client.promoteAll();
    return { site, client, snapshot, first, second };
  }

  const revert = (site: TestSite, path: string, entities: object[], token = site.tokens.owner) =>
    http().post(`/api/sites/${site.slug}${path}`).set(auth(token)).send({ entities });

  it('takes one page back from a snapshot with the form it needs, leaving everything else as it is', async () => {
    const { site, client, snapshot } = await twoVersions();
    const { body: started } = await revert(site, `/snapshots/${snapshot.id}/revert`, [
      { type: 'page', key: 'home' },
    ]).expect(202);
    const job = await client.waitForJob(started.id);
    expect(job).toMatchObject({ kind: 'restore', fromVersion: 2, toVersion: 3 });
    expect(job.result.reverted).toEqual([
      { type: 'form', key: 'contact', op: 'taken', requested: false },
      { type: 'page', key: 'home', op: 'taken', requested: true },
    ]);
    const home = (await client.production('page', 'home')).body;
    expect(home).toMatchObject({ version: 3, data: { title: 'Home v1' } });
    expect((await client.production('form', 'contact')).status).toBe(200);
    expect((await client.production('page', 'about')).body.data.title).toBe('About v2');
    expect((await client.production('popup', 'banner')).status).toBe(404);
    expect((await http().get(`/sites/${site.slug}/`).expect(200)).text).toContain('Home v1');
    const audit = await http().get(`/api/sites/${site.slug}/audit?limit=20`).set(auth()).expect(200);
    expect(audit.body.items.find((a: { action: string }) => a.action === 'restore.requested').details).toMatchObject({
      snapshotId: snapshot.id,
      entities: [{ type: 'page', key: 'home' }],
    });
  });

  it('brings back an entity production removed, and removes one the source lacks', async () => {
    const { site, client, second } = await twoVersions();
    await client.put('popup', 'later', { title: 'Added after v2' });
    const third = await client.promoteAll();
    // Before the third promotion there was no `later`, and the banner was already gone.
    const { body: started } = await revert(site, `/promotions/${third.id}/revert`, [
      { type: 'popup', key: 'later' },
    ]).expect(202);
    const job = await client.waitForJob(started.id);
    expect(job.result.reverted).toEqual([{ type: 'popup', key: 'later', op: 'removed', requested: true }]);
    expect((await client.production('popup', 'later')).status).toBe(404);
    const { body: back } = await revert(site, `/promotions/${second.id}/revert`, [
      { type: 'popup', key: 'banner' },
    ]).expect(202);
    await client.waitForJob(back.id);
    expect((await client.production('popup', 'banner')).body.data.title).toBe('Banner');
  });

  it('fails, changing nothing, when the revert would leave a reference to nothing', async () => {
    const { site, client, snapshot } = await twoVersions();
    await client.put('form', 'contact', contact);
    await client.put('page', 'about', page('About v3', '/about', 'contact'));
    await client.publish('page', 'about');
    await client.promoteAll();
    const before = (await client.site()).environments.production.version;
    // v1 had the form too, so ask to remove something v1 lacks that about now needs: a new form.
    await client.put('form', 'newsletter', contact);
    await client.put('page', 'about', page('About v4', '/about', 'newsletter'));
    await client.publish('page', 'about');
    await client.promoteAll();
    const { body: started } = await revert(site, `/snapshots/${snapshot.id}/revert`, [
      { type: 'form', key: 'newsletter' },
    ]).expect(202);
    const failed = await client.waitForJob(started.id, 'failed');
    expect(failed.error).toMatchObject({
      code: 'dangling_references',
      details: [{ type: 'page', key: 'about', refType: 'form', refKey: 'newsletter' }],
    });
    expect((await client.site()).environments.production.version).toBe(before + 1);
    expect((await client.production('form', 'newsletter')).status).toBe(200);
  });

  it('refuses bad selections and other sites’ snapshots with a 4xx, starting nothing', async () => {
    const { site, snapshot, first } = await twoVersions();
    const other = await createSite(app, 'revert-other');
    for (const entities of [[], [{ type: 'nope', key: 'x' }], [{ type: 'page', key: '../x' }], [{ type: 'page' }]])
      expect((await revert(site, `/snapshots/${snapshot.id}/revert`, entities).expect(400)).body.error.code).toBe(
        'validation_failed',
      );
    await revert(other, `/snapshots/${snapshot.id}/revert`, [{ type: 'page', key: 'home' }]).expect(404);
    await revert(site, `/snapshots/00000000-0000-4000-8000-000000000000/revert`, [
      { type: 'page', key: 'home' },
    ]).expect(404);
    await revert(site, `/promotions/${first.id}/revert`, [{ type: 'page', key: 'home' }], site.tokens.editor).expect(
      403,
    );
    const { body: jobs } = await http().get(`/api/sites/${site.slug}/audit?limit=50`).set(auth()).expect(200);
    expect(jobs.items.filter((a: { action: string }) => a.action === 'restore.requested')).toEqual([]);
  });
});
