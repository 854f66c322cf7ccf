import { rmSync } from 'node:fs';
import Redis from 'ioredis';
import { Client } from 'pg';
import type { LocalService } from '../src/bootstrap/local-service';

/** Removes what this run created: its database, its Redis keys, its buckets' folder. */
export default async function globalTeardown(): Promise<void> {
  const run = (globalThis as any).__PROMOTE_TEST__ as {
    services: LocalService[];
    database: string;
    adminUrl: string;
    scratch: string;
    redisUrl: string;
    runId: string;
  };
  if (!run) return;
  const admin = new Client({ connectionString: run.adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists "${run.database}" with (force)`);
  await admin.end();

  const redis = new Redis(run.redisUrl, { maxRetriesPerRequest: 1 });
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${run.runId}:*`, 'COUNT', 1000);
    if (keys.length) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();

  for (const service of run.services.reverse()) await service.stop();
  rmSync(run.scratch, { recursive: true, force: true });
}
