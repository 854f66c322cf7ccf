import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MediaBody } from '../../libs/content-model';
import { runPool, type MediaStore } from '../../libs/media-storage';
import { Transactions } from '../platform/database/transactions';
import { AppError } from '../platform/errors/app-error';
import { allowedMediaType } from './media-types';
import { MEDIA_STORE } from '../platform/media-store/media.tokens';
import { MediaUploadsRepository, type MediaUploadRow } from './media-uploads.repository';

// HEAD requests to S3 in flight at once while checking that the bytes of many media entities are still stored.
const BLOB_CHECKS_IN_FLIGHT = 8;

/** A media body to check, and where it sits in the request (`data`, `entities[3].data`). */
export interface DescribedMedia {
  at: string;
  body: MediaBody;
}

type Problem = { path: string; message: string; kind: 'not_uploaded' | 'mismatch' };

/**
 * Per-site upload records. Blobs are shared by sha256 across sites, so the record, not the bucket, says which
 * site may name which bytes, and as which type: the one its upload verified against the allow-list.
 */
@Injectable()
export class MediaUploadsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly uploads: MediaUploadsRepository,
    @Inject(MEDIA_STORE) private readonly store: MediaStore,
  ) {}

  record(siteId: string, upload: MediaUploadRow): Promise<void> {
    return this.uploads.insert(this.transactions.autocommit, siteId, upload);
  }

  /**
   * Refuses media bodies that do not describe an upload of their own site: 400 `media_not_uploaded` when the
   * site never uploaded the bytes (or they are gone), else 400 `media_mismatch` when the type or size differ.
   */
  async assertDescribeUploads(siteId: string, media: DescribedMedia[], tx: EntityManager): Promise<void> {
    if (!media.length) return;
    const records = await this.uploads.findBySha256s(tx, siteId, [...new Set(media.map((m) => m.body.sha256))]);
    const bySha256 = new Map<string, MediaUploadRow[]>();
    for (const r of records) bySha256.set(r.sha256, [...(bySha256.get(r.sha256) ?? []), r]);
    const gone = new Set<string>();
    await runPool([...bySha256.keys()], BLOB_CHECKS_IN_FLIGHT, async (sha256) => {
      if (!(await this.store.exists('staging', sha256))) gone.add(sha256);
    });
    const problems = media.flatMap(({ at, body }) => {
      const problem = problemOf(body, gone.has(body.sha256) ? undefined : bySha256.get(body.sha256));
      return problem ? [{ ...problem, path: `${at}.${problem.path}` }] : [];
    });
    if (!problems.length) return;
    const notUploaded = problems.some((p) => p.kind === 'not_uploaded');
    throw new AppError(
      notUploaded ? 'media_not_uploaded' : 'media_mismatch',
      notUploaded
        ? 'A media entity names bytes this site never uploaded: upload them with POST …/staging/media first.'
        : 'A media entity must have the type and size its upload was verified with.',
      problems.map(({ path, message }) => ({ path, message })),
    );
  }
}

function problemOf(body: MediaBody, uploads: MediaUploadRow[] | undefined): Problem | null {
  if (!uploads)
    return { kind: 'not_uploaded', path: 'sha256', message: 'must be the sha256 of a file uploaded to this site' };
  const upload = uploads.find((u) => u.contentType === allowedMediaType(body.contentType));
  if (!upload)
    return {
      kind: 'mismatch',
      path: 'contentType',
      message: `must be the type the upload was verified as: ${uploads.map((u) => u.contentType).join(' or ')}`,
    };
  if (upload.size !== body.size)
    return { kind: 'mismatch', path: 'size', message: `must be the uploaded file's size, ${upload.size}` };
  return null;
}
