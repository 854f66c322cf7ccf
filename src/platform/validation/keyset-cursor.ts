import { AppError } from '../errors/app-error';
import { parseBoundedDate } from './bounded-date';

/** How one list writes the key of a page's last item into its cursor, and reads it back. */
export interface CursorCodec<K> {
  encode(key: K): string;
  /** The key, or undefined when the text is not a cursor this codec wrote (or names a key out of range). */
  decode(cursor: string): K | undefined;
}

/** The key a ?cursor names; 400 for anything this API did not give, so the database never sees it. */
export function decodeCursor<K>(codec: CursorCodec<K>, cursor: string | undefined): K | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const key = codec.decode(cursor);
  if (key === undefined)
    throw new AppError('validation_failed', 'The cursor is not valid.', [
      { path: 'query.cursor', message: 'is not a cursor this API gave' },
    ]);
  return key;
}

/** One page from the limit + 1 rows fetched: the items, and the cursor of the next page if there is one. */
export function keysetPage<T, K>(
  rows: T[],
  limit: number,
  codec: CursorCodec<K>,
  keyOf: (row: T) => K,
): { items: T[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items, nextCursor: more ? codec.encode(keyOf(items[items.length - 1])) : null };
}

const toBase64 = (text: string) => Buffer.from(text).toString('base64url');
const fromBase64 = (cursor: string) => Buffer.from(cursor, 'base64url').toString();

/** A text key (such as a content key), base64url-encoded, that `isValid` accepts back. */
export const textCursor = (isValid: (key: string) => boolean): CursorCodec<string> => ({
  encode: toBase64,
  decode: (cursor) => {
    const key = fromBase64(cursor);
    return isValid(key) ? key : undefined;
  },
});

// Newest-first lists of things a person creates one at a time (promotions, snapshots, backups) page on
// created_at; two of one site in the same millisecond do not happen, so the time alone is the cursor.
export const timeCursor: CursorCodec<Date> = {
  encode: (at) => toBase64(new Date(at).toISOString()),
  decode: (cursor) => parseBoundedDate(fromBase64(cursor)),
};

const MAX_BIGINT = 2n ** 63n - 1n;

/** A bigint id (audit entries, submissions), as its decimal digits: never more than PostgreSQL's bigint holds. */
export const bigintCursor: CursorCodec<string> = {
  encode: (id) => id,
  decode: (cursor) => (/^\d{1,19}$/.test(cursor) && BigInt(cursor) <= MAX_BIGINT ? cursor : undefined),
};
