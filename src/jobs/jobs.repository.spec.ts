import { fileDatabase, type FileDatabase } from '../../test/file-database';
import { JobKind } from './job-names';
import { plannedSteps } from './job-steps';
import { JobsRepository } from './jobs.repository';

describe('JobsRepository (SQL on a database of its own)', () => {
  let database: FileDatabase;
  const jobs = new JobsRepository();
  beforeAll(async () => (database = await fileDatabase('jobs')));
  afterAll(() => database.close());

  const insert = () =>
    jobs.insert(database.dataSource.manager, {
      siteId: null,
      kind: JobKind.SelfTest,
      params: {},
      actor: { actor: 'spec', role: 'admin' },
      steps: plannedSteps(['wait']),
    });
  const heartbeatOf = async (id: string) => (await jobs.find(database.dataSource.manager, id))!.heartbeatAt.getTime();
  const age = (id: string) =>
    database.dataSource.query(`update jobs set heartbeat_at = now() - interval '1 minute' where id = $1`, [id]);

  // A sweep lists a queued job, a worker starts it, then the sweep vouches for what it saw: the running job's
  // row must not change under the worker's repeatable-read step.
  it('vouches for a job that is still queued, and leaves one a worker started alone', async () => {
    const queued = await insert();
    const started = await insert();
    await Promise.all([age(queued.id), age(started.id)]);
    await jobs.markRunning(database.dataSource.manager, started.id);
    await age(started.id);
    const before = await heartbeatOf(started.id);
    const queuedBefore = await heartbeatOf(queued.id);
    await jobs.vouchForQueued(database.dataSource.manager, queued.id);
    await jobs.vouchForQueued(database.dataSource.manager, started.id);
    expect(await heartbeatOf(started.id)).toBe(before);
    expect(await heartbeatOf(queued.id)).toBeGreaterThan(queuedBefore);
  });
});
