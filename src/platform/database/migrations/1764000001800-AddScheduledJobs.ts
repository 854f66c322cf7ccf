import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddScheduledJobs1764000001800 implements MigrationInterface {
  name = 'AddScheduledJobs1764000001800';

  async up(q: QueryRunner): Promise<void> {
    // A scheduled job waits for run_at without blocking its site: it is outside jobs_one_open_per_site
    // (queued, running) until it fires and becomes queued.
    await q.query(`alter table jobs drop constraint jobs_status_check`);
    await q.query(
      `alter table jobs add constraint jobs_status_check
         check (status in ('scheduled', 'queued', 'running', 'succeeded', 'failed', 'cancelled'))`,
    );
    await q.query(`alter table jobs add column run_at timestamptz`);
    await q.query(
      `alter table jobs add constraint jobs_scheduled_has_run_at check (status <> 'scheduled' or run_at is not null)`,
    );
    // At most one schedule per site; the database says so even when two requests race.
    await q.query(
      `create unique index jobs_one_scheduled_per_site on jobs (site_id) where status = 'scheduled' and site_id is not null`,
    );
    // The sweep's question "which schedules are due?" is one range scan.
    await q.query(`create index jobs_scheduled_run_at on jobs (run_at) where status = 'scheduled'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index jobs_scheduled_run_at`);
    await q.query(`drop index jobs_one_scheduled_per_site`);
    await q.query(`update jobs set status = 'cancelled', finished_at = now() where status = 'scheduled'`);
    await q.query(`alter table jobs drop constraint jobs_scheduled_has_run_at`);
    await q.query(`alter table jobs drop column run_at`);
    await q.query(`alter table jobs drop constraint jobs_status_check`);
    await q.query(
      `alter table jobs add constraint jobs_status_check
         check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled'))`,
    );
  }
}
