/**
 * The outcome of `work`, or `fallback` once `ms` have passed (or when it fails). With Redis unreachable,
 * ioredis holds a command until it reconnects; a caller that has a fallback should not wait that long.
 */
export async function waitAtMost<T>(work: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)));
  try {
    return await Promise.race([work.catch(() => fallback), gaveUp]);
  } finally {
    clearTimeout(timer);
  }
}
