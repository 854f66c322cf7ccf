import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMediaUploads1764000001300 implements MigrationInterface {
  name = 'CreateMediaUploads1764000001300';

  async up(q: QueryRunner): Promise<void> {
    // Which site uploaded which bytes, with the type the upload verified: a media entity may only describe
    // bytes its own site uploaded, with that type. Blobs are shared by hash; this is what keeps sites apart.
    await q.query(`
      create table media_uploads (
        site_id uuid not null references sites(id) on delete cascade,
        sha256 text not null,
        content_type text not null,
        size bigint not null,
        uploaded_at timestamptz not null default now(),
        primary key (site_id, sha256, content_type)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table media_uploads`);
  }
}
