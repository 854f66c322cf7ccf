import { type FreezeWindow, isWeekly, minutesOf, type WeeklyWindow, WEEKDAYS } from './freeze-window';
import { firstInstantAtOrAfter, wallClock, weekdayOf } from './zoned-clock';

/** The window an instant falls in, and when the freeze ends. */
export interface ActiveFreeze {
  /** Its position in the list. */
  index: number;
  window: FreezeWindow;
  /** When this window (its current occurrence, for a weekly one) ends. */
  endsAt: Date;
  /** When promotions are allowed again: later than endsAt when other windows follow on without a gap. */
  frozenUntil: Date;
}

/**
 * The window `at` falls in, or null. Windows are half-open: a window is in force from its start up to, not at,
 * its end. Of several windows in force at once, the one that ends last is named.
 */
export function activeFreeze(windows: readonly FreezeWindow[], at: Date): ActiveFreeze | null {
  const first = latestEnding(windows, at.getTime());
  if (!first) return null;
  let until = first.end;
  // Windows that begin as (or before) another ends keep the freeze going: follow them, a bounded number of times.
  for (let hops = 0; hops <= windows.length; hops++) {
    const next = latestEnding(windows, until);
    if (!next || next.end <= until) break;
    until = next.end;
  }
  return {
    index: first.index,
    window: windows[first.index],
    endsAt: new Date(first.end),
    frozenUntil: new Date(until),
  };
}

function latestEnding(windows: readonly FreezeWindow[], at: number): { index: number; end: number } | null {
  let best: { index: number; end: number } | null = null;
  windows.forEach((window, index) => {
    const end = endOfOccurrenceAt(window, at);
    if (end !== null && (!best || end > best.end)) best = { index, end };
  });
  return best;
}

/** The end of the window's occurrence that `at` falls in, or null when it falls in none. */
function endOfOccurrenceAt(window: FreezeWindow, at: number): number | null {
  if (!isWeekly(window)) {
    const start = Date.parse(window.start);
    const end = Date.parse(window.end);
    return start <= at && at < end ? end : null;
  }
  const { day } = wallClock(at, window.timeZone);
  // An occurrence lasts at most a day (and a DST hour), so it began on the local day of `at` or the day before.
  for (const startDay of [day, day - 1]) {
    const occurrence = occurrenceOn(window, startDay);
    if (occurrence && occurrence.start <= at && at < occurrence.end) return occurrence.end;
  }
  return null;
}

/** The instants a weekly window spans when it begins on local `day`, or null when it does not begin that day. */
function occurrenceOn(window: WeeklyWindow, day: number): { start: number; end: number } | null {
  if (WEEKDAYS[weekdayOf(day)] !== window.weekday) return null;
  const from = minutesOf(window.from);
  const to = minutesOf(window.to);
  return {
    start: firstInstantAtOrAfter(day, from, window.timeZone),
    end: firstInstantAtOrAfter(to > from ? day : day + 1, to, window.timeZone),
  };
}
