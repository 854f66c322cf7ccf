import type { DataSource } from 'typeorm';
import { fileDatabase, ManifestRows, type FileDatabase } from '../../test/file-database';
import { StatesRepository } from './states.repository';

describe('StatesRepository (SQL on a database of its own)', () => {
  let database: FileDatabase;
  let db: DataSource;
  let rows: ManifestRows;
  const states = new StatesRepository({ stateDeltas: { maxDepth: 8, maxPercent: 25 } });

  beforeAll(async () => {
    database = await fileDatabase('states');
    db = database.dataSource;
    rows = new ManifestRows(db);
  });
  afterAll(() => database.close());

  /** A site whose production holds home (v3) and gone (v1); staging changes home and adds about. */
  async function siteWithChanges() {
    const siteId = await rows.site();
    const [home1, home2, gone, about, draft] = await Promise.all([
      rows.revision('page', { title: 'Home' }),
      rows.revision('page', { title: 'Home 2' }),
      rows.revision('popup', { title: 'Gone' }),
      rows.revision('page', { title: 'About' }),
      rows.revision('page', { title: 'Draft' }),
    ]);
    const base = await rows.state(siteId, [
      { type: 'page', key: 'home', revision: home1, version: 3, route: '/' },
      { type: 'popup', key: 'gone', revision: gone, version: 1 },
    ]);
    return { siteId, base, home1, home2, gone, about, draft };
  }

  it('keeps production’s version for an unchanged entity', async () => {
    const { siteId, base, home1 } = await siteWithChanges();
    await rows.staging(siteId, { type: 'page', key: 'home', data: home1, published: home1, version: 9, route: '/' });
    const { id } = await states.create(db.manager, siteId, 'promotion', crypto.randomUUID());
    expect(await states.fillFromStaging(db.manager, id, siteId, base)).toBe(1);
    expect(await rows.entriesOf(id)).toEqual([{ type: 'page', key: 'home', revision: home1, version: 3 }]);
  });

  it('counts a changed entity on from production’s version, not staging’s', async () => {
    const { siteId, base, home2 } = await siteWithChanges();
    await rows.staging(siteId, { type: 'page', key: 'home', data: home2, published: home2, version: 9, route: '/' });
    const { id } = await states.create(db.manager, siteId, 'promotion', crypto.randomUUID());
    await states.fillFromStaging(db.manager, id, siteId, base);
    expect(await rows.entriesOf(id)).toEqual([{ type: 'page', key: 'home', revision: home2, version: 4 }]);
  });

  it('adds a new entity at version 1 and leaves out what staging deleted', async () => {
    const { siteId, base, about } = await siteWithChanges();
    await rows.staging(siteId, { type: 'page', key: 'about', data: about, published: about, route: '/about' });
    const { id } = await states.create(db.manager, siteId, 'promotion', crypto.randomUUID());
    await states.fillFromStaging(db.manager, id, siteId, base);
    expect(await rows.entriesOf(id)).toEqual([{ type: 'page', key: 'about', revision: about, version: 1 }]);
  });

  it('leaves out a draft that was never published, and keeps the published body of a page with a newer draft', async () => {
    const { siteId, base, home1, draft } = await siteWithChanges();
    await rows.staging(siteId, { type: 'page', key: 'draft', data: draft, published: null });
    await rows.staging(siteId, { type: 'page', key: 'home', data: draft, published: home1, route: '/' });
    const { id } = await states.create(db.manager, siteId, 'promotion', crypto.randomUUID());
    await states.fillFromStaging(db.manager, id, siteId, base);
    expect(await rows.entriesOf(id)).toEqual([{ type: 'page', key: 'home', revision: home1, version: 3 }]);
  });

  it('reads only its own site’s staging', async () => {
    const { siteId, base, about } = await siteWithChanges();
    const other = await rows.site();
    await rows.staging(other, { type: 'page', key: 'about', data: about, published: about, route: '/about' });
    const { id } = await states.create(db.manager, siteId, 'promotion', crypto.randomUUID());
    expect(await states.fillFromStaging(db.manager, id, siteId, base)).toBe(0);
  });

  it('finds the state a retried job already built instead of making another', async () => {
    const { siteId, base, home1 } = await siteWithChanges();
    await rows.staging(siteId, { type: 'page', key: 'home', data: home1, published: home1, route: '/' });
    const origin = crypto.randomUUID();
    const first = await states.create(db.manager, siteId, 'promotion', origin);
    expect(first.built).toBe(false);
    await states.fillFromStaging(db.manager, first.id, siteId, base);
    expect(await states.create(db.manager, siteId, 'promotion', origin)).toEqual({ id: first.id, built: true });
  });

  it('restores another state’s content with versions counted on from the base', async () => {
    const { siteId, base, home1, home2, gone } = await siteWithChanges();
    const newer = await rows.state(siteId, [{ type: 'page', key: 'home', revision: home2, version: 4, route: '/' }]);
    const { id } = await states.create(db.manager, siteId, 'restore', crypto.randomUUID());
    // Back to `base` from `newer`: home changes again (5), gone comes back (1, as newer never had it).
    await states.fillFromState(db.manager, id, base, newer);
    expect(await rows.entriesOf(id)).toEqual([
      { type: 'page', key: 'home', revision: home1, version: 5 },
      { type: 'popup', key: 'gone', revision: gone, version: 1 },
    ]);
  });

  it('replaces or removes one entity of the base, moving only its version', async () => {
    const { siteId, base, home1, home2 } = await siteWithChanges();
    const replaced = (await states.create(db.manager, siteId, 'break_glass', crypto.randomUUID())).id;
    const change = { type: 'popup', key: 'gone', revisionId: home2, route: null };
    expect(await states.fillWithOneChange(db.manager, replaced, base, change)).toEqual({
      fromVersion: 1,
      toVersion: 2,
    });
    expect(await rows.entriesOf(replaced)).toEqual([
      { type: 'page', key: 'home', revision: home1, version: 3 },
      { type: 'popup', key: 'gone', revision: home2, version: 2 },
    ]);
    const removed = (await states.create(db.manager, siteId, 'break_glass', crypto.randomUUID())).id;
    const removal = { type: 'popup', key: 'gone', revisionId: null, route: null };
    expect(await states.fillWithOneChange(db.manager, removed, base, removal)).toEqual({
      fromVersion: 1,
      toVersion: null,
    });
    expect((await rows.entriesOf(removed)).map((e) => e.key)).toEqual(['home']);
  });

  it('records how many entities a state built as a delta holds', async () => {
    const { siteId, base, home1, about } = await siteWithChanges();
    await rows.staging(siteId, { type: 'page', key: 'home', data: home1, published: home1, route: '/' });
    await rows.staging(siteId, { type: 'page', key: 'about', data: about, published: about, route: '/about' });
    const { id } = await states.create(db.manager, siteId, 'promotion', crypto.randomUUID());
    // home kept, gone removed, about added: two entities, held as two rows over the base.
    expect(await states.fillFromStaging(db.manager, id, siteId, base)).toBe(2);
    const [state] = await db.query(
      `select entity_count as count, parent_id::int as parent, (select count(*)::int from state_entries where state_id = $1) as rows
       from content_states where id = $1`,
      [id],
    );
    expect(state).toEqual({ count: 2, parent: base, rows: 2 });
  });

  it('takes named entities from another state with what they need that the base lacks, and nothing else', async () => {
    const siteId = await rows.site();
    const [formV1, homeV1, homeV2, aboutV2] = await Promise.all([
      rows.revision('form', { title: 'Contact' }),
      rows.revision('page', { title: 'Home v1' }),
      rows.revision('page', { title: 'Home v2' }),
      rows.revision('page', { title: 'About v2' }),
    ]);
    await db.query(`update revisions set refs = $2 where id = $1`, [
      homeV1,
      JSON.stringify([{ type: 'form', key: 'contact' }]),
    ]);
    const snapshot = await rows.state(siteId, [
      { type: 'form', key: 'contact', revision: formV1, version: 1 },
      { type: 'page', key: 'home', revision: homeV1, version: 1, route: '/' },
    ]);
    const head = await rows.state(siteId, [
      { type: 'page', key: 'home', revision: homeV2, version: 2, route: '/' },
      { type: 'page', key: 'about', revision: aboutV2, version: 1, route: '/about' },
    ]);
    const { id } = await states.create(db.manager, siteId, 'restore', crypto.randomUUID());
    expect(await states.fillWithEntitiesOf(db.manager, id, head, snapshot, [{ type: 'page', key: 'home' }])).toEqual([
      { type: 'form', key: 'contact', op: 'taken', requested: false },
      { type: 'page', key: 'home', op: 'taken', requested: true },
    ]);
    expect(await rows.entriesOf(id)).toEqual([
      { type: 'form', key: 'contact', revision: formV1, version: 1 },
      { type: 'page', key: 'about', revision: aboutV2, version: 1 },
      { type: 'page', key: 'home', revision: homeV1, version: 3 },
    ]);
    expect(await states.dangling(db.manager, id, 10)).toEqual([]);
  });
});
