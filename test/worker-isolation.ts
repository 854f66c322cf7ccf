// Runs before each test file: a file on parallel worker N > 1 gets that worker's own database, Redis prefix,
// buckets and data folder (made by test/global-setup.ts), so files running side by side share no queue, no
// rows and no blobs. Worker 1, and --runInBand, keep the run's own.
const worker = Number(process.env.JEST_WORKER_ID ?? '1');
const own = (JSON.parse(process.env.PROMOTE_WORKER_ENV ?? '{}') as Record<string, Record<string, string>>)[worker];
if (own) Object.assign(process.env, own);
