import { AppError } from '../errors/app-error';
import { bigintCursor, decodeCursor, keysetPage, textCursor, timeCursor } from './keyset-cursor';

const b64 = (text: string) => Buffer.from(text).toString('base64url');

describe('keyset cursors', () => {
  it('reads back what it wrote', () => {
    const at = new Date('2025-03-01T12:00:00.123Z');
    expect(decodeCursor(timeCursor, timeCursor.encode(at))).toEqual(at);
    expect(decodeCursor(bigintCursor, bigintCursor.encode('9223372036854775807'))).toBe('9223372036854775807');
    const keys = textCursor((key) => /^[a-z]+$/.test(key));
    expect(decodeCursor(keys, keys.encode('about'))).toBe('about');
    expect(decodeCursor(keys, undefined)).toBeUndefined();
    expect(decodeCursor(keys, '')).toBeUndefined();
  });

  it.each([
    ['a time before the year 1', timeCursor, b64('-271821-04-20T00:00:00.000Z')],
    ['a time after 9999', timeCursor, b64('+275760-09-13T00:00:00.000Z')],
    ['garbage as a time', timeCursor, '!!!'],
    ['an id beyond bigint', bigintCursor, '9223372036854775808'],
    ['a negative id', bigintCursor, '-1'],
    ['digits and more', bigintCursor, '12abc'],
    ['a key the list never has', textCursor(() => false), b64('x')],
  ] as const)('refuses %s with a 400 naming query.cursor', (_, codec, cursor) => {
    let thrown: unknown;
    try {
      decodeCursor(codec as never, cursor);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({ code: 'validation_failed', details: [{ path: 'query.cursor' }] });
  });

  it('pages limit + 1 rows into items and the last item’s cursor', () => {
    const rows = [{ id: '3' }, { id: '2' }, { id: '1' }];
    expect(keysetPage(rows, 2, bigintCursor, (r) => r.id)).toEqual({ items: rows.slice(0, 2), nextCursor: '2' });
    expect(keysetPage(rows, 3, bigintCursor, (r) => r.id)).toEqual({ items: rows, nextCursor: null });
  });
});
