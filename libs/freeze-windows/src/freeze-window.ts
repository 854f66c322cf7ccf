/** The days a weekly window may name, in the order of Date.getUTCDay (0 is Sunday). */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One stretch of time, as two instants (ISO 8601 with an offset or Z): from `start`, up to but not at `end`. */
export interface OneOffWindow {
  start: string;
  end: string;
  reason: string;
}

/**
 * Every week on `weekday`, from the wall-clock time `from` to `to` ("HH:MM") in `timeZone` (IANA). A `to`
 * earlier than `from` ends on the next day (across midnight); `to` may be "24:00", the end of the day.
 */
export interface WeeklyWindow {
  weekday: Weekday;
  from: string;
  to: string;
  timeZone: string;
  reason: string;
}

export type FreezeWindow = OneOffWindow | WeeklyWindow;

export const isWeekly = (window: FreezeWindow): window is WeeklyWindow => 'weekday' in window;

/** Minutes since midnight of "HH:MM" (0 to 1440). */
export function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours * 60 + minutes;
}
