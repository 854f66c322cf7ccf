import {
  DeleteObjectCommand,
  DeleteObjectsCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  type S3Client,
} from '@aws-sdk/client-s3';
import { isMissingObject } from './s3-error-names';

// DeleteObjects accepts at most 1000 keys per request.
const deleteBatchSize = 1000;

/** The object's size in bytes, or `null` when it does not exist. */
export async function objectSize(client: S3Client, bucket: string, key: string): Promise<number | null> {
  try {
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return head.ContentLength ?? 0;
  } catch (error) {
    if (isMissingObject(error)) return null;
    throw error;
  }
}

export async function* listKeys(client: S3Client, bucket: string, prefix?: string): AsyncGenerator<string> {
  for await (const object of listObjects(client, bucket, prefix)) yield object.key;
}

export async function* listObjects(
  client: S3Client,
  bucket: string,
  prefix?: string,
): AsyncGenerator<{ key: string; lastModified: Date }> {
  for await (const page of paginateListObjectsV2({ client }, { Bucket: bucket, Prefix: prefix })) {
    for (const object of page.Contents ?? []) {
      if (object.Key !== undefined) yield { key: object.Key, lastModified: object.LastModified ?? new Date(0) };
    }
  }
}

export async function deleteKeys(client: S3Client, bucket: string, keys: readonly string[]): Promise<void> {
  for (let start = 0; start < keys.length; start += deleteBatchSize) {
    const batch = keys.slice(start, start + deleteBatchSize);
    const result = await client.send(
      new DeleteObjectsCommand({
        Bucket: bucket,
        Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true },
      }),
    );
    const failed = result.Errors?.[0];
    if (failed) {
      const count = result.Errors?.length;
      throw new Error(`Could not delete ${count} object(s) from ${bucket}, first ${failed.Key}: ${failed.Message}`);
    }
  }
}

/** Deletes a key, ignoring failure: used to clean up after an error that matters more. */
export async function deleteKeyQuietly(client: S3Client, bucket: string, key: string): Promise<void> {
  await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })).catch(() => undefined);
}
