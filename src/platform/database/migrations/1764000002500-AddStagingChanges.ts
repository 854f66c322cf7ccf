import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What staging changed since its base state (environments.base_state_id), so a preview or a promotion compares
 * only those entities and what production changed since that base, not the whole site.
 *
 * The invariant: an entity outside `staging_changes` is in staging's promotable manifest exactly as in the base
 * state (same revision and route), or absent from both. Triggers on staging_entries keep it for every write
 * (no write path can forget); moving the base (environments.repository) adds what separates the old base from
 * the new one and then forgets the entities staging has as the new base does.
 *
 * `content_states.type_counts` is each state's entity count per type, so a preview's `unchanged` stays exact
 * without counting the head's manifest.
 */
export class AddStagingChanges1764000002500 implements MigrationInterface {
  name = 'AddStagingChanges1764000002500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table staging_changes (
        site_id uuid not null references sites(id) on delete cascade,
        type text not null,
        key text not null,
        primary key (site_id, type, key)
      )`);
    // A deleted site's rows go with it (the cascade): its own deletes are not noted.
    await q.query(`
      create function note_staging_changes() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' then
          insert into staging_changes (site_id, type, key)
          select n.site_id, n.type, n.key from new_rows n join old_rows o using (site_id, type, key)
          where n.published_revision_id is distinct from o.published_revision_id or n.route is distinct from o.route
          on conflict do nothing;
        elsif tg_op = 'INSERT' then
          insert into staging_changes (site_id, type, key) select n.site_id, n.type, n.key from new_rows n
          on conflict do nothing;
        else
          insert into staging_changes (site_id, type, key) select o.site_id, o.type, o.key from old_rows o
          where exists (select 1 from sites s where s.id = o.site_id)
          on conflict do nothing;
        end if;
        return null;
      end $$`);
    await q.query(`create trigger staging_changes_on_insert after insert on staging_entries
      referencing new table as new_rows for each statement execute function note_staging_changes()`);
    await q.query(`create trigger staging_changes_on_update after update on staging_entries
      referencing old table as old_rows new table as new_rows for each statement execute function note_staging_changes()`);
    await q.query(`create trigger staging_changes_on_delete after delete on staging_entries
      referencing old table as old_rows for each statement execute function note_staging_changes()`);
    // Today's differences from each site's base.
    await q.query(`
      insert into staging_changes (site_id, type, key)
      select e.site_id, d.type, d.key
      from environments e
      cross join lateral (
        select coalesce(s.type, b.type) as type, coalesce(s.key, b.key) as key
        from (select * from staging_manifest m where m.site_id = e.site_id) s
        full join state_manifest(e.base_state_id) b on b.type = s.type and b.key = s.key
        where s.revision_id is distinct from b.revision_id or s.route is distinct from b.route
      ) d
      where e.name = 'staging' and e.base_state_id is not null
      on conflict do nothing`);
    await q.query(`alter table content_states add column type_counts jsonb`);
    await q.query(`
      update content_states c set type_counts = coalesce(
        (select jsonb_object_agg(m.type, m.n) from (select type, count(*) as n from state_manifest(c.id) group by type) m),
        '{}'::jsonb)`);

    // The entities staging and state p_head may differ on, with both sides: what staging changed since its base
    // and what separates the base from p_head (state_diff, cheap on one chain). Without a base, every entity.
    await q.query(`
      create function staging_compared(p_site uuid, p_head bigint)
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
            left join staging_manifest s on s.site_id = p_site and s.type = k.type and s.key = k.key
            left join lateral state_entry(p_head, k.type, k.key) p on true
            where s.revision_id is not null or p.revision_id is not null;
        end if;
      end $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function staging_compared(uuid, bigint)`);
    await q.query(`alter table content_states drop column type_counts`);
    await q.query(`drop trigger staging_changes_on_delete on staging_entries`);
    await q.query(`drop trigger staging_changes_on_update on staging_entries`);
    await q.query(`drop trigger staging_changes_on_insert on staging_entries`);
    await q.query(`drop function note_staging_changes()`);
    await q.query(`drop table staging_changes`);
  }
}
