import { setTimeout as sleep } from 'node:timers/promises';

/** Retries an assertion until it passes or the time is up (a bound on waiting, not a timing assertion). */
export async function eventually<T>(
  assertion: () => Promise<T>,
  { timeoutMs = 30_000, intervalMs = 50 } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      // An error marked final (e.g. a job that failed) cannot turn into a pass by waiting longer.
      if (Date.now() > deadline || (error as { final?: boolean }).final) throw error;
      await sleep(intervalMs);
    }
  }
}
