import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EnvName } from '../sites/site.types';

export interface SessionMark {
  id: string;
  siteId: string;
  env: EnvName;
  at: Date;
}

@Injectable()
export class SessionsRepository {
  async createMany(tx: EntityManager, sessions: SessionMark[], ttlSeconds: number): Promise<void> {
    await tx.query(
      `insert into visitor_sessions (id, site_id, env, created_at, last_seen_at, expires_at)
       select id, site_id, env, at, at, at + make_interval(secs => $5)
       from unnest($1::text[], $2::uuid[], $3::text[], $4::timestamptz[]) as s(id, site_id, env, at)
       on conflict (id) do nothing`,
      [...columns(sessions), ttlSeconds],
    );
  }

  /** Pushes the expiry of live sessions; an expired session stays expired (its cookie is dead too). */
  async touchMany(tx: EntityManager, sessions: SessionMark[], ttlSeconds: number): Promise<void> {
    await tx.query(
      `update visitor_sessions s set last_seen_at = greatest(s.last_seen_at, t.at),
         expires_at = greatest(s.expires_at, t.at + make_interval(secs => $5))
       from unnest($1::text[], $2::uuid[], $3::text[], $4::timestamptz[]) as t(id, site_id, env, at)
       where s.id = t.id and s.site_id = t.site_id and s.env = t.env and s.expires_at > t.at`,
      [...columns(sessions), ttlSeconds],
    );
  }

  async active(
    tx: EntityManager,
    siteId: string,
    env: EnvName,
    limit: number,
  ): Promise<{ count: number; sessions: { id: string; lastSeenAt: Date }[] }> {
    const [[{ count }], sessions] = await Promise.all([
      tx.query(
        `select count(*)::int as count from visitor_sessions where site_id = $1 and env = $2 and expires_at > now()`,
        [siteId, env],
      ),
      tx.query(
        `select id, last_seen_at as "lastSeenAt" from visitor_sessions
         where site_id = $1 and env = $2 and expires_at > now() order by last_seen_at desc limit $3`,
        [siteId, env, limit],
      ),
    ]);
    return { count, sessions };
  }
}

function columns(sessions: SessionMark[]) {
  return [
    sessions.map((s) => s.id),
    sessions.map((s) => s.siteId),
    sessions.map((s) => s.env),
    sessions.map((s) => s.at),
  ];
}
