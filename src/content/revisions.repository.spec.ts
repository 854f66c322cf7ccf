import type { DataSource } from 'typeorm';
import { fileDatabase, ManifestRows, type FileDatabase } from '../../test/file-database';
import { RevisionsRepository } from './revisions.repository';

describe('RevisionsRepository (SQL on a database of its own)', () => {
  let database: FileDatabase;
  let db: DataSource;
  const revisions = new RevisionsRepository();
  beforeAll(async () => {
    database = await fileDatabase('revisions');
    db = database.dataSource;
  });
  afterAll(() => database.close());

  it('stores a body once and answers its id again', async () => {
    const first = await revisions.upsert(db.manager, 'popup', { title: 'Once' });
    expect(await revisions.upsert(db.manager, 'popup', { title: 'Once' })).toEqual(first);
  });

  it('answers the id of a body another transaction committed while this write waited on it', async () => {
    const body = { title: `Raced ${Date.now()}` };
    const other = db.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    const theirs = await revisions.upsert(other.manager, 'popup', body);
    // Waits on the other's uncommitted row; its statement began before that row committed.
    const ours = revisions.upsert(db.manager, 'popup', body);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await other.commitTransaction();
    await other.release();
    expect(await ours).toEqual(theirs);
  });

  it('lists staging’s promotable revisions whose references were never computed, and stores them', async () => {
    const rows = new ManifestRows(db);
    const siteId = await rows.site();
    const bulk = await rows.revision('page', { title: 'Bulk' });
    const done = await rows.revision('popup', { title: 'Done' });
    await revisions.setRefs(db.manager, [{ id: done, refs: [] }]);
    await rows.staging(siteId, { type: 'page', key: 'bulk', data: bulk, published: bulk, route: '/' });
    await rows.staging(siteId, { type: 'popup', key: 'done', data: done, published: done });
    expect(await revisions.revisionsWithoutRefs(db.manager, siteId, 10)).toEqual([
      { id: bulk, type: 'page', body: { title: 'Bulk' } },
    ]);
    await revisions.setRefs(db.manager, [{ id: bulk, refs: [{ type: 'form', key: 'x' }] }]);
    expect(await revisions.revisionsWithoutRefs(db.manager, siteId, 10)).toEqual([]);
    const [{ refs }] = await db.query(`select refs from revisions where id = $1`, [bulk]);
    expect(refs).toEqual([{ type: 'form', key: 'x' }]);
  });
});
