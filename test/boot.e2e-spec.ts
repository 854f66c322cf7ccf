import { spawnService } from './service-process';

describe('boot configuration', () => {
  it.each([
    ['DATABASE_URL', 'mysql://localhost/db', 'DATABASE_URL must be a postgres:// URL'],
    ['DATABASE_READ_URL', 'replica:5432', 'DATABASE_READ_URL must be a postgres:// URL'],
    ['REDIS_URL', 'localhost:6379', 'REDIS_URL must be a redis:// URL'],
    ['PORT', '99999', 'PORT must be an integer from 1 to 65535'],
    ['PROCESS_ROLE', 'both', 'PROCESS_ROLE must be one of api, worker, all'],
    [
      'S3_BUCKET_STAGING',
      'Not_A_Bucket',
      'S3_BUCKET_STAGING must be an S3 bucket name (3-63 lowercase letters, digits, dots or hyphens)',
    ],
  ])('refuses a malformed %s with exit code 1 and one sentence', async (name, value, sentence) => {
    const service = await spawnService({ [name]: value }, false);
    expect(await service.exited).toBe(1);
    expect(service.output()).toBe(`${sentence}\n`);
  });
});
