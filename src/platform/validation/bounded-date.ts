import { AppError } from '../errors/app-error';

// JavaScript dates reach ±275,760 years, PostgreSQL's timestamptz 4713 BC to 294276 AD: a date outside both
// would fail in the database. Four-digit years are all a caller needs, so the window is 0001 to 9999.
const EARLIEST = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

/** The date a text names, or undefined when it names none or one outside years 0001-9999. */
export function parseBoundedDate(text: string): Date | undefined {
  const at = new Date(text);
  const time = at.getTime();
  return Number.isNaN(time) || time < EARLIEST || time > LATEST ? undefined : at;
}

/** A date query parameter (?since, ?until): undefined when absent, 400 when it is no date in range. */
export function queryDate(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const at = parseBoundedDate(value);
  if (!at)
    throw new AppError('validation_failed', `The ${name} date is not valid.`, [
      { path: `query.${name}`, message: 'must be an ISO 8601 date or date-time between the years 0001 and 9999' },
    ]);
  return at;
}
