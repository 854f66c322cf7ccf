import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { randomUUID } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { createS3Client } from './create-s3-client';
import { MediaBlobMissingError, MediaRangeNotSatisfiableError, MediaTooLargeError } from './media-errors';
import { MediaStore } from './media-store';
import { patternedBytes, patternedSha256, patternedStream, sha256OfStream } from './patterned-bytes';
import { startTestS3Server, type TestS3Server } from './test-s3-server';

const MiB = 1024 * 1024;
const contentType = 'application/octet-stream';
// Unique names: with TEST_S3_ENDPOINT the server is shared with other runs.
const run = `media-${randomUUID().slice(0, 8)}`;
const buckets = { staging: `${run}-staging`, production: `${run}-production` };

describe('MediaStore', () => {
  let server: TestS3Server;
  let client: S3Client;
  let store: MediaStore;

  beforeAll(async () => {
    server = await startTestS3Server();
    client = createS3Client({ ...server, region: 'us-east-1' });
    store = new MediaStore({ client, buckets });
    await store.ensureBuckets();
  });

  afterAll(async () => {
    await store.deleteBuckets();
    client.destroy();
    await server.close();
  });

  async function keysUnder(bucket: string, prefix: string): Promise<string[]> {
    const result = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
    return (result.Contents ?? []).map((object) => object.Key!);
  }

  async function allBlobs(env: 'staging' | 'production'): Promise<string[]> {
    const shas: string[] = [];
    for await (const blob of store.listBlobs(env)) shas.push(blob.sha256);
    return shas.sort();
  }

  it('round-trips a 12 MiB stream byte for byte (multipart upload)', async () => {
    const size = 12 * MiB;

    const stored = await store.putStream('staging', patternedStream(size, 'large'), {
      contentType,
      maxBytes: 20 * MiB,
    });

    expect(stored).toEqual({ sha256: patternedSha256(size, 'large'), size, created: true });
    const read = await store.get('staging', stored.sha256);
    expect(read).toMatchObject({ size, contentLength: size, contentType });
    expect(await sha256OfStream(read!.body)).toEqual({ sha256: stored.sha256, size });
    expect(await keysUnder(buckets.staging, 'tmp-')).toEqual([]);
  });

  it('stores identical bytes once', async () => {
    const first = await store.putStream('staging', patternedStream(100_000, 'twice'), { contentType, maxBytes: MiB });
    const second = await store.putStream('staging', patternedStream(100_000, 'twice'), { contentType, maxBytes: MiB });

    expect(first.created).toBe(true);
    expect(second).toEqual({ ...first, created: false });
    expect((await allBlobs('staging')).filter((sha) => sha === first.sha256)).toHaveLength(1);
    expect(await keysUnder(buckets.staging, 'tmp-')).toEqual([]);
  });

  it('reads a byte range', async () => {
    const bytes = patternedBytes(300_000, 'range');
    const { sha256 } = await store.putStream('staging', Readable.from([bytes]), {
      contentType: 'image/png',
      maxBytes: MiB,
    });

    const slice = await store.get('staging', sha256, { start: 1000, end: 1999 });
    const tail = await store.get('staging', sha256, { start: 299_990 });

    expect(slice).toMatchObject({ size: 300_000, contentLength: 1000, contentRange: 'bytes 1000-1999/300000' });
    expect(await sha256OfStream(slice!.body)).toEqual(
      await sha256OfStream(Readable.from([bytes.subarray(1000, 2000)])),
    );
    expect(tail).toMatchObject({ size: 300_000, contentLength: 10, contentType: 'image/png' });
    expect(Buffer.concat(await tail!.body.toArray())).toEqual(bytes.subarray(299_990));
    await expect(store.get('staging', sha256, { start: 300_000 })).rejects.toEqual(
      new MediaRangeNotSatisfiableError(300_000),
    );
  });

  it.each([
    ['within the first part', 2 * MiB, MiB],
    ['after a multipart part was uploaded', 7 * MiB, 6 * MiB],
  ])('refuses a stream over maxBytes %s and leaves nothing behind', async (_when, size, maxBytes) => {
    const before = await allBlobs('staging');

    const upload = store.putStream('staging', patternedStream(size, 'too-large'), { contentType, maxBytes });

    await expect(upload).rejects.toThrow(MediaTooLargeError);
    await expect(upload).rejects.toMatchObject({ maxBytes });
    expect(await keysUnder(buckets.staging, 'tmp-')).toEqual([]);
    expect(await allBlobs('staging')).toEqual(before);
  });

  it('accepts a stream of exactly maxBytes', async () => {
    const stored = await store.putStream('staging', patternedStream(4096, 'exact'), { contentType, maxBytes: 4096 });
    expect(stored).toMatchObject({ size: 4096, created: true });
  });

  it('cleans up when the source stream fails', async () => {
    const source = new PassThrough();
    const upload = store.putStream('staging', source, { contentType, maxBytes: 20 * MiB });
    source.write(patternedBytes(6 * MiB, 'broken'));
    setTimeout(() => source.destroy(new Error('client went away')), 50);

    await expect(upload).rejects.toThrow('client went away');
    expect(await keysUnder(buckets.staging, 'tmp-')).toEqual([]);
  });

  it('cleans up when the source stream closes early', async () => {
    const source = new PassThrough();
    const upload = store.putStream('staging', source, { contentType, maxBytes: MiB });
    source.write('partial');
    setTimeout(() => source.destroy(), 10);

    await expect(upload).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });
    expect(await keysUnder(buckets.staging, 'tmp-')).toEqual([]);
  });

  it('copies only the blobs production lacks, with identical bytes', async () => {
    const shas = [];
    for (const seed of ['copy-a', 'copy-b', 'copy-c']) {
      shas.push(
        (await store.putStream('staging', patternedStream(200_000, seed), { contentType, maxBytes: MiB })).sha256,
      );
    }
    await store.copyToProduction([shas[0]]);

    expect(await store.copyToProduction([...shas, shas[1]], { concurrency: 2 })).toEqual({ copied: 2, present: 1 });
    expect(await store.copyToProduction(shas)).toEqual({ copied: 0, present: 3 });
    for (const [index, sha] of shas.entries()) {
      const read = await store.get('production', sha);
      expect(read?.contentType).toBe(contentType);
      expect(await sha256OfStream(read!.body)).toEqual({
        sha256: patternedSha256(200_000, `copy-${'abc'[index]}`),
        size: 200_000,
      });
    }
  });

  it('names a blob that staging lacks when copying', async () => {
    const missing = 'f'.repeat(64);
    await expect(store.copyToProduction([missing])).rejects.toEqual(new MediaBlobMissingError('staging', missing));
  });

  it('deletes many blobs', async () => {
    const shas = [];
    for (const seed of ['gone-1', 'gone-2', 'kept']) {
      shas.push(
        (await store.putStream('production', patternedStream(1000, seed), { contentType, maxBytes: MiB })).sha256,
      );
    }

    await store.deleteMany('production', shas.slice(0, 2));

    expect(await store.exists('production', shas[0])).toBe(false);
    expect(await store.exists('production', shas[1])).toBe(false);
    expect(await store.exists('production', shas[2])).toBe(true);
  });

  it('answers false and null for a missing blob', async () => {
    const missing = '0'.repeat(64);
    expect(await store.exists('staging', missing)).toBe(false);
    expect(await store.get('staging', missing)).toBeNull();
  });

  it('keeps artifacts by name in staging, apart from the blobs', async () => {
    const bytes = patternedBytes(3000, 'artifact');
    await store.putArtifact('visual-diff/a/b.png', bytes, 'image/png');
    expect(await store.getArtifact('visual-diff/a/b.png')).toEqual(bytes);
    expect(await store.getArtifact('visual-diff/a/missing.png')).toBeNull();
    expect(await keysUnder(buckets.staging, 'artifacts/')).toEqual(['artifacts/visual-diff/a/b.png']);
    expect(await allBlobs('staging')).not.toContain('visual-diff/a/b.png');
  });

  it('pings both buckets, and fails when one is missing', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
    const broken = new MediaStore({ client, buckets: { ...buckets, production: `${run}-missing` } });
    await expect(broken.ping()).rejects.toThrow();
  });
});
