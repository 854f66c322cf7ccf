import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateHeadHistory1764000001900 implements MigrationInterface {
  name = 'CreateHeadHistory1764000001900';

  async up(q: QueryRunner): Promise<void> {
    // When each state became production's head: a state's stint ends when the next one's begins. Skew
    // protection serves a retired state's media for a grace period, and the garbage collector keeps it as long.
    await q.query(`
      create table head_history (
        id bigint generated always as identity primary key,
        site_id uuid not null references sites(id) on delete cascade,
        state_id bigint not null references content_states(id) on delete cascade,
        became_head_at timestamptz not null default now()
      )`);
    await q.query(`create index head_history_site on head_history (site_id, id)`);
    await q.query(
      `insert into head_history (site_id, state_id)
       select site_id, head_state_id from environments where name = 'production' and head_state_id is not null`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table head_history`);
  }
}
