import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWebhooks1764000001600 implements MigrationInterface {
  name = 'CreateWebhooks1764000001600';

  async up(q: QueryRunner): Promise<void> {
    // The secret is kept as given: every delivery signs with it, so it cannot be stored hashed.
    await q.query(`
      create table webhooks (
        id uuid primary key default gen_random_uuid(),
        site_id uuid not null references sites(id) on delete cascade,
        url text not null,
        events text[] not null,
        secret text not null,
        created_by text not null,
        created_at timestamptz not null default now()
      )`);
    await q.query(`create index webhooks_site on webhooks (site_id, created_at)`);
    // One delivery per (webhook, audit entry): the dispatcher may see an entry twice, the receiver gets it once.
    await q.query(`
      create table webhook_deliveries (
        id uuid primary key default gen_random_uuid(),
        webhook_id uuid not null references webhooks(id) on delete cascade,
        audit_id bigint not null,
        event text not null,
        payload jsonb not null,
        status text not null default 'pending' check (status in ('pending', 'succeeded', 'failed')),
        attempts integer not null default 0,
        next_attempt_at timestamptz not null default now(),
        created_at timestamptz not null default now(),
        finished_at timestamptz,
        unique (webhook_id, audit_id)
      )`);
    await q.query(
      `create index webhook_deliveries_pending on webhook_deliveries (next_attempt_at) where status = 'pending'`,
    );
    await q.query(`
      create table webhook_delivery_attempts (
        delivery_id uuid not null references webhook_deliveries(id) on delete cascade,
        number integer not null,
        started_at timestamptz not null,
        duration_ms integer not null,
        status_code integer,
        error text,
        response_excerpt text,
        primary key (delivery_id, number)
      )`);
    // How far the dispatcher has read the audit log (one row; its lock makes one dispatcher work at a time).
    await q.query(`
      create table webhook_dispatch_cursor (
        id boolean primary key default true check (id),
        audit_id bigint not null
      )`);
    // Start at the end of the log: entries written before webhooks existed have no receiver anyway.
    await q.query(`insert into webhook_dispatch_cursor (audit_id) select coalesce(max(id), 0) from audit_log`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table webhook_dispatch_cursor`);
    await q.query(`drop table webhook_delivery_attempts`);
    await q.query(`drop table webhook_deliveries`);
    await q.query(`drop table webhooks`);
  }
}
