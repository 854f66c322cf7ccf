import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

const chunkSize = 64 * 1024;

// Deterministic test bytes, different in every 64 KiB chunk: the same (size, seed) always yields the same stream.
function* chunks(size: number, seed: string): Generator<Buffer> {
  for (let offset = 0, index = 0; offset < size; offset += chunkSize, index++) {
    const block = createHash('sha512').update(`${seed}:${index}`).digest();
    const length = Math.min(chunkSize, size - offset);
    yield Buffer.alloc(length, block);
  }
}

export function patternedStream(size: number, seed: string): Readable {
  return Readable.from(chunks(size, seed));
}

export function patternedBytes(size: number, seed: string): Buffer {
  return Buffer.concat([...chunks(size, seed)]);
}

export function patternedSha256(size: number, seed: string): string {
  const hash = createHash('sha256');
  for (const chunk of chunks(size, seed)) hash.update(chunk);
  return hash.digest('hex');
}

export async function sha256OfStream(stream: Readable): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}
