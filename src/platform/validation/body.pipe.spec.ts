import { AppError } from '../errors/app-error';
import { SchemaPipe } from './body.pipe';

const closed = (properties: Record<string, object>) => ({
  type: 'object',
  required: Object.keys(properties),
  additionalProperties: false,
  properties,
});
const pipe = new SchemaPipe({
  type: 'object',
  properties: {
    items: {
      type: 'array',
      items: {
        oneOf: [
          closed({ start: { type: 'string', format: 'date-time' } }),
          closed({ day: { type: 'string' }, at: { type: 'string' } }),
        ],
      },
    },
  },
});
const detailsOf = (value: unknown) => {
  try {
    pipe.transform(value);
    return [];
  } catch (error) {
    return (error as AppError).details;
  }
};

describe('SchemaPipe', () => {
  it('reports only the closest branch of a oneOf that nothing matches, at each item', () => {
    const items = Array.from({ length: 11 }, () => ({ day: 'mon', at: '09:00' }));
    items[1] = { start: 'not a date' } as never;
    items[10] = { day: 'mon' } as never;
    expect(detailsOf({ items })).toEqual([
      { path: 'body.items[1].start', message: 'must match format "date-time"' },
      { path: 'body.items[10].at', message: 'is required' },
    ]);
  });

  it('accepts a value that matches one branch', () => {
    expect(detailsOf({ items: [{ start: '2025-01-01T00:00:00Z' }, { day: 'mon', at: '09:00' }] })).toEqual([]);
  });
});
