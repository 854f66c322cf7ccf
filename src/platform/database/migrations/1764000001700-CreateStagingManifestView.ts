import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateStagingManifestView1764000001700 implements MigrationInterface {
  name = 'CreateStagingManifestView1764000001700';

  async up(q: QueryRunner): Promise<void> {
    // Staging's promotable manifest, written once: what a promotion would make production's state. Published
    // pages and posts, every other type as written; the columns of state_entries, so the two read alike.
    await q.query(
      `create view staging_manifest as
       select site_id, type, key, published_revision_id as revision_id, version, route
       from staging_entries where published_revision_id is not null`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop view staging_manifest`);
  }
}
