import { randomUUID } from 'node:crypto';

export const blobPrefix = 'blobs/';

export function blobKey(sha256: string): string {
  return `${blobPrefix}${sha256}`;
}

/** Uploads land here first: their key (the hash) is known only once the last byte has been read. */
export const tempPrefix = 'tmp/';

export function tempKey(): string {
  return `${tempPrefix}${randomUUID()}`;
}
