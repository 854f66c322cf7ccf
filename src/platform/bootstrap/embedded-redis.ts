import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Redis from 'ioredis';
import { ConfigError } from '../config/config';
import { freePort } from './free-port';
import type { LocalService } from './local-service';

/** Uses the Redis on 127.0.0.1:6379 when one answers, else spawns redis-server on a private port. */
export async function ensureRedis(dataDir: string): Promise<LocalService & { url: string }> {
  if (await answersPing('redis://127.0.0.1:6379')) {
    return { url: 'redis://127.0.0.1:6379', description: 'Redis at 127.0.0.1:6379', stop: async () => {} };
  }
  return startRedisServer(dataDir, await freePort());
}

/** Spawns redis-server on `port` with nothing persisted (a restart comes back empty); stop() ends it. */
export async function startRedisServer(dataDir: string, port: number): Promise<LocalService & { url: string }> {
  const dir = path.join(dataDir, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  const child = spawn(
    process.env.REDIS_SERVER_BIN ?? 'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new ConfigError(
              'redis-server not found: install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis) or set REDIS_URL to an existing Redis',
            )
          : error,
      ),
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with code ${code}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    description: `embedded redis-server on port ${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function answersPing(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
