import { CopyObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { artifactKey, blobKey, blobPrefix, tempKey, tempPrefix } from './blob-keys';
import { assertBucketReachable, createBucketIfMissing, deleteBucketWithObjects } from './bucket-admin';
import type { MediaBuckets, MediaEnv } from './media-env';
import { MediaBlobMissingError, MediaRangeNotSatisfiableError } from './media-errors';
import { runPool } from './run-pool';
import { hasErrorName, isMissingObject } from './s3-error-names';
import { deleteKeys, deleteKeyQuietly, listObjects, objectSize } from './s3-objects';
import { uploadMetered, type PutStreamOptions } from './upload-metered';

export interface MediaStoreOptions {
  client: S3Client;
  buckets: MediaBuckets;
}

export interface StoredBlob {
  sha256: string;
  size: number;
  /** False when identical bytes were already stored. */
  created: boolean;
}

export interface BlobRange {
  start: number;
  /** Inclusive; omit to read to the end. */
  end?: number;
}

export interface BlobRead {
  body: Readable;
  /** Size of the whole object. */
  size: number;
  /** Bytes in `body`: the range's length for a range read. */
  contentLength: number;
  /** `bytes start-end/size`, for a range read. */
  contentRange?: string;
  contentType?: string;
}

/** Content-addressed media blobs (`blobs/<sha256>`), one bucket per environment. */
export class MediaStore {
  private readonly client: S3Client;
  private readonly buckets: MediaBuckets;

  constructor(options: MediaStoreOptions) {
    this.client = options.client;
    this.buckets = { ...options.buckets };
  }

  /**
   * Stores a stream under its sha256 without buffering it. Throws `MediaTooLargeError` past `maxBytes`;
   * on any failure nothing is left behind and `body` is left to the caller (unpiped, not drained).
   */
  async putStream(env: MediaEnv, body: Readable, options: PutStreamOptions): Promise<StoredBlob> {
    const bucket = this.buckets[env];
    const temp = tempKey();
    const { sha256, size } = await uploadMetered(this.client, bucket, temp, body, options);
    try {
      if (await this.exists(env, sha256)) return { sha256, size, created: false };
      await this.client.send(
        new CopyObjectCommand({
          Bucket: bucket,
          Key: blobKey(sha256),
          CopySource: `${bucket}/${temp}`,
          ContentType: options.contentType,
          MetadataDirective: 'REPLACE',
        }),
      );
      return { sha256, size, created: true };
    } finally {
      await deleteKeyQuietly(this.client, bucket, temp);
    }
  }

  async exists(env: MediaEnv, sha256: string): Promise<boolean> {
    return (await objectSize(this.client, this.buckets[env], blobKey(sha256))) !== null;
  }

  /**
   * Reads a blob, or a byte range of it (`end` inclusive; S3 clamps it to the last byte); `null` when the
   * blob does not exist. Throws `MediaRangeNotSatisfiableError` when `start` lies past the end.
   */
  async get(env: MediaEnv, sha256: string, range?: BlobRange): Promise<BlobRead | null> {
    try {
      const result = await this.client.send(
        new GetObjectCommand({
          Bucket: this.buckets[env],
          Key: blobKey(sha256),
          Range: range ? `bytes=${range.start}-${range.end ?? ''}` : undefined,
        }),
      );
      const contentLength = result.ContentLength ?? 0;
      return {
        body: result.Body as Readable,
        size: totalSize(result.ContentRange) ?? contentLength,
        contentLength,
        contentRange: result.ContentRange,
        contentType: result.ContentType,
      };
    } catch (error) {
      if (isMissingObject(error)) return null;
      if (hasErrorName(error, 'InvalidRange')) await this.throwRangeNotSatisfiable(env, sha256);
      throw error;
    }
  }

  /**
   * Stores a small derived file under `artifacts/<name>` in the staging bucket (overwriting one of that name).
   * Artifacts are not media: garbage collection and promotion never look at them.
   */
  async putArtifact(name: string, bytes: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.buckets.staging,
        Key: artifactKey(name),
        Body: bytes,
        ContentLength: bytes.length,
        ContentType: contentType,
      }),
    );
  }

  /** An artifact's bytes, or `null` when there is none of that name. */
  async getArtifact(name: string): Promise<Buffer | null> {
    try {
      const result = await this.client.send(
        new GetObjectCommand({ Bucket: this.buckets.staging, Key: artifactKey(name) }),
      );
      return Buffer.from(await result.Body!.transformToByteArray());
    } catch (error) {
      if (isMissingObject(error)) return null;
      throw error;
    }
  }

  /** Server-side copies the blobs production lacks from staging. Idempotent. */
  async copyToProduction(sha256s: string[], { concurrency = 8 } = {}): Promise<{ copied: number; present: number }> {
    const counts = { copied: 0, present: 0 };
    await runPool([...new Set(sha256s)], concurrency, async (sha256) => {
      if (await this.exists('production', sha256)) {
        counts.present++;
        return;
      }
      await this.copyFromStaging(sha256);
      counts.copied++;
    });
    return counts;
  }

  /** Every blob in an environment with when it was stored, page by page (for garbage collection). */
  async *listBlobs(env: MediaEnv): AsyncGenerator<{ sha256: string; lastModified: Date }> {
    for await (const object of listObjects(this.client, this.buckets[env], blobPrefix)) {
      yield { sha256: object.key.slice(blobPrefix.length), lastModified: object.lastModified };
    }
  }

  /** Removes temporary upload objects older than `before` (left by a process that died mid-upload). */
  async deleteStaleUploads(env: MediaEnv, before: Date): Promise<number> {
    const stale: string[] = [];
    for await (const object of listObjects(this.client, this.buckets[env], tempPrefix)) {
      if (object.lastModified < before) stale.push(object.key);
    }
    await deleteKeys(this.client, this.buckets[env], stale);
    return stale.length;
  }

  deleteMany(env: MediaEnv, sha256s: string[]): Promise<void> {
    return deleteKeys(this.client, this.buckets[env], sha256s.map(blobKey));
  }

  async ensureBuckets(): Promise<void> {
    for (const bucket of this.distinctBuckets()) await createBucketIfMissing(this.client, bucket);
  }

  /** Throws unless both buckets answer: for health checks. */
  async ping(): Promise<void> {
    await Promise.all(this.distinctBuckets().map((bucket) => assertBucketReachable(this.client, bucket)));
  }

  /** Empties and deletes both buckets: for test teardown. */
  async deleteBuckets(): Promise<void> {
    for (const bucket of this.distinctBuckets()) await deleteBucketWithObjects(this.client, bucket);
  }

  private async copyFromStaging(sha256: string): Promise<void> {
    try {
      await this.client.send(
        new CopyObjectCommand({
          Bucket: this.buckets.production,
          Key: blobKey(sha256),
          CopySource: `${this.buckets.staging}/${blobKey(sha256)}`,
        }),
      );
    } catch (error) {
      if (hasErrorName(error, 'NoSuchKey')) throw new MediaBlobMissingError('staging', sha256);
      throw error;
    }
  }

  private async throwRangeNotSatisfiable(env: MediaEnv, sha256: string): Promise<void> {
    const size = await objectSize(this.client, this.buckets[env], blobKey(sha256));
    if (size !== null) throw new MediaRangeNotSatisfiableError(size);
  }

  private distinctBuckets(): string[] {
    return [...new Set([this.buckets.staging, this.buckets.production])];
  }
}

function totalSize(contentRange: string | undefined): number | undefined {
  const total = contentRange?.match(/\/(\d+)$/)?.[1];
  return total === undefined ? undefined : Number(total);
}
