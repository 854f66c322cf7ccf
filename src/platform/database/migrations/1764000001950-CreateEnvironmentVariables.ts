import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEnvironmentVariables1764000001950 implements MigrationInterface {
  name = 'CreateEnvironmentVariables1764000001950';

  async up(q: QueryRunner): Promise<void> {
    // Values that differ per environment (analytics IDs, keys): never promoted, never part of a content state.
    await q.query(`
      create table environment_variables (
        site_id uuid not null references sites(id) on delete cascade,
        env text not null check (env in ('staging', 'production')),
        name text not null check (name ~ '^[A-Z][A-Z0-9_]{0,63}$'),
        value text not null,
        secret boolean not null default false,
        updated_at timestamptz not null default now(),
        primary key (site_id, env, name)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table environment_variables`);
  }
}
