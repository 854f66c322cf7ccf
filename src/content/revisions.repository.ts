import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { canonicalJson, referenceKeys, revisionHash, type ContentType } from '../../libs/content-model';

export interface StoredRevision {
  id: string;
  hash: string;
}

/** Immutable bodies by content hash: writing the same body twice stores it once. */
@Injectable()
export class RevisionsRepository {
  async upsert(tx: EntityManager, type: ContentType, data: unknown): Promise<StoredRevision> {
    const hash = revisionHash(type, data);
    const rows = await tx.query(
      `with inserted as (
         insert into revisions (hash, type, body, refs) values ($1, $2, $3::jsonb, $4::jsonb) on conflict (hash) do nothing returning id
       )
       select id::text from inserted union all select id::text from revisions where hash = $1 limit 1`,
      [hash, type, canonicalJson(data), JSON.stringify(referenceKeys(type, data))],
    );
    return { id: rows[0].id, hash };
  }
}
