import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePromotionApprovals1764000001510 implements MigrationInterface {
  name = 'CreatePromotionApprovals1764000001510';

  async up(q: QueryRunner): Promise<void> {
    // An approval is of one preview fingerprint by one principal (a token, the admin, a review link): approving
    // twice is the same row. The versions are what the approver saw, so a stale approval can say which it was.
    await q.query(`
      create table promotion_approvals (
        id uuid primary key default gen_random_uuid(),
        site_id uuid not null references sites(id) on delete cascade,
        fingerprint text not null,
        approver_key text not null,
        approver_kind text not null check (approver_kind in ('token', 'admin', 'review_link')),
        token_id uuid references site_tokens(id) on delete set null,
        review_link_id uuid references review_links(id) on delete set null,
        approver_role text not null,
        approver_label text not null default '',
        approver_name text,
        staging_version integer not null,
        production_version integer not null,
        comment text,
        created_at timestamptz not null default now(),
        constraint promotion_approvals_once unique (site_id, fingerprint, approver_key)
      )`);
    await q.query(`create index promotion_approvals_site on promotion_approvals (site_id, created_at desc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table promotion_approvals`);
  }
}
