import { Inject, Injectable } from '@nestjs/common';
import busboy from 'busboy';
import type { Request } from 'express';
import type { Readable } from 'node:stream';
import { validateKey } from '../../libs/content-model';
import { MediaTooLargeError, type MediaStore, type StoredBlob } from '../../libs/media-storage';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../platform/config/runtime-config';
import { ContentService, validBody, type WriteContext } from '../content/content.service';
import { AppError } from '../platform/errors/app-error';
import type { Site } from '../sites/site.types';
import { ALLOWED_MEDIA_TYPES, allowedMediaType } from './media-types';
import { MEDIA_STORE } from '../platform/media-store/media.tokens';
import { MediaUploadsService } from './media-uploads.service';

export interface UploadedMedia {
  key: string;
  sha256: string;
  size: number;
  contentType: string;
  alt?: string;
  version: number;
}

/**
 * Streams a multipart upload straight to S3 (never whole in memory), records that this site uploaded the bytes
 * as their allow-listed type, then writes the media entity.
 */
@Injectable()
export class MediaUploadService {
  constructor(
    @Inject(MEDIA_STORE) private readonly store: MediaStore,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly content: ContentService,
    private readonly mediaUploads: MediaUploadsService,
  ) {}

  async upload(site: Site, request: Request, ctx: WriteContext): Promise<UploadedMedia> {
    if (!request.is('multipart/form-data'))
      throw new AppError('unsupported_media_type', 'Upload media as multipart/form-data with a "file" part.');
    const { fields, file } = await this.receive(request);
    if (!file)
      throw new AppError('validation_failed', 'The upload has no "file" part.', [
        { path: 'body.file', message: 'is required' },
      ]);
    const key = fields.key ?? defaultKey(file.filename, file.blob.sha256);
    const upload = { sha256: file.blob.sha256, size: file.blob.size, contentType: file.contentType };
    const data = {
      ...upload,
      ...(file.filename ? { filename: file.filename } : {}),
      ...(fields.alt !== undefined ? { alt: fields.alt } : {}),
    };
    // Refused fields (an alt with a NUL, say) are refused before anything is recorded: no partial write.
    validBody('media', data);
    await this.mediaUploads.record(site.id, upload);
    const { entity } = await this.content.put(site, 'media', key, data, ctx);
    return { key, ...data, version: entity.version };
  }

  private receive(
    request: Request,
  ): Promise<{ fields: Record<string, string>; file?: { filename?: string; contentType: string; blob: StoredBlob } }> {
    return new Promise((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({ headers: request.headers, limits: { files: 1, fields: 10, fieldSize: 2000, parts: 12 } });
      } catch {
        return reject(new AppError('validation_failed', 'The multipart body is malformed (no boundary).'));
      }
      const fields: Record<string, string> = {};
      let upload: Promise<{ filename?: string; contentType: string; blob: StoredBlob }> | undefined;
      let refusal: AppError | undefined;
      parser.on('field', (name, value) => {
        if (name === 'key' || name === 'alt') fields[name] = value;
      });
      parser.on('file', (name, stream: Readable, info) => {
        if (name !== 'file' || upload) {
          stream.resume();
          return;
        }
        const contentType = allowedMediaType(info.mimeType);
        if (!contentType) {
          refusal = new AppError('unsupported_media_type', `Files of type ${info.mimeType} cannot be uploaded.`, [
            { contentType: info.mimeType, allowed: ALLOWED_MEDIA_TYPES },
          ]);
          stream.resume();
          return;
        }
        if (fields.key !== undefined) refusal = keyProblem(fields.key);
        if (refusal) {
          stream.resume();
          return;
        }
        upload = this.store
          .putStream('staging', stream, { contentType, maxBytes: this.config.mediaMaxBytes })
          .then((blob) => ({ filename: info.filename, contentType, blob }))
          .catch((error) => {
            stream.resume(); // drain the rest so the request can end and the 413 be sent
            throw error instanceof MediaTooLargeError
              ? new AppError('payload_too_large', `The file is larger than the limit of ${error.maxBytes} bytes.`, [
                  { maxBytes: error.maxBytes },
                ])
              : error;
          });
        upload.catch(() => {});
      });
      parser.on('error', () => reject(new AppError('validation_failed', 'The multipart body is malformed.')));
      parser.on('close', () => {
        if (refusal) return reject(refusal);
        if (fields.key !== undefined) {
          const problem = keyProblem(fields.key);
          if (problem) return reject(problem);
        }
        if (!upload) return resolve({ fields });
        upload.then((file) => resolve({ fields, file }), reject);
      });
      request.pipe(parser);
    });
  }
}

function keyProblem(key: string): AppError | undefined {
  const problem = validateKey(key);
  return problem
    ? new AppError('invalid_key', `The key is not valid. ${problem}.`, [{ path: 'body.key', message: problem }])
    : undefined;
}

/** A readable key from the file name when it makes one, else from the content hash. */
function defaultKey(filename: string | undefined, sha256: string): string {
  const fromName = (filename ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 100);
  return fromName && !validateKey(fromName) ? fromName : `media-${sha256.slice(0, 16)}`;
}
