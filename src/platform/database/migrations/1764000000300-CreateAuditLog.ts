import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAuditLog1764000000300 implements MigrationInterface {
  name = 'CreateAuditLog1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table audit_log (
        id bigint generated always as identity primary key,
        site_id uuid references sites(id) on delete cascade,
        actor text not null,
        actor_role text not null,
        action text not null,
        subject text,
        details jsonb not null default '{}',
        request_id text,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index audit_log_site on audit_log (site_id, id desc)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table audit_log`);
  }
}
