import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// s3rver ships no type declarations; this is the slice the tests use.
interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: Record<string, unknown>) => S3rverInstance;

export interface TestS3Server {
  endpoint: string;
  close(): Promise<void>;
}

/** An in-process s3rver on a free port with a throwaway data directory (credentials S3RVER/S3RVER). */
export async function startTestS3Server(): Promise<TestS3Server> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CommonJS package, see above
  const S3rver: S3rverConstructor = require('s3rver');
  const directory = await mkdtemp(join(tmpdir(), 's3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { address, port } = await server.run();
  return {
    endpoint: `http://${address}:${port}`,
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
