import { createHash } from 'node:crypto';
import { mediaBytes } from './png';
import { Random } from './random';
import type { SiteEntity } from './site-entity';
import { mediaKey } from './site-keys';
import { sentence } from './words';

/** The media entity of generated file `index`: its sha256 and size are those of mediaBytes(index, sizeBytes). */
export function mediaEntity(index: number, sizeBytes = 4096): SiteEntity {
  const bytes = mediaBytes(index, sizeBytes);
  return {
    type: 'media',
    key: mediaKey(index),
    data: {
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
      contentType: 'image/png',
      alt: sentence(Random.of('media-alt', index), 3, 8).slice(0, -1),
      filename: mediaKey(index),
    },
  };
}
