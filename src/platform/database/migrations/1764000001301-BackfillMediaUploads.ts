import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ALLOWED_MEDIA_TYPES } from '../../../media/media-types';

export class BackfillMediaUploads1764000001301 implements MigrationInterface {
  name = 'BackfillMediaUploads1764000001301';

  async up(q: QueryRunner): Promise<void> {
    // Every site keeps the bytes its media entities (staging, any state, any backup) already name. A type off
    // the allow-list is not recorded: such an entity keeps being served, as a download, but cannot be rewritten.
    await q.query(
      `insert into media_uploads (site_id, sha256, content_type, size)
       select distinct on (used.site_id, r.body->>'sha256', t.essence)
              used.site_id, r.body->>'sha256', t.essence, (r.body->>'size')::numeric::bigint
       from (
         select site_id, data_revision_id as revision_id from staging_entries where type = 'media'
         union select site_id, published_revision_id from staging_entries where type = 'media'
         union select s.site_id, e.revision_id from state_entries e
           join content_states s on s.id = e.state_id where e.type = 'media'
         union select b.site_id, e.data_revision_id from staging_backup_entries e
           join staging_backups b on b.id = e.backup_id where e.type = 'media'
         union select b.site_id, e.published_revision_id from staging_backup_entries e
           join staging_backups b on b.id = e.backup_id where e.type = 'media'
       ) used
       join revisions r on r.id = used.revision_id
       cross join lateral (select lower(trim(split_part(r.body->>'contentType', ';', 1))) as essence) t
       where t.essence = any($1)
         and r.body->>'sha256' ~ '^[0-9a-f]{64}$'
         and jsonb_typeof(r.body->'size') = 'number'
       on conflict do nothing`,
      [ALLOWED_MEDIA_TYPES],
    );
  }

  // Rows it added cannot be told from uploads recorded since; the table's own down removes them all.
  async down(): Promise<void> {}
}
