import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delta states: a state may hold only the rows that differ from its parent (a removal is a row without a
 * revision), so building one costs what changed. `ancestors` is the chain up to a full state (parent first, the
 * full base last; empty for a full state), read from the state's own row: a replica that has the state has every
 * row of its chain, which was committed before it. The parent key keeps a base alive while a delta needs it.
 *
 * Three functions resolve a state, so no reader walks a chain by hand: `state_entry` (one entity: one probe of
 * the primary key per level), `state_route` (a route: one probe of the route index per level, each candidate
 * checked against the nearer levels) and `state_manifest` (every entity, or those of some types: the base with
 * the deltas' keys anti-joined out, plus each delta key's nearest row). `state_diff` compares two states by what their chains
 * hold apart: only the levels one has and the other lacks can differ, so two states on one base cost what
 * separates them (states on different bases are compared whole).
 */
export class AddDeltaStates1764000002400 implements MigrationInterface {
  name = 'AddDeltaStates1764000002400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table content_states
        add column parent_id bigint references content_states(id),
        add column ancestors bigint[] not null default '{}',
        add column chain_rows integer not null default 0`);
    await q.query(`create index content_states_parent on content_states (parent_id) where parent_id is not null`);
    await q.query(`alter table state_entries alter column revision_id drop not null`);
    await q.query(`
      create function state_entry(p_state bigint, p_type text, p_key text)
      returns table (type text, key text, revision_id bigint, version integer, route text)
      language sql stable parallel safe as $$
        select e.type, e.key, e.revision_id, e.version, e.route
        from content_states s
        cross join lateral (
          select x.type, x.key, x.revision_id, x.version, x.route
          from unnest(array[s.id] || s.ancestors) with ordinality as c(state_id, depth)
          join state_entries x on x.state_id = c.state_id and x.type = p_type and x.key = p_key
          order by c.depth limit 1
        ) e
        where s.id = p_state and e.revision_id is not null
      $$`);
    await q.query(`
      create function state_route(p_state bigint, p_route text)
      returns table (type text, key text, revision_id bigint, version integer, route text)
      language sql stable parallel safe as $$
        select e.type, e.key, e.revision_id, e.version, e.route
        from content_states s
        cross join lateral unnest(array[s.id] || s.ancestors) with ordinality as c(state_id, depth)
        join state_entries e on e.state_id = c.state_id and e.route = p_route
        where s.id = p_state
          and not exists (select 1 from state_entries n
                          where n.state_id = any((array[s.id] || s.ancestors)[1:c.depth - 1])
                            and n.type = e.type and n.key = e.key)
        order by c.depth limit 1
      $$`);
    // Scans run as dynamic SQL with the chain as literals: planned with it known, the deltas' few rows are
    // hashed and the base read once. Planned inside a generic query, the chain is an unknown array and the
    // planner probes the deltas once per base row. p_types narrows the scan (an index prefix) when given. JIT
    // is off: the estimates of these plans pass its thresholds while they run in milliseconds.
    await q.query(`
      create function state_manifest(p_state bigint, p_types text[] default null)
      returns table (type text, key text, revision_id bigint, version integer, route text)
      language plpgsql stable parallel safe rows 10000 set jit = off as $$
      declare
        chain bigint[] := (select array[s.id] || s.ancestors from content_states s where s.id = p_state);
      begin
        if cardinality(chain) = 1 then
          return query execute
            'select e.type, e.key, e.revision_id, e.version, e.route from state_entries e
             where e.state_id = $1 and ($2::text[] is null or e.type = any($2))'
            using p_state, p_types;
        elsif cardinality(chain) > 1 then
          return query execute format(
            'with nearest as materialized (
               select distinct on (d.type, d.key) d.type, d.key, d.revision_id, d.version, d.route
               from state_entries d where d.state_id = any(%L::bigint[]) and ($1::text[] is null or d.type = any($1))
               order by d.type, d.key, array_position(%L::bigint[], d.state_id))
             select b.type, b.key, b.revision_id, b.version, b.route from state_entries b
             where b.state_id = %s and ($1::text[] is null or b.type = any($1))
               and not exists (select 1 from nearest n where n.type = b.type and n.key = b.key)
             union all
             select n.type, n.key, n.revision_id, n.version, n.route from nearest n where n.revision_id is not null',
            chain[1:cardinality(chain) - 1], chain[1:cardinality(chain) - 1], chain[cardinality(chain)])
            using p_types;
        end if;
      end $$`);
    await q.query(`
      create function state_diff(p_from bigint, p_to bigint)
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
             from (select distinct e.type, e.key from unnest(%L::bigint[]) as l(state_id)
                   cross join lateral (select x.type, x.key from state_entries x where x.state_id = l.state_id) e) t
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
      end $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Every delta becomes the full manifest it resolves to (its removal rows shadow until the last delete).
    await q.query(`insert into state_entries (state_id, type, key, revision_id, version, route)
      select s.id, m.type, m.key, m.revision_id, m.version, m.route
      from content_states s cross join lateral state_manifest(s.id) m
      where cardinality(s.ancestors) > 0 on conflict do nothing`);
    await q.query(`delete from state_entries where revision_id is null`);
    await q.query(`alter table state_entries alter column revision_id set not null`);
    await q.query(`drop function state_diff(bigint, bigint)`);
    await q.query(`drop function state_manifest(bigint, text[])`);
    await q.query(`drop function state_route(bigint, text)`);
    await q.query(`drop function state_entry(bigint, text, text)`);
    await q.query(`alter table content_states drop column chain_rows, drop column ancestors, drop column parent_id`);
  }
}
