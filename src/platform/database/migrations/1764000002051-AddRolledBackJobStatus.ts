import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES_BEFORE = `'scheduled', 'queued', 'running', 'succeeded', 'failed', 'cancelled'`;

export class AddRolledBackJobStatus1764000002051 implements MigrationInterface {
  name = 'AddRolledBackJobStatus1764000002051';

  async up(q: QueryRunner): Promise<void> {
    // A promotion whose post-swap check failed swapped production back: it ended, neither succeeded nor failed.
    await q.query(`alter table jobs drop constraint jobs_status_check`);
    await q.query(
      `alter table jobs add constraint jobs_status_check check (status in (${STATUSES_BEFORE}, 'rolled_back'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // The closest older status: the promotion did not take, and its error says why.
    await q.query(`update jobs set status = 'failed' where status = 'rolled_back'`);
    await q.query(`alter table jobs drop constraint jobs_status_check`);
    await q.query(`alter table jobs add constraint jobs_status_check check (status in (${STATUSES_BEFORE}))`);
  }
}
