import type { EntityManager } from 'typeorm';

/**
 * Rows of any statement. TypeORM's postgres driver answers UPDATE/DELETE … RETURNING with [rows, count]
 * and everything else with rows; callers should not have to remember which.
 */
export async function queryRows<T = any>(tx: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const result = await tx.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0];
  return result;
}
