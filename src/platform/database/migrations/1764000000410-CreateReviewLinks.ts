import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReviewLinks1764000000410 implements MigrationInterface {
  name = 'CreateReviewLinks1764000000410';

  async up(q: QueryRunner): Promise<void> {
    // Signed links for clients to view staging: only a hash of the token is kept, like site tokens.
    await q.query(`
      create table review_links (
        id uuid primary key default gen_random_uuid(),
        site_id uuid not null references sites(id) on delete cascade,
        label text not null default '',
        token_hash text not null unique,
        expires_at timestamptz not null,
        created_by text not null,
        created_at timestamptz not null default now(),
        revoked_at timestamptz
      )`);
    await q.query(`create index review_links_site on review_links (site_id, created_at desc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table review_links`);
  }
}
