import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface MediaUploadRow {
  sha256: string;
  contentType: string;
  size: number;
}

/** Owns media_uploads: which site uploaded which bytes, as which verified type. */
@Injectable()
export class MediaUploadsRepository {
  async insert(tx: EntityManager, siteId: string, upload: MediaUploadRow): Promise<void> {
    await tx.query(
      `insert into media_uploads (site_id, sha256, content_type, size) values ($1, $2, $3, $4)
       on conflict do nothing`,
      [siteId, upload.sha256, upload.contentType, upload.size],
    );
  }

  findBySha256s(tx: EntityManager, siteId: string, sha256s: string[]) {
    return tx.query(
      `select sha256, content_type as "contentType", size::float8 as size
       from media_uploads where site_id = $1 and sha256 = any($2) order by uploaded_at`,
      [siteId, sha256s],
    ) as Promise<MediaUploadRow[]>;
  }
}
