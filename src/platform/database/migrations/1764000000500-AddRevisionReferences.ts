import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRevisionReferences1764000000500 implements MigrationInterface {
  name = 'AddRevisionReferences1764000000500';

  async up(q: QueryRunner): Promise<void> {
    // The entities a body points at ([{type, key}]), computed once per revision (null: not yet computed), so
    // a promotion checks every reference of a 100,000-entity state with one join instead of reading bodies.
    await q.query(`alter table revisions add column refs jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table revisions drop column refs`);
  }
}
