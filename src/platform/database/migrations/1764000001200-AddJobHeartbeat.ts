import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddJobHeartbeat1764000001200 implements MigrationInterface {
  name = 'AddJobHeartbeat1764000001200';

  async up(q: QueryRunner): Promise<void> {
    // Bumped every second by the worker running the job (and, for a queued job, when a sweep saw it queued):
    // the database sweep takes an open job over when this is old and nobody holds its site lock, whatever
    // Redis remembers.
    await q.query(`alter table jobs add column heartbeat_at timestamptz not null default now()`);
    await q.query(`create index jobs_open_heartbeat on jobs (heartbeat_at) where status in ('queued', 'running')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index jobs_open_heartbeat`);
    await q.query(`alter table jobs drop column heartbeat_at`);
  }
}
