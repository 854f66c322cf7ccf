import type { DataSource } from 'typeorm';
import { fileDatabase, type FileDatabase } from '../../../test/file-database';
import { refreshStatisticsAfterWrite } from './planner-statistics';

describe('refreshStatisticsAfterWrite (on a database of its own)', () => {
  let database: FileDatabase;
  let db: DataSource;
  const reltuples = async () =>
    Number((await db.query(`select reltuples from pg_class where relname = 'bulk_rows'`))[0].reltuples);
  const load = (rows: number) => db.query(`insert into bulk_rows select generate_series(1, $1)`, [rows]);

  beforeAll(async () => {
    database = await fileDatabase('planner-statistics');
    db = database.dataSource;
    await db.query(`create table bulk_rows (n integer)`);
  });
  afterAll(() => database.close());

  it('analyzes a table the rows just written make stale, and leaves it when they are few against it', async () => {
    expect(await reltuples()).toBeLessThanOrEqual(0); // never analyzed
    await load(2000);
    expect(await refreshStatisticsAfterWrite(db.manager, ['bulk_rows'], 2000)).toEqual(['bulk_rows']);
    expect(await reltuples()).toBe(2000);
    await load(100);
    // 100 rows against 2,000 stay under autovacuum's threshold (50 + 10%): no analyze, statistics as they were.
    expect(await refreshStatisticsAfterWrite(db.manager, ['bulk_rows'], 100)).toEqual([]);
    expect(await reltuples()).toBe(2000);
    expect(await refreshStatisticsAfterWrite(db.manager, ['bulk_rows'], 10)).toEqual([]);
  });

  it('analyzes inside a transaction, counting its own uncommitted rows', async () => {
    await db.transaction(async (tx) => {
      await tx.query(`insert into bulk_rows select generate_series(1, 5000)`);
      expect(await refreshStatisticsAfterWrite(tx, ['bulk_rows'], 5000)).toEqual(['bulk_rows']);
    });
    expect(await reltuples()).toBe(7100);
  });
});
