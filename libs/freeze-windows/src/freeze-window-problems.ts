import { type FreezeWindow, isWeekly, type OneOffWindow } from './freeze-window';
import { isTimeZone } from './zoned-clock';

/** What is wrong with one field of one window of a list. */
export interface FreezeWindowProblem {
  index: number;
  field: 'start' | 'end' | 'to' | 'timeZone';
  message: string;
}

/**
 * The problems of a list of windows whose shape is already valid (fields present, clocks "HH:MM", instants
 * parseable): unknown time zones, empty or inverted windows, one-off windows that overlap. Weekly windows may
 * overlap anything: a week repeats, and a one-off freeze inside a weekly one is a normal thing to want.
 */
export function freezeWindowProblems(windows: readonly FreezeWindow[]): FreezeWindowProblem[] {
  const problems: FreezeWindowProblem[] = [];
  const oneOffs: { index: number; start: number; end: number }[] = [];
  windows.forEach((window, index) => {
    if (isWeekly(window)) {
      if (!isTimeZone(window.timeZone))
        problems.push({ index, field: 'timeZone', message: 'is not a known IANA time zone, e.g. Europe/Berlin' });
      if (window.from === window.to)
        problems.push({ index, field: 'to', message: 'must differ from "from" (an empty window)' });
      return;
    }
    const { start, end } = instantsOf(window);
    if (end <= start) problems.push({ index, field: 'end', message: 'must be after start' });
    else oneOffs.push({ index, start, end });
  });
  oneOffs.sort((a, b) => a.start - b.start || a.index - b.index);
  // Sorted by start, a window overlaps an earlier one exactly when it starts before the furthest end so far.
  let reach = oneOffs[0];
  for (const later of oneOffs.slice(1)) {
    // Touching windows (one ends as the next starts) do not overlap: windows are half-open.
    if (later.start < reach.end) {
      const [first, second] = reach.index < later.index ? [reach, later] : [later, reach];
      problems.push({ index: second.index, field: 'start', message: `overlaps window ${first.index}` });
    }
    if (later.end > reach.end) reach = later;
  }
  return problems.sort((a, b) => a.index - b.index);
}

const instantsOf = (window: OneOffWindow) => ({ start: Date.parse(window.start), end: Date.parse(window.end) });
