import { startPrivateRun } from '../src/platform/bootstrap/private-run';

/** Once per test run: a private database, Redis prefix and buckets (src/platform/bootstrap/private-run.ts). */
export default async function globalSetup(): Promise<void> {
  const run = await startPrivateRun('t');
  Object.assign(process.env, { ...run.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' });
  (globalThis as { __PROMOTE_RUN__?: typeof run }).__PROMOTE_RUN__ = run;
}
