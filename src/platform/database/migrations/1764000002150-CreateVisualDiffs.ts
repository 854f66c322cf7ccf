import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateVisualDiffs1764000002150 implements MigrationInterface {
  name = 'CreateVisualDiffs1764000002150';

  async up(q: QueryRunner): Promise<void> {
    // One screenshot comparison of a page at a width, cached by what was compared: production's head state and
    // the candidate (the preview's fingerprint). No foreign key to the state: the GC may drop it, the row stays
    // readable. Its PNGs are artifacts in S3, named after the row's id.
    await q.query(`
      create table visual_diffs (
        id uuid primary key default gen_random_uuid(),
        site_id uuid not null references sites(id) on delete cascade,
        production_state_id bigint not null,
        candidate text not null,
        path text not null,
        width int not null check (width between 240 and 3840),
        before_path text not null,
        entity_type text not null,
        entity_key text not null,
        status text not null default 'pending' check (status in ('pending', 'ready', 'failed')),
        changed_percent double precision,
        reason text,
        created_at timestamptz not null default now(),
        finished_at timestamptz,
        unique (site_id, production_state_id, candidate, path, width)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table visual_diffs`);
  }
}
