import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { MediaStore } from '../libs/media-storage';
import { MEDIA_STORE } from '../src/platform/media-store/media.tokens';
import { auth, createTestApp } from './app';
import { createSite } from './factories';
import { CandidateStates } from '../src/promotion/candidate-states';
import { parseFingerprint } from '../src/promotion/fingerprint';
import { png, stagingClient } from './staging';

describe('garbage collection', () => {
  let app: NestExpressApplication;
  // Without skew protection's grace, so a retired head is collected at once (test/skew-protection covers it).
  beforeAll(async () => (app = await createTestApp(undefined, { SKEW_GRACE_MINUTES: '0' })));
  afterAll(() => app.close());
  const collect = (body: object = { graceSeconds: 0, keepRecentStates: 0 }) =>
    request(app.getHttpServer()).post('/api/admin/gc').set(auth()).send(body).expect(200);
  const db = () => app.get(DataSource);

  it('deletes unreferenced states, revisions and blobs and never a referenced one', async () => {
    const site = await createSite(app, 'gc');
    const client = stagingClient(app, site);
    const store = app.get<MediaStore>(MEDIA_STORE);
    const kept = await client.upload('kept', png('gc-kept'));
    await client.put('popup', 'a', { title: 'v1' });
    await client.promoteAll();
    const { body: snapshot } = await client
      .http()
      .post(`/api/sites/${site.slug}/snapshots`)
      .set(auth(site.tokens.owner))
      .send({ label: 's' })
      .expect(201);
    const dropped = await client.upload('dropped', png('gc-dropped')); // only ever in the v2 state
    await client.put('popup', 'a', { title: 'v2' });
    await client.promoteAll();
    await client.put('popup', 'a', { title: 'v3' });
    await client.remove('media', 'dropped');
    const third = await client.promoteAll();
    // One more, so that the v2 state is no longer the one an undo of the head's promotion would put back.
    await client.put('popup', 'a', { title: 'v4' });
    const fourth = await client.promoteAll();
    const superseded = (
      await db().query(`select revision_id from state_entry($1, 'popup', 'a')`, [snapshot.stateId])
    )[0];

    const { body: result } = await collect();
    expect(result.states).toBeGreaterThanOrEqual(1); // the v2 state: neither head nor snapshot
    expect(result.blobs.staging + result.blobs.production).toBeGreaterThanOrEqual(1);

    // Everything still referenced is intact: production's head, the snapshot, staging, and the v3 state that
    // undoing the last promotion puts back.
    expect((await client.production('popup', 'a')).body.data.title).toBe('v4');
    expect(fourth.result.fromStateId).toBe(third.result.stateId);
    const [{ kept: undoTarget }] = await db().query(`select count(*)::int as kept from content_states where id = $1`, [
      third.result.stateId,
    ]);
    expect(undoTarget).toBe(1);
    const [{ n }] = await db().query(`select count(*)::int as n from revisions where id = $1`, [
      superseded.revision_id,
    ]);
    expect(n).toBe(1); // v1, pinned by the snapshot
    expect(await store.exists('staging', kept.sha256)).toBe(true);
    expect(await store.exists('production', kept.sha256)).toBe(true);
    expect(await store.exists('staging', dropped.sha256)).toBe(false);
    expect(await store.exists('production', dropped.sha256)).toBe(false);
    const dangling = await db().query(
      `select 1 from state_entries e left join revisions r on r.id = e.revision_id
       where e.revision_id is not null and r.id is null
       union all select 1 from staging_entries s left join revisions r on r.id = s.data_revision_id where r.id is null`,
    );
    expect(dangling).toEqual([]);
    const { body: restore } = await client
      .http()
      .post(`/api/sites/${site.slug}/snapshots/${snapshot.id}/restore`)
      .set(auth(site.tokens.owner))
      .expect(202);
    await client.waitForJob(restore.id);
    expect((await client.production('popup', 'a')).body.data.title).toBe('v1');
  });

  it('never deletes a state a retained delta is built on, and folds away the links only such a delta needs', async () => {
    const site = await createSite(app, 'gcchain');
    const client = stagingClient(app, site);
    const promoted: number[] = [];
    for (const key of ['a', 'b', 'c', 'd', 'e']) {
      await client.put('popup', key, { title: key });
      promoted.push((await client.promoteAll()).result.stateId);
      if (key === 'b')
        await client
          .http()
          .post(`/api/sites/${site.slug}/snapshots`)
          .set(auth(site.tokens.owner))
          .send({ label: 'on a delta' })
          .expect(201);
    }
    const [, b, c, , e] = promoted;
    const chain = async (id: number) =>
      (await db().query(`select ancestors::int[] as ancestors from content_states where id = $1`, [id]))[0]?.ancestors;
    // Small site, default policy: each promotion is a delta on the one before.
    expect((await chain(e)).slice(0, 2)).toEqual([promoted[3], promoted[2]]);
    const manifest = async (id: number) =>
      db().query(`select type, key, revision_id::text, version from state_manifest($1) order by type, key`, [id]);
    const [snapshotBefore, headBefore] = [await manifest(b), await manifest(e)];

    const { body: result } = await collect();
    expect(result.states).toBeGreaterThanOrEqual(1);
    // c was only a link between the snapshot's state and the head's chain: folded into the next and deleted.
    expect(await chain(c)).toBeUndefined();
    expect(await manifest(b)).toEqual(snapshotBefore);
    expect(await manifest(e)).toEqual(headBefore);
    const broken = await db().query(
      `select s.id from content_states s cross join lateral unnest(s.ancestors) a(id)
       where not exists (select 1 from content_states t where t.id = a.id)
          or s.parent_id is distinct from s.ancestors[1]`,
    );
    expect(broken).toEqual([]);
    expect((await client.production('popup', 'a')).body.data.title).toBe('a');
  });

  it('keeps everything a promotion running at the same time needs', async () => {
    const site = await createSite(app, 'gcrace');
    const client = stagingClient(app, site);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 20; i++) await client.put('popup', `p${i}`, { title: `round ${round} #${i}` });
      const { fingerprint } = await client.preview();
      const [promotion] = await Promise.all([client.promote(fingerprint).expect(202), collect(), collect()]);
      await client.waitForJob(promotion.body.id);
      await collect();
      for (let i = 0; i < 20; i += 7)
        expect((await client.production('popup', `p${i}`)).body.data.title).toBe(`round ${round} #${i}`);
    }
    const missing = await db().query(
      `select e.key from environments v cross join lateral state_manifest(v.head_state_id) e
       left join revisions r on r.id = e.revision_id where v.site_id = $1 and v.name = 'production' and r.id is null`,
      [site.id],
    );
    expect(missing).toEqual([]);
  });

  it("keeps a selection's candidate for the grace period only, and never in place of a recent promotion", async () => {
    const site = await createSite(app, 'gccandidate');
    const client = stagingClient(app, site);
    const promoted: number[] = [];
    for (const title of ['v1', 'v2', 'v3']) {
      await client.put('popup', 'a', { title });
      promoted.push((await client.promoteAll()).result.stateId);
    }
    await client.put('popup', 'a', { title: 'v4' });
    await client.put('popup', 'b', { title: 'left behind' });
    const select = { entities: [{ type: 'popup' as const, key: 'a' }], types: [] };
    const preview = await client.previewSelection(select);
    const candidate = await app.get(CandidateStates).ensure(site.id, parseFingerprint(preview.fingerprint)!, select);
    const [entry] = await db().query(
      `select r.body->>'title' as title from state_entry($1, 'popup', 'a') e join revisions r on r.id = e.revision_id`,
      [candidate],
    );
    expect(entry.title).toBe('v4');
    expect(await db().query(`select 1 from state_entry($1, 'popup', 'b')`, [candidate])).toEqual([]);
    const exists = async (id: number) =>
      (await db().query(`select 1 from content_states where id = $1`, [id])).length === 1;

    await collect({ graceSeconds: 3600, keepRecentStates: 3 });
    expect(await exists(candidate)).toBe(true);
    // Past its grace it goes; the three promotions kept as recent are still the three, not two and it.
    await collect({ graceSeconds: 0, keepRecentStates: 3 });
    expect(await exists(candidate)).toBe(false);
    for (const id of promoted) expect(await exists(id)).toBe(true);
  });
});
