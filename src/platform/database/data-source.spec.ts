import { fileDatabase, type FileDatabase } from '../../../test/file-database';

describe('dataSourceOptions (on a database of its own)', () => {
  let database: FileDatabase;
  beforeAll(async () => {
    database = await fileDatabase('data-source');
  });
  afterAll(() => database.close());

  it('opens every session without JIT compilation, whatever the server default', async () => {
    const [{ jit }] = await database.dataSource.query(`show jit`);
    expect(jit).toBe('off');
  });
});
