import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { auth, createTestApp } from './app';
import { eventually } from './eventually';
import { spawnService, ServiceProcess } from './service-process';

// The API runs in this process without a worker; jobs are worked by separate `PROCESS_ROLE=worker` processes.
describe('a worker in its own process', () => {
  let api: NestExpressApplication;
  const workers: ServiceProcess[] = [];
  beforeAll(async () => (api = await createTestApp({ api: true, worker: false })));
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await api.close();
  });
  const http = () => request(api.getHttpServer());
  const startWorker = async (env: Record<string, string> = {}) => {
    const worker = await spawnService({ PROCESS_ROLE: 'worker', SHUTDOWN_GRACE_MS: '20000', ...env });
    workers.push(worker);
    return worker;
  };
  const selfTest = async (sleepMs: number) =>
    (await http().post('/api/admin/self-test').set(auth()).send({ sleepMs }).expect(202)).body;
  const job = async (id: string) => (await http().get(`/api/jobs/${id}`).set(auth()).expect(200)).body;

  it('processes a job enqueued through the API', async () => {
    const worker = await startWorker();
    const { id } = await selfTest(0);
    const done = await eventually(async () => {
      const body = await job(id);
      expect(body.status).toBe('succeeded');
      return body;
    });
    expect(done.result.processedBy.pid).toBe(worker.child.pid);
    expect(done.result.processedBy.pid).not.toBe(process.pid);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
  });

  it('finishes the running job on SIGTERM before exiting, and loses none', async () => {
    const worker = await startWorker();
    const { id } = await selfTest(2500);
    await eventually(async () => expect((await job(id)).step).toBe('wait'));
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    const after = await job(id);
    expect(after.status).toBe('succeeded');
    expect(after.result.processedBy.pid).toBe(worker.child.pid);
  });

  it('gives a job cut off by SIGKILL to the next worker', async () => {
    // The first worker kills itself in the middle of the job (between its steps), whatever the machine's speed.
    const first = await startWorker({ CRASH_AT: 'self_test:record' });
    const { id } = await selfTest(0);
    await first.exited;
    expect(first.child.signalCode).toBe('SIGKILL');
    expect((await job(id)).status).toBe('running'); // nobody vouches for it now, and no worker is up
    const second = await startWorker();
    const done = await eventually(
      async () => {
        const body = await job(id);
        expect(body.status).toBe('succeeded');
        return body;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    expect(done.result.processedBy.pid).toBe(second.child.pid);
    expect(done.attempts).toBeGreaterThanOrEqual(2);
    second.child.kill('SIGTERM');
    await second.exited;
  });
});
