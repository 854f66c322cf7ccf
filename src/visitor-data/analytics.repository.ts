import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EnvName } from '../sites/site.types';

export interface AnalyticsEventRow {
  siteId: string;
  env: EnvName;
  event: string;
  path: string;
  /** JSON text, checked to be storable before the row joins a batch. */
  propsJson: string | null;
  sessionId: string | null;
  at: Date;
}

// Big enough to list every page of a large site's busy part, small enough to stay one response.
const TOP = 1000;

@Injectable()
export class AnalyticsRepository {
  /** One statement for the whole batch: arrays unnested server-side (7 parameters, whatever the size). */
  async insertMany(tx: EntityManager, events: AnalyticsEventRow[]): Promise<void> {
    await tx.query(
      `insert into analytics_events (site_id, env, event, path, props, session_id, created_at)
       select * from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::timestamptz[])`,
      [
        events.map((e) => e.siteId),
        events.map((e) => e.env),
        events.map((e) => e.event),
        events.map((e) => e.path),
        events.map((e) => e.propsJson),
        events.map((e) => e.sessionId),
        events.map((e) => e.at),
      ],
    );
  }

  async summary(
    tx: EntityManager,
    siteId: string,
    env: EnvName,
    range: { since?: Date; until?: Date },
  ): Promise<{ total: number; byPath: Record<string, number>; byEvent: Record<string, number> }> {
    const where = `site_id = $1 and env = $2 and created_at >= coalesce($3::timestamptz, '-infinity')
      and created_at < coalesce($4::timestamptz, 'infinity')`;
    const params = [siteId, env, range.since ?? null, range.until ?? null];
    const [[{ total }], paths, events] = await Promise.all([
      tx.query(`select count(*)::int as total from analytics_events where ${where}`, params),
      tx.query(
        `select path as name, count(*)::int as count from analytics_events where ${where}
         group by path order by count(*) desc, path limit ${TOP}`,
        params,
      ),
      tx.query(
        `select event as name, count(*)::int as count from analytics_events where ${where}
         group by event order by count(*) desc, event limit ${TOP}`,
        params,
      ),
    ]);
    return { total, byPath: countsOf(paths), byEvent: countsOf(events) };
  }
}

function countsOf(rows: { name: string; count: number }[]): Record<string, number> {
  // A null-prototype object: a path such as "__proto__" is a plain key like any other.
  const counts: Record<string, number> = Object.create(null);
  for (const row of rows) counts[row.name] = row.count;
  return counts;
}
