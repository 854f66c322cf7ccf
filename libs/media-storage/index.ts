export { createS3Client, type S3ConnectionOptions } from './src/create-s3-client';
export type { MediaBuckets, MediaEnv } from './src/media-env';
export { MediaBlobMissingError, MediaRangeNotSatisfiableError, MediaTooLargeError } from './src/media-errors';
export { MediaStore, type BlobRange, type BlobRead, type MediaStoreOptions, type StoredBlob } from './src/media-store';
export type { PutStreamOptions } from './src/upload-metered';
export { runPool } from './src/run-pool';
export { startTestS3Server, type TestS3Server } from './src/test-s3-server';
