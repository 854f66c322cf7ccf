import { AppError } from '../errors/app-error';

// Newest-first lists of things a person creates one at a time (promotions, snapshots, backups) page on
// created_at; two of one site in the same millisecond do not happen, so the time alone is the cursor.
export const encodeTimeCursor = (createdAt: Date | string): string =>
  Buffer.from(new Date(createdAt).toISOString()).toString('base64url');

export function decodeTimeCursor(cursor: string | undefined): Date | undefined {
  if (!cursor) return undefined;
  const at = new Date(Buffer.from(cursor, 'base64url').toString());
  if (Number.isNaN(at.getTime()))
    throw new AppError('validation_failed', 'The cursor is not valid.', [
      { path: 'query.cursor', message: 'is not a cursor this API gave' },
    ]);
  return at;
}

/** One page of a newest-first list fetched with limit + 1 rows: the items and the cursor of the next page. */
export function timePage<T extends { createdAt: Date | string }>(
  rows: T[],
  limit: number,
): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items, nextCursor: more ? encodeTimeCursor(items[items.length - 1].createdAt) : null };
}
