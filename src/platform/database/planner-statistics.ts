import type { EntityManager } from 'typeorm';

// Autovacuum's own threshold for an analyze: this many rows plus this share of the table.
const BASE_ROWS = 50;
const SHARE = 0.1;

/**
 * Fresh planner statistics right after a bulk write. PostgreSQL's advice after loading data is to ANALYZE:
 * autovacuum gets there up to a minute later (never, where it is off), and in between the statements that
 * follow a big import plan as if its tables were as small as they were, which turned a 10,000-entity site's
 * first promotion from 1.7 s into 36 s here. Analyzes those of `tables` that the `rowsWritten` make stale by
 * autovacuum's own rule (50 + 10% of what the table held at its last analyze), skipping one another analyze
 * holds; answers which. Inside a transaction the analyze counts its uncommitted rows and publishes at commit.
 */
export async function refreshStatisticsAfterWrite(
  db: EntityManager,
  tables: readonly string[],
  rowsWritten: number,
): Promise<string[]> {
  if (rowsWritten < BASE_ROWS) return [];
  const stale: { name: string }[] = await db.query(
    `select c.relname as name from pg_class c
     where c.relname = any($1::text[]) and c.relnamespace = 'public'::regnamespace
       and $2::float8 > $3::float8 + $4::float8 * greatest(c.reltuples, 0)`,
    [tables, rowsWritten, BASE_ROWS, SHARE],
  );
  if (!stale.length) return [];
  // Names come from the caller's constants, matched in pg_class; quoted all the same.
  await db.query(`analyze (skip_locked) ${stale.map((t) => `"${t.name.replace(/"/g, '""')}"`).join(', ')}`);
  return stale.map((t) => t.name);
}
