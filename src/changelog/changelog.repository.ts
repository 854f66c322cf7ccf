import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ChangeGroup, ChangeOp } from './changelog-format';

/** How many names of each (type, op) group are read; the counts are always whole. */
export const NAMES_PER_GROUP = 20;

/** Reads what changed between two immutable production states (read-only: the states feature owns them). */
@Injectable()
export class ChangelogRepository {
  /**
   * One statement: what separates the two states (state_diff: for states on one chain, their deltas only), the
   * changed ones counted per (type, op), and only the first few of each group looked up in revisions for their
   * title (the old body's for a removed entity).
   */
  async groups(tx: EntityManager, fromStateId: number, toStateId: number): Promise<ChangeGroup[] | null> {
    // A state the garbage collector took would read as empty, and everything as added: say "unknown" instead.
    const [{ found }] = await tx.query(`select count(*)::int as found from content_states where id = any($1)`, [
      [fromStateId, toStateId],
    ]);
    if (found !== new Set([fromStateId, toStateId]).size) return null;
    const rows: { type: string; op: ChangeOp; count: number; name: string }[] = await tx.query(
      `with changes as (
         select d.type, d.key,
                case when d.from_revision_id is null then 'added' when d.to_revision_id is null then 'removed'
                     else 'changed' end as op,
                coalesce(d.to_revision_id, d.from_revision_id) as revision_id
         from state_diff($1, $2) d
         where d.from_revision_id is distinct from d.to_revision_id
       ), ranked as (
         select type, key, op, revision_id, count(*) over w as count, row_number() over (w order by key) as n
         from changes window w as (partition by type, op)
       )
       select r.type, r.op, r.count::int as count,
              coalesce(nullif(btrim(coalesce(v.body->>'title', v.body->>'name', v.body->>'label', v.body->>'filename')), ''), r.key) as name
       from ranked r left join revisions v on v.id = r.revision_id
       where r.n <= $3
       order by r.type, r.op, r.n`,
      [fromStateId, toStateId, NAMES_PER_GROUP],
    );
    const groups = new Map<string, ChangeGroup>();
    for (const row of rows) {
      const id = `${row.type}/${row.op}`;
      const group = groups.get(id) ?? { type: row.type, op: row.op, count: row.count, names: [] };
      group.names.push(row.name);
      groups.set(id, group);
    }
    return [...groups.values()];
  }
}
