import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddMaintenanceSince1764000001201 implements MigrationInterface {
  name = 'AddMaintenanceSince1764000001201';

  async up(q: QueryRunner): Promise<void> {
    // When the holder's current stretch of the lease began, and how long its earlier stretches that expired
    // lasted (a dead attempt's): a retry that takes the lease over records the whole window visitors saw.
    await q.query(`alter table environments add column maintenance_since timestamptz`);
    await q.query(`alter table environments add column maintenance_earlier_ms double precision not null default 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table environments drop column maintenance_earlier_ms`);
    await q.query(`alter table environments drop column maintenance_since`);
  }
}
