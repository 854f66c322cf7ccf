import { startPrivateRun } from '../src/platform/bootstrap/private-run';

/**
 * Once per test run: a private database, Redis prefix and buckets (src/platform/bootstrap/private-run.ts), and
 * one more of each per parallel worker, which test/worker-isolation.ts hands to the files that worker runs.
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  const run = await startPrivateRun('t', { workers: globalConfig.maxWorkers });
  // Webhook receivers in tests listen on loopback, which the service refuses unless told otherwise.
  Object.assign(process.env, {
    ...run.env,
    PROMOTE_WORKER_ENV: JSON.stringify(run.workerEnv),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
  });
  (globalThis as { __PROMOTE_RUN__?: typeof run }).__PROMOTE_RUN__ = run;
}
