import { S3Client } from '@aws-sdk/client-s3';

export interface S3ConnectionOptions {
  /** Omit for AWS; set for any S3-compatible server (`http://127.0.0.1:4569`). */
  endpoint?: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** An S3 client that works against AWS and S3-compatible servers alike. */
export function createS3Client(options: S3ConnectionOptions): S3Client {
  return new S3Client({
    endpoint: options.endpoint,
    region: options.region,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    // Hostname endpoints (http://localhost:PORT) would otherwise become <bucket>.localhost.
    forcePathStyle: true,
    // The default sends streamed bodies aws-chunked with a trailing CRC32, which s3rver stores verbatim
    // (silent corruption) and radosgw rejects. Checksums only where the API requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
