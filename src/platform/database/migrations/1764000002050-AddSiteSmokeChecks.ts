import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSiteSmokeChecks1764000002050 implements MigrationInterface {
  name = 'AddSiteSmokeChecks1764000002050';

  async up(q: QueryRunner): Promise<void> {
    // No smoke checks until the owner writes some: the post-swap check then reads the home page and the changed pages.
    await q.query(`
      alter table sites add column smoke_checks jsonb not null default '[]'
        constraint sites_smoke_checks_list check (jsonb_typeof(smoke_checks) = 'array')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table sites drop column smoke_checks`);
  }
}
