import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateContentStates1764000000100 implements MigrationInterface {
  name = 'CreateContentStates1764000000100';

  async up(q: QueryRunner): Promise<void> {
    // Immutable bodies, stored once by the hash of their canonical JSON, shared by every state that uses them.
    await q.query(`
      create table revisions (
        id bigint generated always as identity primary key,
        hash text not null unique,
        type text not null,
        body jsonb not null,
        created_at timestamptz not null default now()
      )`);
    // Immutable manifests; origin_id makes building a state idempotent per job.
    await q.query(`
      create table content_states (
        id bigint generated always as identity primary key,
        site_id uuid not null references sites(id) on delete cascade,
        origin text not null,
        origin_id uuid unique,
        entity_count integer not null default 0,
        created_at timestamptz not null default now()
      )`);
    // No foreign key to revisions: 100,000-row inserts stay cheap and the garbage collector, which holds the
    // content lock exclusively while writers hold it shared, is what guarantees a referenced revision survives.
    await q.query(`
      create table state_entries (
        state_id bigint not null references content_states(id) on delete cascade,
        type text not null,
        key text not null,
        revision_id bigint not null,
        version integer not null,
        route text,
        primary key (state_id, type, key)
      )`);
    await q.query(`create unique index state_entries_route on state_entries (state_id, route) where route is not null`);
    await q.query(`alter table environments add foreign key (head_state_id) references content_states(id)`);
    // Staging's mutable working manifest: the draft (data) and the promotable (published) revision per entity.
    await q.query(`
      create table staging_entries (
        site_id uuid not null references sites(id) on delete cascade,
        type text not null,
        key text not null,
        data_revision_id bigint not null,
        published_revision_id bigint,
        version integer not null default 0,
        route text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (site_id, type, key)
      )`);
    await q.query(
      `create unique index staging_entries_route on staging_entries (site_id, route) where route is not null`,
    );
    await q.query(`
      create table snapshots (
        id uuid primary key default gen_random_uuid(),
        site_id uuid not null references sites(id) on delete cascade,
        state_id bigint not null references content_states(id),
        label text not null,
        production_version bigint not null,
        origin text not null default 'manual',
        job_id uuid,
        created_by text,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index snapshots_site on snapshots (site_id, created_at desc)`);
    await q.query(`create unique index snapshots_job on snapshots (job_id) where job_id is not null`);
    await q.query(`
      create table staging_backups (
        id uuid primary key default gen_random_uuid(),
        site_id uuid not null references sites(id) on delete cascade,
        reason text not null,
        staging_version bigint not null,
        entity_count integer not null,
        job_id uuid unique,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index staging_backups_site on staging_backups (site_id, created_at desc)`);
    await q.query(`
      create table staging_backup_entries (
        backup_id uuid not null references staging_backups(id) on delete cascade,
        type text not null,
        key text not null,
        data_revision_id bigint not null,
        published_revision_id bigint,
        version integer not null,
        route text,
        primary key (backup_id, type, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table staging_backup_entries`);
    await q.query(`drop table staging_backups`);
    await q.query(`drop table snapshots`);
    await q.query(`drop table staging_entries`);
    await q.query(`alter table environments drop constraint environments_head_state_id_fkey`);
    await q.query(`drop table state_entries`);
    await q.query(`drop table content_states`);
    await q.query(`drop table revisions`);
  }
}
