import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * state_delta(state): a delta state's own rows (what differs from its parent; a removal has no revision), each
 * with that parent, read in one statement. Readers that keep something derived from the parent (the launch
 * checks' head, the public site's design) lay these rows over it; the parent is on every row because the GC may
 * fold it into the state at any time, which changes both the rows and the parent but never the manifest. A
 * whole state has none.
 */
export class StateDelta1764000002900 implements MigrationInterface {
  name = 'StateDelta1764000002900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create function state_delta(p_state bigint)
      returns table (parent_id bigint, type text, key text, revision_id bigint, version integer, route text)
      language sql stable parallel safe as $$
        select s.parent_id, e.type, e.key, e.revision_id, e.version, e.route
        from content_states s join state_entries e on e.state_id = s.id
        where s.id = p_state and s.parent_id is not null
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function state_delta(bigint)`);
  }
}
