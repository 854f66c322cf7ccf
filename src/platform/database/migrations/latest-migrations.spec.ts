import { fileDatabase, type FileDatabase } from '../../../../test/file-database';

// The newest migrations, each taken down and up again on a migrated database: a release can be rolled back.
const LATEST = 3;

describe('the newest migrations (on a database of their own)', () => {
  let database: FileDatabase;
  beforeAll(async () => (database = await fileDatabase('latest_migrations')));
  afterAll(() => database.close());

  it(`undo and redo the last ${LATEST}, leaving the functions they define in place`, async () => {
    const db = database.dataSource;
    const functions = async () =>
      (
        await db.query(
          `select p.oid::regprocedure::text as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
           where n.nspname = 'public' and p.proname in ('staging_compared', 'state_delta') order by 1`,
        )
      ).map((r: { name: string }) => r.name);
    const before = await functions();
    expect(before).toEqual(['staging_compared(uuid,bigint,text[])', 'state_delta(bigint)']);
    for (let i = 0; i < LATEST; i++) await db.undoLastMigration({ transaction: 'each' });
    expect(await functions()).toEqual(['staging_compared(uuid,bigint)']);
    await db.runMigrations({ transaction: 'each' });
    expect(await functions()).toEqual(before);
  });
});
