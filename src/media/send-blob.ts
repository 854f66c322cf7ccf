import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { MediaBody } from '../../libs/content-model';
import type { MediaEnv, MediaStore } from '../../libs/media-storage';
import { AppError } from '../platform/errors/app-error';
import { mediaHeaders } from './media-serving';

/**
 * Streams a content-addressed blob with a strong ETag (the sha256) and single-range support, as an allow-listed
 * type the browser may not sniff past, inline or as a download (media-serving.ts decides).
 */
export async function sendBlob(
  store: MediaStore,
  env: MediaEnv,
  media: MediaBody,
  request: Request,
  response: Response,
  cacheControl: string,
): Promise<void> {
  const etag = `"${media.sha256}"`;
  response.setHeader('ETag', etag);
  response.setHeader('Accept-Ranges', 'bytes');
  response.setHeader('Cache-Control', cacheControl);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  if (request.headers['if-none-match'] === etag) {
    response.status(304).end();
    return;
  }
  const ranges = request.headers.range ? request.range(media.size) : undefined;
  if (ranges === -1) {
    response.setHeader('Content-Range', `bytes */${media.size}`);
    throw new AppError('range_not_satisfiable', 'The requested range is outside the file.', [{ size: media.size }]);
  }
  // A malformed Range header (-2) or several ranges get the whole file, as RFC 9110 allows.
  const range = Array.isArray(ranges) && ranges.length === 1 ? ranges[0] : undefined;
  const blob = await store.get(env, media.sha256, range && { start: range.start, end: range.end });
  if (!blob) throw new AppError('not_found', 'The media bytes are missing from storage.');
  const headers = mediaHeaders(media);
  response.status(range ? 206 : 200);
  response.setHeader('Content-Type', headers.contentType);
  response.setHeader('Content-Disposition', headers.contentDisposition);
  response.setHeader('Content-Length', String(blob.contentLength));
  if (range)
    response.setHeader('Content-Range', blob.contentRange ?? `bytes ${range.start}-${range.end}/${media.size}`);
  await pipeline(blob.body, response);
}
