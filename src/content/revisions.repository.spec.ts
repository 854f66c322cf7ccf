import type { DataSource } from 'typeorm';
import { fileDatabase, type FileDatabase } from '../../test/file-database';
import { BackfillRevisionRefs1764000002600 } from '../platform/database/migrations/1764000002600-BackfillRevisionRefs';
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

  it('stores each body with its references, and the migration gives old bodies without them theirs', async () => {
    const stored = await revisions.upsert(db.manager, 'page', { blocks: [{ type: 'form', form: 'contact' }] });
    const [{ refs }] = await db.query(`select refs from revisions where id = $1`, [stored.id]);
    expect(refs).toEqual([{ type: 'form', key: 'contact' }]);
    // A body an older bulk path stored before references were kept: the migration computes them, then requires them.
    const migration = new BackfillRevisionRefs1764000002600();
    const runner = db.createQueryRunner();
    try {
      await migration.down(runner);
      const [{ id: old }] = await db.query(
        `insert into revisions (hash, type, body) values ('old-bulk', 'page', $1) returning id::text`,
        [JSON.stringify({ blocks: [{ type: 'image', media: 'logo' }] })],
      );
      await migration.up(runner);
      const [{ refs: backfilled }] = await db.query(`select refs from revisions where id = $1`, [old]);
      expect(backfilled).toEqual([{ type: 'media', key: 'logo' }]);
      await expect(
        db.query(`insert into revisions (hash, type, body) values ('no-refs', 'page', '{}')`),
      ).rejects.toThrow(/refs/);
    } finally {
      await runner.release();
    }
  });
});
