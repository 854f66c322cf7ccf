import { startPrivateRun } from '../src/platform/bootstrap/private-run';

/** Once per test run: a private database, Redis prefix and buckets (src/platform/bootstrap/private-run.ts). */
export default async function globalSetup(): Promise<void> {
  const run = await startPrivateRun('t');
  // Webhook receivers in tests listen on loopback, which the service refuses unless told otherwise.
  Object.assign(process.env, {
    ...run.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
  });
  (globalThis as { __PROMOTE_RUN__?: typeof run }).__PROMOTE_RUN__ = run;
}
