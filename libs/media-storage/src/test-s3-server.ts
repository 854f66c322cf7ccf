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
  accessKeyId: string;
  secretAccessKey: string;
  /** What it is, for a log line; never the secret. */
  description: string;
  /** Stops an s3rver this call started and removes its folder; leaves an external server running. */
  close(): Promise<void>;
}

/**
 * The S3 server a test run uses. With `TEST_S3_ENDPOINT`, `TEST_S3_ACCESS_KEY_ID` and `TEST_S3_SECRET_ACCESS_KEY`
 * set, that server (a real one, for its semantics: `npm run test:s3` runs on Ceph radosgw); otherwise an
 * in-process s3rver on a free port with a throwaway folder (credentials S3RVER/S3RVER). Callers create their
 * own uniquely named buckets and delete them when done, as the external server is shared.
 */
export async function startTestS3Server(env: NodeJS.ProcessEnv = process.env): Promise<TestS3Server> {
  if (env.TEST_S3_ENDPOINT) {
    const { TEST_S3_ENDPOINT: endpoint, TEST_S3_ACCESS_KEY_ID: accessKeyId } = env;
    const secretAccessKey = env.TEST_S3_SECRET_ACCESS_KEY;
    if (!accessKeyId || !secretAccessKey) {
      throw new Error('TEST_S3_ENDPOINT needs TEST_S3_ACCESS_KEY_ID and TEST_S3_SECRET_ACCESS_KEY');
    }
    return { endpoint, accessKeyId, secretAccessKey, description: `external S3 at ${endpoint}`, close: async () => {} };
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CommonJS package, see above
  const S3rver: S3rverConstructor = require('s3rver');
  const directory = await mkdtemp(join(tmpdir(), 's3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { address, port } = await server.run();
  return {
    endpoint: `http://${address}:${port}`,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    description: `embedded S3 (s3rver) on port ${port}`,
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
