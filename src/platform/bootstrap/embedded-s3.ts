import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LocalService } from './local-service';

export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** Starts the in-process S3-compatible server (s3rver) on a folder, with the given buckets. */
export async function startEmbeddedS3(
  directory: string,
  buckets: string[],
): Promise<LocalService & { endpoint: string }> {
  fs.mkdirSync(directory, { recursive: true });
  // s3rver has no type declarations; its constructor and run()/close() are all we use.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const S3rver = require('s3rver');
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const { port } = (await server.run()) as { port: number };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    description: `embedded S3 (s3rver) on port ${port} (${path.resolve(directory)})`,
    stop: () => server.close(),
  };
}
