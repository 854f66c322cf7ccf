import { parseBoundedDate, queryDate } from './bounded-date';

describe('bounded dates', () => {
  it('takes ISO dates of four-digit years', () => {
    expect(parseBoundedDate('2025-01-31')?.toISOString()).toBe('2025-01-31T00:00:00.000Z');
    expect(parseBoundedDate('0001-01-01T00:00:00Z')).toBeDefined();
    expect(parseBoundedDate('9999-12-31T23:59:59.999Z')).toBeDefined();
  });

  it('refuses dates JavaScript accepts but PostgreSQL does not, and non-dates', () => {
    for (const text of ['-271821-04-20T00:00:00Z', '+275760-09-13T00:00:00Z', '-000001-01-01T00:00:00Z', 'soon'])
      expect({ text, at: parseBoundedDate(text) }).toEqual({ text, at: undefined });
  });

  it('answers a bad query date with a 400 naming the parameter', () => {
    expect(queryDate(undefined, 'since')).toBeUndefined();
    expect(() => queryDate('-271821-04-20T00:00:00Z', 'until')).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        details: [expect.objectContaining({ path: 'query.until' })],
      }),
    );
  });
});
