import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { MediaTooLargeError } from './media-errors';

/** Passes bytes through while hashing (sha256) and counting them; fails once more than `maxBytes` went by. */
export class DigestMeter extends Transform {
  private readonly hash = createHash('sha256');
  private byteCount = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  get bytes(): number {
    return this.byteCount;
  }

  /** Hex sha256 of everything that passed; call once, after the stream ended. */
  digest(): string {
    return this.hash.digest('hex');
  }

  override _transform(chunk: Buffer | string, encoding: BufferEncoding, callback: TransformCallback): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
    this.byteCount += bytes.length;
    if (this.byteCount > this.maxBytes) return callback(new MediaTooLargeError(this.maxBytes));
    this.hash.update(bytes);
    callback(null, bytes);
  }
}
