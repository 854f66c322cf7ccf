import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSiteTrustedCustomCode1764000001400 implements MigrationInterface {
  name = 'AddSiteTrustedCustomCode1764000001400';

  async up(q: QueryRunner): Promise<void> {
    // Off for every site: html blocks are sanitised until the site's owner says its custom code is trusted.
    await q.query(`alter table sites add column trusted_custom_code boolean not null default false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table sites drop column trusted_custom_code`);
  }
}
