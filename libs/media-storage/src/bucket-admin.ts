import { CreateBucketCommand, DeleteBucketCommand, HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { hasErrorName } from './s3-error-names';
import { deleteKeys, listKeys } from './s3-objects';

export async function createBucketIfMissing(client: S3Client, bucket: string): Promise<void> {
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if (!hasErrorName(error, 'BucketAlreadyOwnedByYou', 'BucketAlreadyExists')) throw error;
  }
}

export async function assertBucketReachable(client: S3Client, bucket: string): Promise<void> {
  await client.send(new HeadBucketCommand({ Bucket: bucket }));
}

/** Empties then deletes a bucket; a bucket that is already gone is fine. */
export async function deleteBucketWithObjects(client: S3Client, bucket: string): Promise<void> {
  try {
    const keys: string[] = [];
    for await (const key of listKeys(client, bucket)) keys.push(key);
    await deleteKeys(client, bucket, keys);
    await client.send(new DeleteBucketCommand({ Bucket: bucket }));
  } catch (error) {
    if (!hasErrorName(error, 'NoSuchBucket')) throw error;
  }
}
