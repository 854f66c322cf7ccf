import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddStagingBaseState1764000001850 implements MigrationInterface {
  name = 'AddStagingBaseState1764000001850';

  async up(q: QueryRunner): Promise<void> {
    // Staging's row only: the production state staging was last in step with (its last reset from production,
    // or the last promotion from it). The preview compares production's head with it to find drift. Null (sites
    // made before this) means no base known: no drift is shown until the site's next reset or promotion.
    await q.query(`alter table environments add column base_state_id bigint references content_states(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table environments drop column base_state_id`);
  }
}
