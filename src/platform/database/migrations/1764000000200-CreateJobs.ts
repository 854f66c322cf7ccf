import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateJobs1764000000200 implements MigrationInterface {
  name = 'CreateJobs1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table jobs (
        id uuid primary key default gen_random_uuid(),
        site_id uuid references sites(id) on delete cascade,
        kind text not null,
        status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
        step text,
        progress integer not null default 0,
        steps jsonb not null default '[]',
        params jsonb not null default '{}',
        result jsonb not null default '{}',
        from_version bigint,
        to_version bigint,
        snapshot_id uuid,
        timings jsonb,
        error jsonb,
        actor jsonb,
        attempts integer not null default 0,
        created_at timestamptz not null default now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    // The database, not only Redis, guarantees one long job (promotion, restore, reset) per site at a time.
    await q.query(
      `create unique index jobs_one_open_per_site on jobs (site_id) where status in ('queued', 'running') and site_id is not null`,
    );
    await q.query(`create index jobs_site_kind on jobs (site_id, kind, created_at desc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table jobs`);
  }
}
