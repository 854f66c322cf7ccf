import { randomUUID } from 'node:crypto';

export const blobPrefix = 'blobs/';

export function blobKey(sha256: string): string {
  return `${blobPrefix}${sha256}`;
}

/** Uploads land here first: their key (the hash) is known only once the last byte has been read. */
// No '/' in the temporary key: s3rver keeps a folder per prefix and removes it when it empties, which
// raced with a concurrent upload writing into it (ENOENT).
export const tempPrefix = 'tmp-';

export function tempKey(): string {
  return `${tempPrefix}${randomUUID()}`;
}

/** Derived files (e.g. the visual diff's screenshots) by name, in the staging bucket; never media blobs. */
export const artifactPrefix = 'artifacts/';

export function artifactKey(name: string): string {
  return `${artifactPrefix}${name}`;
}
