import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { CONTENT_TYPES } from '../libs/content-model';
import { SiteLock } from '../src/jobs/site-lock';
import { auth, createTestApp } from './app';
import { createSite, type TestSite } from './factories';
import { stageEveryType, stagingClient } from './staging';

describe('promote to production', () => {
  let app: NestExpressApplication;
  beforeAll(async () => (app = await createTestApp()));
  afterAll(() => app.close());
  const newSite = async () => {
    const site = await createSite(app, 'promo');
    return { site, client: stagingClient(app, site) };
  };

  describe('a first promotion of every promotable type (and a draft-only page)', () => {
    let site: TestSite;
    let client: Awaited<ReturnType<typeof newSite>>['client'];
    let keys: Awaited<ReturnType<typeof stageEveryType>>;
    let preview: Awaited<ReturnType<typeof client.preview>>;
    let started: { id: string };
    let job: Awaited<ReturnType<typeof client.waitForJob>>;
    beforeAll(async () => {
      ({ site, client } = await newSite());
      keys = await stageEveryType(client);
      await client.put('page', 'draft-only', { title: 'Not yet', path: '/not-yet', blocks: [] });
      await client.put('page', 'home', { title: 'Home (draft edit)', path: '/', blocks: [] }); // draft after publish
      preview = await client.preview();
      started = (await client.promote(preview.fingerprint, { snapshot: true, note: 'launch' }).expect(202)).body;
      job = await client.waitForJob(started.id);
    });

    it('previews every type as added, and nothing else', () => {
      expect(preview.summary).toMatchObject({ added: CONTENT_TYPES.length, changed: 0, removed: 0, unchanged: 0 });
      expect(Object.keys(preview.summary.byType).sort()).toEqual([...CONTENT_TYPES].sort());
      expect(preview.changes.every((c: { op: string }) => c.op === 'added')).toBe(true);
    });

    it('answers 202 with a queued job that runs every step and records versions, snapshot and timings', () => {
      expect(started).toMatchObject({ kind: 'promotion', status: 'queued', note: 'launch' });
      expect(job.steps.map((s: { name: string; status: string }) => `${s.name}:${s.status}`)).toEqual([
        'check-fingerprint:succeeded',
        'validate:succeeded',
        'copy-media:succeeded',
        'snapshot:succeeded',
        'build-state:succeeded',
        'plan-check:succeeded',
        'swap:succeeded',
        'verify:succeeded',
        'mark-staging-in-step:succeeded',
        'finish:succeeded',
        'finish-rollback:skipped',
      ]);
      expect(job).toMatchObject({ progress: 100, fromVersion: 0, toVersion: 1, snapshotId: expect.any(String) });
      expect(job.timings.totalMs).toBeGreaterThan(0);
      expect(job.timings.maintenanceMs).toBeGreaterThanOrEqual(0);
      expect(job.result.verification).toMatchObject({ verdict: 'passed', failures: [] });
    });

    it('puts every type in production at version 1, the published revision rather than a later draft', async () => {
      for (const type of CONTENT_TYPES) {
        const { status, body } = await client.production(type, keys[type]);
        expect([type, status]).toEqual([type, 200]);
        expect(body.version).toBe(1);
      }
      expect((await client.production('page', 'home')).body.data.title).toBe('Home');
      expect((await client.production('page', 'draft-only')).status).toBe(404);
      expect((await client.site()).environments.production.version).toBe(1);
    });

    it('copies the media file to production’s bucket', async () => {
      const media = await client
        .http()
        .get(`/api/sites/${site.slug}/production/media/hero/content`)
        .set(auth())
        .expect(200);
      expect(media.headers['content-type']).toBe('image/png');
    });

    it('leaves nothing to promote afterwards', async () => {
      const after = await client.preview();
      expect(after.summary).toMatchObject({ added: 0, changed: 0, removed: 0, unchanged: CONTENT_TYPES.length });
    });

    it('shows in the history with its summary, and in the audit log', async () => {
      const { body: history } = await client
        .http()
        .get(`/api/sites/${site.slug}/promotions`)
        .set(auth(site.tokens.reviewer))
        .expect(200);
      expect(history.items[0]).toMatchObject({
        id: job.id,
        status: 'succeeded',
        fromVersion: 0,
        toVersion: 1,
        createdBy: expect.stringMatching(/^token:/),
      });
      expect(history.items[0].summary).toMatchObject({ added: CONTENT_TYPES.length });
      const { body: audit } = await client
        .http()
        .get(`/api/sites/${site.slug}/audit?limit=500`)
        .set(auth())
        .expect(200);
      const actions = audit.items.map((a: { action: string }) => a.action);
      expect(actions).toEqual(expect.arrayContaining(['promotion.requested', 'promotion.succeeded']));
    });
  });

  it('shows a moved block as a move and a changed entity with both versions; counts versions per entity', async () => {
    const { client } = await newSite();
    const blocks = [
      { id: 'a', type: 'text', text: 'first' },
      { id: 'b', type: 'text', text: 'second' },
      { id: 'c', type: 'text', text: 'third' },
    ];
    await client.put('page', 'p', { title: 'P', path: '/p', blocks });
    await client.publish('page', 'p');
    await client.put('stylesheet', 'css', { css: 'a{}' });
    await client.promoteAll();
    await client.put('page', 'p', { title: 'P', path: '/p', blocks: [blocks[2], blocks[0], blocks[1]] });
    await client.publish('page', 'p');
    const preview = await client.preview();
    expect(preview.summary).toMatchObject({ changed: 1, unchanged: 1 });
    const [change] = preview.changes;
    expect(change).toMatchObject({
      type: 'page',
      key: 'p',
      op: 'changed',
      staging: { version: 2 },
      production: { version: 1 },
    });
    expect(change.delta.blocks).toEqual({ _t: 'a', _2: ['', 0, 3] });
    await client.promoteAll();
    expect((await client.production('page', 'p')).body.version).toBe(2);
    expect((await client.production('stylesheet', 'css')).body.version).toBe(1);
    expect((await client.site()).environments.production.version).toBe(2);
  });

  it('removes from production what staging deleted', async () => {
    const { client } = await newSite();
    await client.put('popup', 'gone', { title: 'Bye' });
    await client.put('popup', 'stays', { title: 'Hi' });
    await client.promoteAll();
    await client.remove('popup', 'gone');
    const preview = await client.preview();
    expect(preview.changes).toEqual([
      expect.objectContaining({ type: 'popup', key: 'gone', op: 'removed', data: { title: 'Bye' } }),
    ]);
    await client.promoteAll();
    expect((await client.production('popup', 'gone')).status).toBe(404);
    expect((await client.production('popup', 'stays')).status).toBe(200);
  });

  it('pages the diff with a cursor and filters it by type', async () => {
    const { client } = await newSite();
    for (let i = 0; i < 7; i++) await client.put('popup', `p${i}`, { title: `${i}` });
    await client.put('theme', 't', { colors: {} });
    const seen: string[] = [];
    let cursor = '';
    do {
      const page = await client.preview(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.changes.map((c: { type: string; key: string }) => `${c.type}/${c.key}`));
      cursor = page.nextCursor ?? '';
    } while (cursor);
    expect(seen).toEqual([
      'popup/p0',
      'popup/p1',
      'popup/p2',
      'popup/p3',
      'popup/p4',
      'popup/p5',
      'popup/p6',
      'theme/t',
    ]);
    const themes = await client.preview('?type=theme');
    expect(themes.changes.map((c: { key: string }) => c.key)).toEqual(['t']);
    expect(themes.summary.added).toBe(8); // the summary stays the whole diff
    await client
      .http()
      .get(`/api/sites/${(await client.site()).slug}/promotion/preview?type=widget`)
      .set(auth())
      .expect(400);
  });

  it('refuses a stale preview with 409 and the fresh diff', async () => {
    const { client } = await newSite();
    await client.put('popup', 'a', { title: 'A' });
    const { fingerprint } = await client.preview();
    await client.put('popup', 'b', { title: 'B' });
    const { body } = await client.promote(fingerprint).expect(409);
    expect(body.error.code).toBe('stale_preview');
    const fresh = body.error.details[0].preview;
    expect(fresh.fingerprint).not.toBe(fingerprint);
    expect(fresh.summary.added).toBe(2);
    await client.promote('not-a-fingerprint').expect(400);
  });

  it('answers 20 concurrent clicks with one job', async () => {
    const { site, client } = await newSite();
    await client.put('popup', 'a', { title: 'A' });
    const { fingerprint } = await client.preview();
    const responses = await Promise.all(Array.from({ length: 20 }, () => client.promote(fingerprint)));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(202));
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    await client.waitForJob([...ids][0]);
    const [{ count }] = await app
      .get(DataSource)
      .query(`select count(*)::int as count from jobs where site_id = $1`, [site.id]);
    expect(count).toBe(1);
  });

  it('refuses a promotion whose references dangle, listing them, and leaves production as it was', async () => {
    const { site, client } = await newSite();
    await client.put('form', 'contact', { title: 'C', fields: [] });
    await client.put('page', 'p', {
      title: 'P',
      path: '/p',
      blocks: [
        { id: 'f', type: 'form', form: 'contact' },
        { id: 'i', type: 'image', media: 'missing-image' },
      ],
    });
    await client.publish('page', 'p');
    await client.put('custom_field', 'f', { objectType: 'ghost-type', name: 'x', fieldType: 'text' });
    const { fingerprint } = await client.preview();
    // The launch report flags the missing image before the job starts; acknowledged, the job's own check refuses.
    expect((await client.promote(fingerprint).expect(409)).body.error.code).toBe('launch_checks_failed');
    const { body: started } = await client.promote(fingerprint, { acknowledgeChecks: ['missing_media'] }).expect(202);
    const job = await client.waitForJob(started.id, 'failed');
    expect(job.error.code).toBe('dangling_references');
    expect(job.step).toBe('validate');
    expect(job.error.details).toEqual(
      expect.arrayContaining([
        { type: 'page', key: 'p', refType: 'media', refKey: 'missing-image' },
        { type: 'custom_field', key: 'f', refType: 'custom_object_type', refKey: 'ghost-type' },
      ]),
    );
    expect((await client.site()).environments.production.version).toBe(0);
    const { body: audit } = await client.http().get(`/api/sites/${site.slug}/audit`).set(auth()).expect(200);
    expect(audit.items.map((a: { action: string }) => a.action)).toContain('promotion.failed');
  });

  it('never runs a site job while another holder has the site lock in PostgreSQL', async () => {
    const { site, client } = await newSite();
    await client.put('popup', 'a', { title: 'A' });
    const lock = await app.get(SiteLock).tryAcquire(site.id); // what a second worker running this site holds
    expect(lock).not.toBeNull();
    try {
      const { fingerprint } = await client.preview();
      const { body: started } = await client.promote(fingerprint).expect(202);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await client.job(started.id)).status).toBe('queued');
      expect(await app.get(SiteLock).tryAcquire(site.id)).toBeNull();
      await lock!.release();
      await client.waitForJob(started.id);
    } finally {
      await lock?.release().catch(() => {});
    }
  });

  it('refuses a promotion from a reviewer', async () => {
    const { site, client } = await newSite();
    const { fingerprint } = await client.preview();
    expect((await client.promote(fingerprint, {}, site.tokens.reviewer).expect(403)).body.error.code).toBe('forbidden');
  });

  it('streams the job as server-sent events until it ends', async () => {
    const { site, client } = await newSite();
    await client.put('popup', 'a', { title: 'A' });
    const { fingerprint } = await client.preview();
    const { body: started } = await client.promote(fingerprint).expect(202);
    const { text, headers } = await client
      .http()
      .get(`/api/jobs/${started.id}/events`)
      .set(auth(site.tokens.reviewer))
      .buffer(true)
      .expect(200);
    expect(headers['content-type']).toMatch(/text\/event-stream/);
    const events = text
      .split('\n\n')
      .filter((chunk) => chunk.includes('data:'))
      .map((chunk) =>
        JSON.parse(
          chunk
            .split('\n')
            .find((l) => l.startsWith('data:'))!
            .slice(5),
        ),
      );
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events[events.length - 1].status).toBe('succeeded');
  });
});
