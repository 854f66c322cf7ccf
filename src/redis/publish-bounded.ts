import type Redis from 'ioredis';

// A notification is a hint (the database is the truth), so nobody waits long for one: with Redis unreachable,
// ioredis would hold the command until it reconnects, and a swap or a job step must not wait that long.
const PUBLISH_WAIT_MS = 500;

export async function publishBounded(redis: Redis, channel: string, message: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, PUBLISH_WAIT_MS)));
  await Promise.race([redis.publish(channel, message).catch(() => 0), gaveUp]);
  clearTimeout(timer);
}
