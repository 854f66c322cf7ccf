const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Whether Intl knows the IANA time zone (or alias such as "UTC"). */
export function isTimeZone(name: string): boolean {
  try {
    clockFormat(name);
    return true;
  } catch {
    return false;
  }
}

/** What a clock in `timeZone` shows at an instant: the local day (days since 1970-01-01) and minutes into it. */
export function wallClock(at: number, timeZone: string): { day: number; minutes: number } {
  const local = localMs(at, timeZone);
  const day = Math.floor(local / DAY_MS);
  return { day, minutes: Math.floor((local - day * DAY_MS) / 60_000) };
}

/** 0 for Sunday, like Date.getUTCDay (1970-01-01 was a Thursday). */
export const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;

/**
 * The first instant at which the zone's clock shows `minutes` into local `day`, or later. A time that occurs
 * twice (clocks go back) is its first occurrence; a time that never occurs (clocks go forward) is the jump.
 */
export function firstInstantAtOrAfter(day: number, minutes: number, timeZone: string): number {
  const wall = day * DAY_MS + minutes * 60_000;
  // Any instant showing `wall` is `wall - offset` for an offset the zone uses within a day of it.
  const offsets = new Set([-DAY_MS, 0, DAY_MS].map((shift) => offsetAt(wall - shift, timeZone)));
  const candidates = [...offsets].map((offset) => wall - offset);
  const exact = candidates.filter((at) => localMs(at, timeZone) === wall);
  if (exact.length) return Math.min(...exact);
  // In a gap: the clock jumps past `wall` somewhere between the candidates; find that second.
  let low = Math.min(...candidates);
  let high = Math.max(...candidates);
  while (high - low > 1000) {
    const middle = low + Math.floor((high - low) / 2000) * 1000;
    if (localMs(middle, timeZone) >= wall) high = middle;
    else low = middle;
  }
  return high;
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(at: number, timeZone: string): number {
  const whole = Math.floor(at / 1000) * 1000;
  return localMs(whole, timeZone) - whole;
}

/** The zone's wall-clock reading at an instant (to the second), written as if it were UTC. */
function localMs(at: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of clockFormat(timeZone).formatToParts(at))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const year = parts.year;
  const utc = Date.UTC(2000, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  // Date.UTC maps years 0-99 to 1900-1999: set the year apart.
  return new Date(utc).setUTCFullYear(year);
}

function clockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}
