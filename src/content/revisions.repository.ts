import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { canonicalJson, referenceKeys, revisionHash, type ContentType } from '../../libs/content-model';

export interface NewRevision {
  hash: string;
  type: string;
  /** Canonical JSON of the body. */
  body: string;
  /** JSON of the body's references, as revisions.refs stores them. */
  refs: string;
}

export interface StoredRevision {
  id: string;
  hash: string;
}

/** Owns revisions: immutable bodies by content hash, so writing the same body twice stores it once. */
@Injectable()
export class RevisionsRepository {
  async upsert(tx: EntityManager, type: ContentType, data: unknown): Promise<StoredRevision> {
    const hash = revisionHash(type, data);
    const body = { hash, type, body: canonicalJson(data), refs: JSON.stringify(referenceKeys(type, data)) };
    return { id: (await this.store(tx, [body])).get(hash)!, hash };
  }

  /** Stores the bodies not stored yet; returns every hash's revision id. */
  async store(tx: EntityManager, revisions: NewRevision[]): Promise<Map<string, string>> {
    const rows: { id: string; hash: string }[] = await tx.query(
      `with input as (
         select * from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as i(hash, type, body, refs)
       ), inserted as (
         insert into revisions (hash, type, body, refs) select hash, type, body::jsonb, refs::jsonb from input
         on conflict (hash) do nothing returning id, hash
       )
       select id::text, hash from inserted
       union all select r.id::text, r.hash from revisions r join input i on i.hash = r.hash`,
      [
        revisions.map((r) => r.hash),
        revisions.map((r) => r.type),
        revisions.map((r) => r.body),
        revisions.map((r) => r.refs),
      ],
    );
    const ids = new Map(rows.map((row) => [row.hash, row.id]));
    // A body that another transaction committed while this statement ran is in neither branch of its snapshot.
    const missing = revisions.map((r) => r.hash).filter((hash) => !ids.has(hash));
    if (missing.length) {
      const late: { id: string; hash: string }[] = await tx.query(
        `select id::text, hash from revisions where hash = any($1::text[])`,
        [missing],
      );
      for (const row of late) ids.set(row.hash, row.id);
    }
    return ids;
  }
}
