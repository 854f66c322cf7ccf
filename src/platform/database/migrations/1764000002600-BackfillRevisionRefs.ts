import type { MigrationInterface, QueryRunner } from 'typeorm';
import { type ContentType, referenceKeys } from '../../../../libs/content-model';

// Revisions computed per statement: bounded memory however many an old database holds.
const BATCH = 500;

/**
 * Every revision's references, stored: the writer has computed them since 1764000000500, and the bodies an
 * older bulk path left without them get them here, once. With the column required, a promotion no longer
 * looks for missing ones first (a comparison of staging with production's head, twice per promotion).
 */
export class BackfillRevisionRefs1764000002600 implements MigrationInterface {
  name = 'BackfillRevisionRefs1764000002600';

  async up(q: QueryRunner): Promise<void> {
    for (;;) {
      const batch: { id: string; type: ContentType; body: unknown }[] = await q.query(
        `select id::text, type, body from revisions where refs is null order by id limit $1`,
        [BATCH],
      );
      if (!batch.length) break;
      await q.query(
        `update revisions r set refs = v.refs from unnest($1::bigint[], $2::jsonb[]) as v(id, refs) where r.id = v.id`,
        [batch.map((r) => r.id), batch.map((r) => JSON.stringify(referenceKeys(r.type, r.body)))],
      );
    }
    await q.query(`alter table revisions alter column refs set not null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table revisions alter column refs drop not null`);
  }
}
