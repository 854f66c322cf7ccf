import type { DataSource } from 'typeorm';

/**
 * The way this product replaces, measured for comparison only: production keeps its own content table,
 * and a promotion copies staging's promotable content into it, row by row in one statement, while the
 * site is in maintenance. Its maintenance window grows with the site; ours does not.
 */
export class NaivePromotion {
  constructor(private readonly dataSource: DataSource) {}

  async prepare(): Promise<void> {
    await this.dataSource.query(`
      create table if not exists naive_production_content (
        site_id uuid not null, type text not null, key text not null, body jsonb not null, version integer not null,
        route text, primary key (site_id, type, key))`);
    await this.dataSource.query(`create index if not exists naive_route on naive_production_content (site_id, route)`);
  }

  /** Takes the same maintenance lease, copies the tables inside it, releases it; answers the window in ms. */
  async promote(siteId: string): Promise<number> {
    const started = performance.now();
    await this.dataSource.query(
      `update environments set maintenance_holder = 'naive', maintenance_reason = 'naive copy', maintenance_until = now() + interval '10 minutes'
       where site_id = $1 and name = 'production'`,
      [siteId],
    );
    await this.dataSource.transaction(async (tx) => {
      await tx.query(`delete from naive_production_content where site_id = $1`, [siteId]);
      await tx.query(
        `insert into naive_production_content (site_id, type, key, body, version, route)
         select s.site_id, s.type, s.key, r.body, s.version, s.route
         from staging_entries s join revisions r on r.id = s.published_revision_id
         where s.site_id = $1 and s.published_revision_id is not null`,
        [siteId],
      );
      await tx.query(`update environments set version = version + 1 where site_id = $1 and name = 'production'`, [
        siteId,
      ]);
    });
    await this.dataSource.query(
      `update environments set maintenance_holder = null, maintenance_reason = null, maintenance_until = null
       where site_id = $1 and name = 'production' and maintenance_holder = 'naive'`,
      [siteId],
    );
    return performance.now() - started;
  }
}
