import { create as contentDisposition } from 'content-disposition';
import type { MediaBody } from '../../libs/content-model';
import { allowedMediaType } from './media-types';

// What bytes whose type is not on the allow-list (a media entity written before types were verified) are
// served as: the browser neither renders nor sniffs them, it downloads them.
const OPAQUE_TYPE = 'application/octet-stream';
const SHOWN_INLINE = /^(image|video|audio)\//;

export interface MediaHeaders {
  contentType: string;
  contentDisposition: string;
}

/**
 * The Content-Type and Content-Disposition a media file is served with. The type is always an allow-list
 * constant, never the entity's own text. Images, video and audio show inline; a PDF only when the entity
 * says `inline: true`; fonts and anything else download (fonts still load from CSS: browsers ignore it there).
 */
export function mediaHeaders(media: Pick<MediaBody, 'contentType' | 'filename' | 'inline'>): MediaHeaders {
  const contentType = allowedMediaType(media.contentType) ?? OPAQUE_TYPE;
  const inline = SHOWN_INLINE.test(contentType) || (contentType === 'application/pdf' && media.inline === true);
  // content-disposition quotes and percent-encodes the name; control characters are dropped first all the same.
  const filename = media.filename?.replace(/[\u0000-\u001f\u007f]/g, '') || undefined;
  return { contentType, contentDisposition: contentDisposition(filename, { type: inline ? 'inline' : 'attachment' }) };
}
