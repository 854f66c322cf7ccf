import type { MediaEnv } from './media-env';

/** The uploaded stream had more bytes than allowed; nothing was stored. */
export class MediaTooLargeError extends Error {
  override readonly name = 'MediaTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`Media exceeds the limit of ${maxBytes} bytes`);
  }
}

/** A blob that should exist in an environment's bucket does not. */
export class MediaBlobMissingError extends Error {
  override readonly name = 'MediaBlobMissingError';
  constructor(
    readonly env: MediaEnv,
    readonly sha256: string,
  ) {
    super(`Media blob ${sha256} is missing in ${env}`);
  }
}

/** A range read starting past the end of the blob; `size` is what an HTTP 416 reports in Content-Range. */
export class MediaRangeNotSatisfiableError extends Error {
  override readonly name = 'MediaRangeNotSatisfiableError';
  constructor(readonly size: number) {
    super(`Range not satisfiable for a blob of ${size} bytes`);
  }
}
