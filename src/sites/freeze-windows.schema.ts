import { type FreezeWindow, freezeWindowProblems, isWeekly, WEEKDAYS } from '../../libs/freeze-windows';
import { parseBoundedDate } from '../platform/validation/bounded-date';

export const MAX_FREEZE_WINDOWS = 50;
const NO_CONTROL = '^[^\\u0000-\\u001f\\u007f]*$';
const reason = {
  type: 'string',
  minLength: 1,
  maxLength: 200,
  pattern: NO_CONTROL,
  description: 'shown to whoever is refused',
};
const instant = { type: 'string', format: 'date-time', maxLength: 40, description: 'ISO 8601 with an offset or Z' };

export const oneOffFreezeWindowSchema = {
  type: 'object',
  required: ['start', 'end', 'reason'],
  additionalProperties: false,
  description: 'from start up to (not at) end',
  properties: { start: instant, end: instant, reason },
};

export const weeklyFreezeWindowSchema = {
  type: 'object',
  required: ['weekday', 'from', 'to', 'timeZone', 'reason'],
  additionalProperties: false,
  description:
    'every week on weekday, from the wall-clock time "from" to "to" in timeZone; a "to" before "from" ends ' +
    'the next day (across midnight), "24:00" is the end of the day',
  properties: {
    weekday: { type: 'string', enum: [...WEEKDAYS] },
    from: { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM' },
    to: { type: 'string', pattern: '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$', description: 'HH:MM or 24:00' },
    timeZone: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_+/-]+$', description: 'IANA' },
    reason,
  },
};

export const freezeWindowsSchema = {
  type: 'array',
  maxItems: MAX_FREEZE_WINDOWS,
  items: { oneOf: [oneOffFreezeWindowSchema, weeklyFreezeWindowSchema] },
  description: 'replaces the whole list; [] lifts every freeze',
};

/**
 * What the schema cannot say about a list of windows (dates in years 0001-9999, known time zones, no inverted
 * or overlapping windows), one `{path, message}` per problem; and the list as stored, instants normalised.
 */
export function checkFreezeWindows(windows: FreezeWindow[]): {
  problems: { path: string; message: string }[];
  stored: FreezeWindow[];
} {
  const path = (index: number, field: string) => `body.freezeWindows[${index}].${field}`;
  const problems: { path: string; message: string }[] = [];
  const stored = windows.map((window, index): FreezeWindow => {
    if (isWeekly(window)) return window;
    const [start, end] = (['start', 'end'] as const).map((field) => {
      const at = parseBoundedDate(window[field]);
      if (!at) problems.push({ path: path(index, field), message: 'must be a date between the years 0001 and 9999' });
      return at;
    });
    return start && end ? { ...window, start: start.toISOString(), end: end.toISOString() } : window;
  });
  // Ordering and overlaps mean something only between real dates.
  if (problems.length) return { problems, stored };
  const rest = freezeWindowProblems(stored).map((p) => ({ path: path(p.index, p.field), message: p.message }));
  return { problems: rest, stored };
}
