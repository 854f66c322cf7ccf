import type { PrivateRun } from '../src/platform/bootstrap/private-run';

/** Removes what this run created: its database, its Redis keys, its buckets. */
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __PROMOTE_RUN__?: PrivateRun }).__PROMOTE_RUN__?.close();
}
