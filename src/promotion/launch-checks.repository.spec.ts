import type { DataSource } from 'typeorm';
import { fileDatabase, ManifestRows, type FileDatabase } from '../../test/file-database';
import { launchChecks } from '../../libs/launch-checks';
import { LaunchChecksRepository } from './launch-checks.repository';

describe('LaunchChecksRepository (SQL on a database of its own)', () => {
  let database: FileDatabase;
  let db: DataSource;
  let rows: ManifestRows;

  beforeAll(async () => {
    database = await fileDatabase('launch_checks');
    db = database.dataSource;
    rows = new ManifestRows(db);
  });
  afterAll(() => database.close());

  /** A delta on `parent`: its own rows only (a removal has no revision), the chain on its row. */
  async function delta(
    siteId: string,
    parent: number,
    entries: { type: string; key: string; revision: string | null; version: number; route?: string }[],
  ): Promise<number> {
    const [state] = await db.query(
      `insert into content_states (site_id, origin, entity_count, parent_id, ancestors, chain_rows)
       select $1, 'promotion', 0, p.id, array[p.id] || p.ancestors, $3 from content_states p where p.id = $2
       returning id::int`,
      [siteId, parent, entries.length],
    );
    for (const e of entries)
      await db.query(
        `insert into state_entries (state_id, type, key, revision_id, version, route) values ($1, $2, $3, $4, $5, $6)`,
        [state.id, e.type, e.key, e.revision, e.version, e.route ?? null],
      );
    return state.id;
  }

  it('reads a delta head (and its pages) over its cached parent exactly as it reads the whole manifest', async () => {
    const siteId = await rows.site();
    const page = (title: string) => rows.revision('page', { title, blocks: [] });
    const [home, about, news, about2] = await Promise.all(['Home', 'About', 'News', 'About again'].map(page));
    // Blog links to news, which the delta removes: the derived head must not serve it any more.
    const blog = await rows.revision('page', { title: 'Blog', blocks: [{ id: 'l', type: 'link', href: '/news' }] });
    const redirect = await rows.revision('redirect', { from: '/old', to: '/about', status: 301 });
    const moved = await rows.revision('redirect', { from: '/old', to: '/blog', status: 302 });
    const parent = await rows.state(siteId, [
      { type: 'page', key: 'home', revision: home, version: 1, route: '/' },
      { type: 'page', key: 'about', revision: about, version: 1, route: '/about' },
      { type: 'page', key: 'news', revision: news, version: 1, route: '/news' },
      { type: 'redirect', key: 'old', revision: redirect, version: 1, route: '/old' },
    ]);
    // The delta changes about's body and route, removes news, adds blog and changes the redirect's body.
    const child = await delta(siteId, parent, [
      { type: 'page', key: 'about', revision: about2, version: 2, route: '/about-us' },
      { type: 'page', key: 'news', revision: null, version: 1 },
      { type: 'page', key: 'blog', revision: blog, version: 1, route: '/blog' },
      { type: 'redirect', key: 'old', revision: moved, version: 2, route: '/old' },
    ]);

    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
    // A selection over the parent fills its pages; staging lacks home, so shipping it removes it.
    const warm = new LaunchChecksRepository();
    const overParent = await warm.load(db.manager, siteId, parent, []);
    launchChecks(overParent.candidate, overParent.production); // what the checks derive from the parent is built

    const removeHome = [{ type: 'page', key: 'home' }];
    const fromCache = await warm.load(db.manager, siteId, child, removeHome);
    const fresh = await new LaunchChecksRepository().load(db.manager, siteId, child, removeHome);
    const broken = (loaded: typeof fresh) =>
      launchChecks(loaded.candidate, loaded.production).filter((c) => c.code === 'broken_internal_link');
    expect(broken(fromCache)).toEqual(broken(fresh));
    expect(broken(fresh)).toEqual([
      expect.objectContaining({ type: 'page', key: 'blog', details: { paths: ['/news'], count: 1 } }),
    ]);
    const derived = fromCache.production;
    const whole = fresh.production;
    const pagesOf = (c: typeof fresh.candidate) => [...c.pages].sort(byKey).map(({ key, route }) => ({ key, route }));
    expect(pagesOf(fromCache.candidate)).toEqual(pagesOf(fresh.candidate));
    expect(pagesOf(fresh.candidate)).toEqual([
      { key: 'about', route: '/about-us' },
      { key: 'blog', route: '/blog' },
    ]);
    // The rest of the candidate is the head's too, less what the selection removes.
    expect([...fromCache.candidate.routes].sort(byKey)).toEqual([
      { type: 'page', key: 'about', route: '/about-us' },
      { type: 'page', key: 'blog', route: '/blog' },
      { type: 'redirect', key: 'old', route: '/old' },
    ]);
    expect(fromCache.candidate.redirects).toEqual([{ key: 'old', body: { from: '/old', to: '/blog', status: 302 } }]);
    expect(fromCache.candidate.delta).toMatchObject({
      routes: [],
      before: [{ type: 'page', key: 'home', route: '/' }],
    });

    expect([...derived.routes].sort(byKey)).toEqual([...whole.routes].sort(byKey));
    expect(derived.redirects).toEqual(whole.redirects);
    expect([...whole.routes].sort(byKey)).toEqual([
      { type: 'page', key: 'about', route: '/about-us' },
      { type: 'page', key: 'blog', route: '/blog' },
      { type: 'page', key: 'home', route: '/' },
      { type: 'redirect', key: 'old', route: '/old' },
    ]);
    expect(whole.redirects).toEqual([{ key: 'old', body: { from: '/old', to: '/blog', status: 302 } }]);
  });
});
