import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSites1764000000000 implements MigrationInterface {
  name = 'CreateSites1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table sites (
        id uuid primary key default gen_random_uuid(),
        slug text not null unique,
        name text not null,
        created_at timestamptz not null default now()
      )`);
    // One row per environment: staging counts promotable changes, production points at its head state.
    // change_seq moves on every promotable staging change and never restarts (the preview fingerprint uses it).
    await q.query(`
      create table environments (
        site_id uuid not null references sites(id) on delete cascade,
        name text not null check (name in ('staging', 'production')),
        version bigint not null default 0,
        change_seq bigint not null default 0,
        head_state_id bigint,
        reset_at timestamptz,
        maintenance_reason text,
        maintenance_holder text,
        maintenance_until timestamptz,
        primary key (site_id, name)
      )`);
    await q.query(`
      create table site_tokens (
        id uuid primary key default gen_random_uuid(),
        site_id uuid not null references sites(id) on delete cascade,
        role text not null check (role in ('owner', 'editor', 'reviewer')),
        label text not null default '',
        token_hash text not null unique,
        created_at timestamptz not null default now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`create index site_tokens_site on site_tokens (site_id)`);
    await q.query(
      `create table system_flags (key text primary key, value jsonb not null, set_at timestamptz not null default now())`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table system_flags`);
    await q.query(`drop table site_tokens`);
    await q.query(`drop table environments`);
    await q.query(`drop table sites`);
  }
}
