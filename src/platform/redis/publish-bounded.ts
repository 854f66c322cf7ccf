import type Redis from 'ioredis';
import { waitAtMost } from './wait-at-most';

// A notification is a hint (the database is the truth), so nobody waits long for one: with Redis unreachable,
// ioredis would hold the command until it reconnects, and a swap or a job step must not wait that long.
const PUBLISH_WAIT_MS = 500;

export async function publishBounded(redis: Redis, channel: string, message: string): Promise<void> {
  await waitAtMost(redis.publish(channel, message), PUBLISH_WAIT_MS, 0);
}
