import { DateTime, IANAZone } from 'luxon';
import { AppError } from '../platform/errors/app-error';
import { parseBoundedDate } from '../platform/validation/bounded-date';

// A runAt this little in the past is a click on "now" from a slow clock: it fires at once instead of a 400.
export const RUN_AT_SKEW_MS = 5000;
// As far ahead as a schedule may be made: a release plan, not a reminder for next decade.
const HORIZON_YEARS = 1;

// An ISO 8601 local date-time to the minute, second or millisecond, with an optional offset.
export const RUN_AT_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})?$';
const HAS_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

const invalid = (field: 'runAt' | 'timeZone', message: string, sentence: string) =>
  new AppError('validation_failed', sentence, [{ path: `body.${field}`, message }]);

/**
 * The instant a schedule names: `runAt` with an offset as written; a local date-time without one in `timeZone`
 * (IANA; a local time skipped by a DST change moves forward by the gap). Refused, naming the field: an unknown
 * zone, a local time without a zone, a time in the past (beyond a few seconds of skew) or more than a year ahead.
 */
export function parseRunAt(runAt: string, timeZone: string | undefined, now = new Date()): Date {
  if (timeZone !== undefined && !IANAZone.isValidZone(timeZone))
    throw invalid('timeZone', 'must be an IANA time zone, e.g. Europe/Paris', `"${timeZone}" is not a time zone.`);
  let at: Date | undefined;
  if (HAS_OFFSET.test(runAt)) at = parseBoundedDate(runAt);
  else if (timeZone === undefined)
    throw invalid('runAt', 'needs an offset (Z or ±hh:mm) or a timeZone', 'runAt has no offset and no timeZone.');
  else {
    const local = DateTime.fromISO(runAt, { zone: timeZone });
    at = local.isValid ? parseBoundedDate(local.toUTC().toISO()!) : undefined;
  }
  if (!at) throw invalid('runAt', 'must be an ISO 8601 date-time', 'runAt is not a date-time.');
  if (at.getTime() < now.getTime() - RUN_AT_SKEW_MS)
    throw invalid('runAt', 'must be in the future', 'runAt is in the past.');
  const horizon = DateTime.fromJSDate(now).plus({ years: HORIZON_YEARS }).toJSDate();
  if (at > horizon) throw invalid('runAt', 'must be at most a year ahead', 'runAt is more than a year ahead.');
  return at;
}
