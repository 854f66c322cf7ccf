import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import type { ContentType } from './content-types';

/** The id of an immutable revision: sha256 (hex) of the canonical JSON of `{type, data}`. */
export function revisionHash(type: ContentType, data: unknown): string {
  return sha256Hex(canonicalJson({ type, data }));
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
