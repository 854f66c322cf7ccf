import type { S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { finished, type Readable } from 'node:stream';
import { DigestMeter } from './digest-meter';
import { deleteKeyQuietly } from './s3-objects';

export interface PutStreamOptions {
  contentType: string;
  maxBytes: number;
}

// 5 MiB is S3's smallest multipart part; two in flight bound memory to ~15 MiB per upload.
const partSize = 5 * 1024 * 1024;
const queueSize = 2;

/**
 * Streams `body` to `bucket/key` while hashing it, never holding more than a few parts in memory.
 * On any failure (source error, size limit, S3 error) the object is removed and the cause is thrown;
 * `body` is unpiped but neither drained nor destroyed: the caller owns it.
 */
export async function uploadMetered(
  client: S3Client,
  bucket: string,
  key: string,
  body: Readable,
  options: PutStreamOptions,
): Promise<{ sha256: string; size: number }> {
  const meter = new DigestMeter(options.maxBytes);
  // Also catches a source destroyed without an error, which would otherwise leave the upload waiting forever.
  const stopWatchingSource = finished(body, { writable: false }, (error) => {
    if (error) meter.destroy(error);
  });
  body.pipe(meter);
  const upload = new Upload({
    client,
    params: { Bucket: bucket, Key: key, Body: meter, ContentType: options.contentType },
    partSize,
    queueSize,
  });
  try {
    await upload.done();
    return { sha256: meter.digest(), size: meter.bytes };
  } catch (error) {
    body.unpipe(meter);
    await deleteKeyQuietly(client, bucket, key);
    // The stream's own error (size limit, source failure) explains more than what the upload made of it.
    throw meter.errored ?? error;
  } finally {
    stopWatchingSource();
    meter.destroy();
  }
}
