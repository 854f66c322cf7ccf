import type { DataSource } from 'typeorm';
import { fileDatabase, ManifestRows, type FileDatabase } from '../../test/file-database';
import { type ComparedStates, PreviewRepository, type PreviewPage } from './preview.repository';

describe('PreviewRepository (SQL on a database of its own)', () => {
  let database: FileDatabase;
  let db: DataSource;
  let rows: ManifestRows;
  const preview = new PreviewRepository();
  // One site for every case: production holds four entities; staging keeps one, changes one, deletes one,
  // keeps a newer draft of the fourth unpublished, and adds two.
  let site: { id: string; head: number; revisions: Record<string, string> };
  // Staging in step with production's head: no drift anywhere.
  const inStep = () => ({ headStateId: site.head, baseStateId: site.head });
  const changesOf = async (states: ComparedStates, page: PreviewPage) =>
    (await preview.summaryAndChanges(db.manager, site.id, states, page)).changes;

  beforeAll(async () => {
    database = await fileDatabase('preview');
    db = database.dataSource;
    rows = new ManifestRows(db);
    const id = await rows.site();
    const revisions: Record<string, string> = {};
    for (const name of ['same', 'old', 'new', 'deleted', 'published', 'draft', 'added', 'popup'])
      revisions[name] = await rows.revision(name === 'popup' ? 'popup' : 'page', { title: name });
    const head = await rows.state(id, [
      { type: 'page', key: 'same', revision: revisions.same, version: 2 },
      { type: 'page', key: 'changed', revision: revisions.old, version: 5 },
      { type: 'page', key: 'deleted', revision: revisions.deleted, version: 1 },
      { type: 'page', key: 'drafted', revision: revisions.published, version: 1 },
    ]);
    const staged = [
      { type: 'page', key: 'same', data: revisions.same, published: revisions.same, version: 2 },
      { type: 'page', key: 'changed', data: revisions.new, published: revisions.new, version: 6 },
      { type: 'page', key: 'drafted', data: revisions.draft, published: revisions.published, version: 1 },
      { type: 'page', key: 'added', data: revisions.added, published: revisions.added, version: 1 },
      { type: 'page', key: 'never-published', data: revisions.draft, published: null, version: 0 },
      { type: 'popup', key: 'banner', data: revisions.popup, published: revisions.popup, version: 1 },
    ];
    for (const entry of staged) await rows.staging(id, entry);
    site = { id, head, revisions };
  });
  afterAll(() => database.close());

  it('summarises each type: added, changed, removed and unchanged, drafts not counted', async () => {
    const expected = [
      { type: 'page', added: 1, changed: 1, removed: 1, unchanged: 2, drift: 0 },
      { type: 'popup', added: 1, changed: 0, removed: 0, unchanged: 0, drift: 0 },
    ];
    expect(await preview.summary(db.manager, site.id, inStep())).toEqual(expected);
    // The preview's one statement counts the same.
    expect((await preview.summaryAndChanges(db.manager, site.id, inStep(), { limit: 1 })).summary).toEqual(expected);
  });

  it('lists only what differs, in (type, key) order, with both sides’ revisions and versions', async () => {
    const { revisions } = site;
    expect(await changesOf(inStep(), { limit: 10 })).toEqual([
      {
        type: 'page',
        key: 'added',
        stagingRevisionId: revisions.added,
        productionRevisionId: null,
        stagingVersion: 1,
        productionVersion: null,
        drift: false,
        baseRevisionId: null,
      },
      {
        type: 'page',
        key: 'changed',
        stagingRevisionId: revisions.new,
        productionRevisionId: revisions.old,
        stagingVersion: 6,
        productionVersion: 5,
        drift: false,
        baseRevisionId: null,
      },
      {
        type: 'page',
        key: 'deleted',
        stagingRevisionId: null,
        productionRevisionId: revisions.deleted,
        stagingVersion: null,
        productionVersion: 1,
        drift: false,
        baseRevisionId: null,
      },
      {
        type: 'popup',
        key: 'banner',
        stagingRevisionId: revisions.popup,
        productionRevisionId: null,
        stagingVersion: 1,
        productionVersion: null,
        drift: false,
        baseRevisionId: null,
      },
    ]);
  });

  it('pages with a (type, key) cursor and filters by type', async () => {
    const keys = async (page: PreviewPage) => (await changesOf(inStep(), page)).map((c) => `${c.type}/${c.key}`);
    expect(await keys({ limit: 2 })).toEqual(['page/added', 'page/changed']);
    expect(await keys({ limit: 2, after: { type: 'page', key: 'changed' } })).toEqual(['page/deleted', 'popup/banner']);
    expect(await keys({ limit: 10, type: 'popup' })).toEqual(['popup/banner']);
    expect(await keys({ limit: 10, type: 'form' })).toEqual([]);
  });

  it('marks as drift what production changed since staging’s base, added and removed included', async () => {
    const { revisions } = site;
    // Staging was in step with a state where "changed" was staging's body, "added" existed, "deleted" did not;
    // "same" differed there too, but staging already equals production's head for it: nothing to overwrite.
    const base = await rows.state(site.id, [
      { type: 'page', key: 'same', revision: revisions.old, version: 1 },
      { type: 'page', key: 'changed', revision: revisions.new, version: 4 },
      { type: 'page', key: 'added', revision: revisions.added, version: 1 },
      { type: 'page', key: 'drafted', revision: revisions.published, version: 1 },
    ]);
    const states = { headStateId: site.head, baseStateId: base };
    expect(await preview.summary(db.manager, site.id, states)).toEqual([
      { type: 'page', added: 1, changed: 1, removed: 1, unchanged: 2, drift: 3 },
      { type: 'popup', added: 1, changed: 0, removed: 0, unchanged: 0, drift: 0 },
    ]);
    const changes = await changesOf(states, { limit: 10 });
    expect(changes.map((c) => [`${c.type}/${c.key}`, c.drift, c.drift ? c.baseRevisionId : undefined])).toEqual([
      ['page/added', true, revisions.added],
      ['page/changed', true, revisions.new],
      ['page/deleted', true, null],
      ['popup/banner', false, undefined],
    ]);
    expect(await preview.drifted(db.manager, site.id, states, 2)).toEqual({
      total: 3,
      entities: [
        { type: 'page', key: 'added' },
        { type: 'page', key: 'changed' },
      ],
    });
    expect(await preview.drifted(db.manager, site.id, inStep(), 10)).toEqual({ total: 0, entities: [] });
  });

  it('sees nothing of another site’s staging', async () => {
    const other = await rows.site();
    expect(await preview.summary(db.manager, other, inStep())).toEqual([
      { type: 'page', added: 0, changed: 0, removed: 4, unchanged: 0, drift: 0 },
    ]);
  });

  it('loads the bodies of the given revisions only', async () => {
    const bodies = await preview.bodies(db.manager, [site.revisions.new, site.revisions.old]);
    expect(Object.fromEntries(bodies)).toEqual({
      [site.revisions.new]: { title: 'new' },
      [site.revisions.old]: { title: 'old' },
    });
    expect((await preview.bodies(db.manager, [])).size).toBe(0);
  });
});
