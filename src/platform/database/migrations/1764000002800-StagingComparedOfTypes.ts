import type { MigrationInterface, QueryRunner } from 'typeorm';
import { stagingCompared } from './1764000002700-ComparisonsProbeByIndex';

const STAGING_SIDE = `left join lateral (select * from staging_manifest m
                       where m.site_id = p_site and m.type = k.type and m.key = k.key offset 0) s on true`;

/**
 * staging_compared takes the types a caller wants (null: every type), so the keys are filtered before each is
 * probed: the selection's design-drift check read all of staging's 1,000 changed keys on both sides to keep
 * the theme and stylesheet (22–45 ms, twice per selective promotion).
 */
export class StagingComparedOfTypes1764000002800 implements MigrationInterface {
  name = 'StagingComparedOfTypes1764000002800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`drop function staging_compared(uuid, bigint)`);
    await q.query(`
      create function staging_compared(p_site uuid, p_head bigint, p_types text[] default null)
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
            from (select * from staging_manifest m where m.site_id = p_site and (p_types is null or m.type = any(p_types))) s
            full join state_manifest(p_head, p_types) p on p.type = s.type and p.key = s.key;
        else
          return query
            with keys as (
              select c.type, c.key from staging_changes c where c.site_id = p_site and (p_types is null or c.type = any(p_types))
              union select d.type, d.key from state_diff(base, p_head) d where p_types is null or d.type = any(p_types)
            )
            select k.type, k.key, s.revision_id, s.version, s.route, p.revision_id, p.version, p.route
            from keys k
            ${STAGING_SIDE}
            left join lateral state_entry(p_head, k.type, k.key) p on true
            where s.revision_id is not null or p.revision_id is not null;
        end if;
      end $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function staging_compared(uuid, bigint, text[])`);
    await q.query(stagingCompared(STAGING_SIDE));
  }
}
