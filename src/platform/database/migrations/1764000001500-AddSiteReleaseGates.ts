import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSiteReleaseGates1764000001500 implements MigrationInterface {
  name = 'AddSiteReleaseGates1764000001500';

  async up(q: QueryRunner): Promise<void> {
    // No approvals needed and no freeze for every site until its owner says otherwise: promotion works as before.
    await q.query(`
      alter table sites
        add column required_approvals smallint not null default 0
          constraint sites_required_approvals_range check (required_approvals between 0 and 5),
        add column freeze_windows jsonb not null default '[]'
          constraint sites_freeze_windows_list check (jsonb_typeof(freeze_windows) = 'array')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table sites drop column required_approvals, drop column freeze_windows`);
  }
}
