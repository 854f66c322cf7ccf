import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Production's own data (and staging's): keyed by (site, environment), outside every content state, so that
 * a promotion, restore or reset cannot reach it by construction.
 */
export class CreateVisitorData1764000000400 implements MigrationInterface {
  name = 'CreateVisitorData1764000000400';

  async up(q: QueryRunner): Promise<void> {
    // The host is the key: one host belongs to one environment of one site.
    await q.query(`
      create table domains (
        host text primary key,
        site_id uuid not null references sites(id) on delete cascade,
        env text not null check (env in ('staging', 'production')),
        is_primary boolean not null default false,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index domains_site_env on domains (site_id, env)`);
    await q.query(`create unique index domains_one_primary on domains (site_id, env) where is_primary`);

    await q.query(`
      create table form_submissions (
        id bigint generated always as identity primary key,
        site_id uuid not null references sites(id) on delete cascade,
        env text not null check (env in ('staging', 'production')),
        form_key text not null,
        data jsonb not null,
        session_id text,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index form_submissions_list on form_submissions (site_id, env, id desc)`);
    await q.query(`create index form_submissions_form on form_submissions (site_id, env, form_key, id desc)`);

    await q.query(`
      create table analytics_events (
        id bigint generated always as identity primary key,
        site_id uuid not null references sites(id) on delete cascade,
        env text not null check (env in ('staging', 'production')),
        event text not null,
        path text not null,
        props jsonb,
        session_id text,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index analytics_events_site on analytics_events (site_id, env, created_at)`);

    // id is a digest of the cookie's secret: the API can show it without handing out a usable cookie.
    await q.query(`
      create table visitor_sessions (
        id text primary key,
        site_id uuid not null references sites(id) on delete cascade,
        env text not null check (env in ('staging', 'production')),
        created_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        expires_at timestamptz not null
      )`);
    await q.query(`create index visitor_sessions_active on visitor_sessions (site_id, env, expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table visitor_sessions`);
    await q.query(`drop table analytics_events`);
    await q.query(`drop table form_submissions`);
    await q.query(`drop table domains`);
  }
}
