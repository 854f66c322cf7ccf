import type { DataSource } from 'typeorm';
import { fileDatabase, ManifestRows, type FileDatabase } from '../../test/file-database';
import { CandidateRepository } from './candidate.repository';

describe('CandidateRepository (SQL on a database of its own)', () => {
  let database: FileDatabase;
  let db: DataSource;
  let rows: ManifestRows;
  const candidate = new CandidateRepository();

  beforeAll(async () => {
    database = await fileDatabase('candidate');
    db = database.dataSource;
    rows = new ManifestRows(db);
  });
  afterAll(() => database.close());

  const setRefs = (revision: string, refs: object[]) =>
    db.query(`update revisions set refs = $2 where id = $1`, [revision, JSON.stringify(refs)]);
  const media = (sha256: string) => rows.revision('media', { sha256, contentType: 'image/png', size: 1 });

  it('finds every reference to nothing the candidate carries, a draft-only page included', async () => {
    const siteId = await rows.site();
    const form = await rows.revision('form', { title: 'Contact' });
    const draft = await rows.revision('page', { title: 'Draft' });
    const home = await rows.revision('page', { title: 'Home' });
    await setRefs(form, []);
    await setRefs(draft, []);
    await setRefs(home, [
      { type: 'form', key: 'contact' },
      { type: 'form', key: 'missing' },
      { type: 'page', key: 'draft' },
    ]);
    await rows.staging(siteId, { type: 'form', key: 'contact', data: form, published: form });
    await rows.staging(siteId, { type: 'page', key: 'draft', data: draft, published: null });
    await rows.staging(siteId, { type: 'page', key: 'home', data: home, published: home, route: '/' });
    const head = await rows.state(siteId, []);
    expect((await candidate.checkChanges(db.manager, siteId, head, 10)).dangling).toEqual({
      total: 2,
      sample: [
        { type: 'page', key: 'home', refType: 'form', refKey: 'missing' },
        { type: 'page', key: 'home', refType: 'page', refKey: 'draft' },
      ],
    });
    expect((await candidate.checkChanges(db.manager, siteId, head, 1)).dangling.total).toBe(2);
  });

  it('lists who still refers to a removed entity, and the variables the changes use', async () => {
    const siteId = await rows.site();
    const form = await rows.revision('form', { title: 'Old' });
    const about = await rows.revision('page', { title: 'About' });
    const news = await rows.revision('page', { title: 'News' });
    await setRefs(about, [{ type: 'form', key: 'old' }]);
    await setRefs(news, [
      { type: 'env', key: 'MAPS_KEY' },
      { type: 'env', key: 'API_KEY' },
    ]);
    // Production has the form and the about page; staging removes the form, keeps about, adds news.
    const head = await rows.state(siteId, [
      { type: 'form', key: 'old', revision: form, version: 1 },
      { type: 'page', key: 'about', revision: about, version: 1, route: '/about' },
    ]);
    await rows.staging(siteId, { type: 'page', key: 'about', data: about, published: about, route: '/about' });
    await rows.staging(siteId, { type: 'page', key: 'news', data: news, published: news, route: '/news' });
    expect(await candidate.checkChanges(db.manager, siteId, head, 10)).toEqual({
      dangling: { total: 1, sample: [{ type: 'page', key: 'about', refType: 'form', refKey: 'old' }] },
      variables: ['API_KEY', 'MAPS_KEY'],
    });
  });

  it('names the media blobs the candidate uses that production’s head does not', async () => {
    const siteId = await rows.site();
    const [kept, added, draftOnly] = await Promise.all([media('a'.repeat(64)), media('b'.repeat(64)), media('c')]);
    const head = await rows.state(siteId, [{ type: 'media', key: 'kept', revision: kept, version: 1 }]);
    await rows.staging(siteId, { type: 'media', key: 'kept', data: kept, published: kept });
    await rows.staging(siteId, { type: 'media', key: 'added', data: added, published: added });
    // Media publish as written; an entry without a published revision is not part of the candidate.
    await rows.staging(siteId, { type: 'media', key: 'unpublished', data: draftOnly, published: null });
    expect(await candidate.mediaToCopy(db.manager, siteId, head)).toEqual(['b'.repeat(64)]);
  });
});
