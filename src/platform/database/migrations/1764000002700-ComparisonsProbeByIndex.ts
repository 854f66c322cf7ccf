import type { MigrationInterface, QueryRunner } from 'typeorm';

// state_diff of 1764000002400 with the rows of the levels apart read by `state_id = any(<literal>)`.
const stateDiff = (levelRows: string) => `
  create or replace function state_diff(p_from bigint, p_to bigint)
  returns table (type text, key text, from_revision_id bigint, to_revision_id bigint,
                 from_version integer, to_version integer, from_route text, to_route text)
  language plpgsql stable parallel safe rows 1000 set jit = off as $$
  declare
    a bigint[] := (select array[id] || ancestors from content_states where id = p_from);
    b bigint[] := (select array[id] || ancestors from content_states where id = p_to);
    apart bigint[];
  begin
    if a[cardinality(a)] = b[cardinality(b)] then
      apart := array((select unnest(a) except select unnest(b)) union (select unnest(b) except select unnest(a)));
      return query execute format(
        'select t.type, t.key, f.revision_id, g.revision_id, f.version, g.version, f.route, g.route
         from ${levelRows} t
         left join lateral state_entry($1, t.type, t.key) f on true
         left join lateral state_entry($2, t.type, t.key) g on true
         where f.revision_id is distinct from g.revision_id or f.route is distinct from g.route', apart)
        using p_from, p_to;
    else
      return query
        select coalesce(f.type, g.type), coalesce(f.key, g.key), f.revision_id, g.revision_id,
               f.version, g.version, f.route, g.route
        from state_manifest(p_from) f full join state_manifest(p_to) g on g.type = f.type and g.key = f.key
        where f.revision_id is distinct from g.revision_id or f.route is distinct from g.route;
    end if;
  end $$`;

// staging_compared of 1764000002500 with staging's side of each key joined as shown (1764000002800 goes back to it).
export const stagingCompared = (stagingSide: string) => `
  create or replace function staging_compared(p_site uuid, p_head bigint)
  returns table (type text, key text,
                 staging_revision_id bigint, staging_version integer, staging_route text,
                 production_revision_id bigint, production_version integer, production_route text)
  language plpgsql stable parallel safe rows 1000 set jit = off as $$
  declare
    base bigint := (select e.base_state_id from environments e where e.site_id = p_site and e.name = 'staging');
  begin
    if base is null then
      return query
        select coalesce(s.type, p.type), coalesce(s.key, p.key), s.revision_id, s.version, s.route,
               p.revision_id, p.version, p.route
        from (select * from staging_manifest m where m.site_id = p_site) s
        full join state_manifest(p_head) p on p.type = s.type and p.key = s.key;
    else
      return query
        with keys as (
          select c.type, c.key from staging_changes c where c.site_id = p_site
          union select d.type, d.key from state_diff(base, p_head) d
        )
        select k.type, k.key, s.revision_id, s.version, s.route, p.revision_id, p.version, p.route
        from keys k
        ${stagingSide}
        left join lateral state_entry(p_head, k.type, k.key) p on true
        where s.revision_id is not null or p.revision_id is not null;
    end if;
  end $$`;

/**
 * Two comparisons read by index whatever the statistics say. The levels two states hold apart are read with the state ids as a literal array, which the planner
 * estimates per id from the column's statistics (a delta: a few rows, an index scan). Joined to an unnest
 * of the same ids, it estimated each level at the table's average rows per state and scanned the whole
 * table: 19 ms against 0.8 ms for two 10-row deltas on a 100,000-entity base. Staging's side of each changed
 * key is one probe of its primary key (`offset 0` keeps it a probe): analyzed, a 100,000-entity site's
 * statistics made the planner hash all of staging's entries to look up 980 keys.
 */
export class ComparisonsProbeByIndex1764000002700 implements MigrationInterface {
  name = 'ComparisonsProbeByIndex1764000002700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      stateDiff(`(select distinct x.type, x.key from state_entries x where x.state_id = any(%L::bigint[]))`),
    );
    await q.query(
      stagingCompared(`left join lateral (select * from staging_manifest m
                       where m.site_id = p_site and m.type = k.type and m.key = k.key offset 0) s on true`),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      stagingCompared(`left join staging_manifest s on s.site_id = p_site and s.type = k.type and s.key = k.key`),
    );
    await q.query(
      stateDiff(`(select distinct e.type, e.key from unnest(%L::bigint[]) as l(state_id)
               cross join lateral (select x.type, x.key from state_entries x where x.state_id = l.state_id) e)`),
    );
  }
}
