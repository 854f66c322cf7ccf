import { activeFreeze } from './active-freeze';
import type { FreezeWindow, WeeklyWindow } from './freeze-window';

const at = (iso: string) => new Date(iso);
const endOf = (windows: FreezeWindow[], iso: string) => activeFreeze(windows, at(iso))?.endsAt.toISOString() ?? null;
const weekly = (window: Omit<WeeklyWindow, 'reason'>): WeeklyWindow => ({ ...window, reason: 'test' });
const berlin = (weekday: WeeklyWindow['weekday'], from: string, to: string) =>
  weekly({ weekday, from, to, timeZone: 'Europe/Berlin' });
const newYork = (weekday: WeeklyWindow['weekday'], from: string, to: string) =>
  weekly({ weekday, from, to, timeZone: 'America/New_York' });

describe('activeFreeze', () => {
  it('finds nothing in an empty list', () => {
    expect(activeFreeze([], at('2025-01-01T00:00:00Z'))).toBeNull();
  });

  describe('a one-off window', () => {
    const launch = [{ start: '2025-06-01T10:00:00Z', end: '2025-06-01T12:00:00+00:00', reason: 'Launch' }];

    it('is in force from its start up to, not at, its end', () => {
      expect(endOf(launch, '2025-06-01T09:59:59.999Z')).toBeNull();
      expect(endOf(launch, '2025-06-01T10:00:00Z')).toBe('2025-06-01T12:00:00.000Z');
      expect(endOf(launch, '2025-06-01T11:59:59.999Z')).toBe('2025-06-01T12:00:00.000Z');
      expect(endOf(launch, '2025-06-01T12:00:00Z')).toBeNull();
    });

    it('reads instants with any offset', () => {
      const windows = [{ start: '2025-06-01T12:00:00+02:00', end: '2025-06-01T13:00:00+02:00', reason: 'x' }];
      expect(endOf(windows, '2025-06-01T10:30:00Z')).toBe('2025-06-01T11:00:00.000Z');
    });

    it('names the window and its position', () => {
      const freeze = activeFreeze([berlin('monday', '09:00', '10:00'), ...launch], at('2025-06-01T11:00:00Z'));
      expect(freeze).toMatchObject({ index: 1, window: launch[0] });
    });
  });

  describe('a weekly window', () => {
    const office = [berlin('monday', '09:00', '17:00')];

    it('follows the zone’s clock in winter and in summer', () => {
      // Monday 2025-01-06, CET (UTC+1)
      expect(endOf(office, '2025-01-06T07:59:59Z')).toBeNull();
      expect(endOf(office, '2025-01-06T08:00:00Z')).toBe('2025-01-06T16:00:00.000Z');
      expect(endOf(office, '2025-01-06T16:00:00Z')).toBeNull();
      // Monday 2025-07-07, CEST (UTC+2)
      expect(endOf(office, '2025-07-07T06:59:59Z')).toBeNull();
      expect(endOf(office, '2025-07-07T07:00:00Z')).toBe('2025-07-07T15:00:00.000Z');
      expect(endOf(office, '2025-07-07T15:00:00Z')).toBeNull();
    });

    it('applies on its weekday only', () => {
      expect(endOf(office, '2025-01-07T10:00:00Z')).toBeNull(); // a Tuesday
      expect(endOf(office, '2025-01-05T10:00:00Z')).toBeNull(); // a Sunday
      expect(endOf(office, '2025-01-13T10:00:00Z')).toBe('2025-01-13T16:00:00.000Z'); // the next Monday
    });

    it('crosses midnight when "to" is earlier than "from"', () => {
      const night = [berlin('friday', '22:00', '06:00')];
      expect(endOf(night, '2025-01-10T20:59:59Z')).toBeNull(); // Friday 21:59 CET
      expect(endOf(night, '2025-01-10T21:00:00Z')).toBe('2025-01-11T05:00:00.000Z');
      expect(endOf(night, '2025-01-10T23:30:00Z')).toBe('2025-01-11T05:00:00.000Z'); // Saturday 00:30
      expect(endOf(night, '2025-01-11T04:59:59Z')).toBe('2025-01-11T05:00:00.000Z');
      expect(endOf(night, '2025-01-11T05:00:00Z')).toBeNull();
      // Saturday evening is not Friday's: the window starts on its weekday only.
      expect(endOf(night, '2025-01-11T21:30:00Z')).toBeNull();
    });

    it('takes "24:00" as the end of the day', () => {
      const wednesday = [newYork('wednesday', '00:00', '24:00')];
      expect(endOf(wednesday, '2025-01-08T04:59:59Z')).toBeNull();
      expect(endOf(wednesday, '2025-01-08T05:00:00Z')).toBe('2025-01-09T05:00:00.000Z');
      expect(endOf(wednesday, '2025-01-09T04:59:59Z')).toBe('2025-01-09T05:00:00.000Z');
      expect(endOf(wednesday, '2025-01-09T05:00:00Z')).toBeNull();
    });

    it('works in a zone without daylight saving time and in UTC', () => {
      expect(
        endOf(
          [weekly({ weekday: 'monday', from: '09:00', to: '10:00', timeZone: 'Asia/Kolkata' })],
          '2025-01-06T03:45:00Z',
        ),
      ).toBe('2025-01-06T04:30:00.000Z');
      expect(
        endOf([weekly({ weekday: 'monday', from: '09:00', to: '10:00', timeZone: 'UTC' })], '2025-01-06T09:00:00Z'),
      ).toBe('2025-01-06T10:00:00.000Z');
    });
  });

  // Europe/Berlin 2025: clocks go forward on Sunday 30 March at 02:00 CET (01:00 UTC) to 03:00 CEST, and back
  // on Sunday 26 October at 03:00 CEST (01:00 UTC) to 02:00 CET, so 02:00-03:00 happens twice that night.
  describe('across DST transitions in Europe/Berlin', () => {
    it('ends a window at the jump when its end time never happens (clocks go forward)', () => {
      const windows = [berlin('sunday', '01:00', '02:30')];
      expect(endOf(windows, '2025-03-29T23:59:59Z')).toBeNull();
      expect(endOf(windows, '2025-03-30T00:00:00Z')).toBe('2025-03-30T01:00:00.000Z'); // 01:00 CET
      expect(endOf(windows, '2025-03-30T00:59:59Z')).toBe('2025-03-30T01:00:00.000Z');
      expect(endOf(windows, '2025-03-30T01:00:00Z')).toBeNull(); // 03:00 CEST
    });

    it('is empty on the night its whole span is skipped', () => {
      const skipped = [berlin('sunday', '02:00', '03:00')];
      for (const instant of ['2025-03-30T00:59:59Z', '2025-03-30T01:00:00Z', '2025-03-30T01:30:00Z'])
        expect(endOf(skipped, instant)).toBeNull();
      // A week later, in summer time, it is an hour again: 02:00-03:00 CEST is 00:00-01:00 UTC.
      expect(endOf(skipped, '2025-04-06T00:30:00Z')).toBe('2025-04-06T01:00:00.000Z');
    });

    it('crosses midnight into the night the clocks go forward: an hour shorter', () => {
      const windows = [berlin('saturday', '22:00', '04:00')];
      expect(endOf(windows, '2025-03-29T21:00:00Z')).toBe('2025-03-30T02:00:00.000Z'); // 22:00 CET → 04:00 CEST
      expect(endOf(windows, '2025-03-30T01:59:59Z')).toBe('2025-03-30T02:00:00.000Z');
      expect(endOf(windows, '2025-03-30T02:00:00Z')).toBeNull();
    });

    it('starts at the first occurrence of a time that happens twice (clocks go back)', () => {
      const windows = [berlin('sunday', '02:30', '04:00')];
      expect(endOf(windows, '2025-10-26T00:29:59Z')).toBeNull(); // 02:29 CEST
      expect(endOf(windows, '2025-10-26T00:30:00Z')).toBe('2025-10-26T03:00:00.000Z'); // 02:30 CEST → 04:00 CET
      // 02:15 CET, the second time the clock shows it: still inside, the window began at the first 02:30.
      expect(endOf(windows, '2025-10-26T01:15:00Z')).toBe('2025-10-26T03:00:00.000Z');
      expect(endOf(windows, '2025-10-26T03:00:00Z')).toBeNull();
    });

    it('ends at the first occurrence of a time that happens twice, and does not come back', () => {
      const windows = [berlin('sunday', '01:00', '02:30')];
      expect(endOf(windows, '2025-10-25T23:00:00Z')).toBe('2025-10-26T00:30:00.000Z'); // 01:00 → 02:30 CEST
      expect(endOf(windows, '2025-10-26T00:30:00Z')).toBeNull();
      expect(endOf(windows, '2025-10-26T01:15:00Z')).toBeNull(); // the clock shows 02:15 again, in CET
    });

    it('crosses midnight into the night the clocks go back: an hour longer', () => {
      const windows = [berlin('saturday', '22:00', '04:00')];
      expect(endOf(windows, '2025-10-25T20:00:00Z')).toBe('2025-10-26T03:00:00.000Z'); // 22:00 CEST → 04:00 CET
      expect(endOf(windows, '2025-10-26T02:59:59Z')).toBe('2025-10-26T03:00:00.000Z');
      expect(endOf(windows, '2025-10-26T03:00:00Z')).toBeNull();
    });
  });

  // America/New_York 2025: forward on Sunday 9 March at 02:00 EST (07:00 UTC) to 03:00 EDT; back on Sunday
  // 2 November at 02:00 EDT (06:00 UTC) to 01:00 EST, so 01:00-02:00 happens twice.
  describe('across DST transitions in America/New_York', () => {
    it('ends at the jump when the end time is skipped', () => {
      const windows = [newYork('sunday', '01:30', '02:30')];
      expect(endOf(windows, '2025-03-09T06:29:59Z')).toBeNull();
      expect(endOf(windows, '2025-03-09T06:30:00Z')).toBe('2025-03-09T07:00:00.000Z');
      expect(endOf(windows, '2025-03-09T07:00:00Z')).toBeNull();
    });

    it('starts at the jump when the start time is skipped', () => {
      const windows = [newYork('sunday', '02:30', '04:00')];
      expect(endOf(windows, '2025-03-09T06:59:59Z')).toBeNull(); // 01:59 EST
      expect(endOf(windows, '2025-03-09T07:00:00Z')).toBe('2025-03-09T08:00:00.000Z'); // 03:00 EDT → 04:00 EDT
    });

    it('crosses midnight into the spring-forward night', () => {
      const windows = [newYork('saturday', '23:00', '03:00')];
      expect(endOf(windows, '2025-03-09T04:00:00Z')).toBe('2025-03-09T07:00:00.000Z'); // 23:00 EST → 03:00 EDT
      expect(endOf(windows, '2025-03-09T06:59:59Z')).toBe('2025-03-09T07:00:00.000Z');
      expect(endOf(windows, '2025-03-09T07:00:00Z')).toBeNull();
    });

    it('uses the first of two 01:00-01:30 when the clocks go back', () => {
      const windows = [newYork('sunday', '01:00', '01:30')];
      expect(endOf(windows, '2025-11-02T05:00:00Z')).toBe('2025-11-02T05:30:00.000Z'); // 01:00 EDT
      expect(endOf(windows, '2025-11-02T05:30:00Z')).toBeNull();
      expect(endOf(windows, '2025-11-02T06:10:00Z')).toBeNull(); // 01:10 EST, the second time round
    });

    it('crosses midnight into the fall-back night', () => {
      const windows = [newYork('saturday', '23:00', '03:00')];
      expect(endOf(windows, '2025-11-02T03:00:00Z')).toBe('2025-11-02T08:00:00.000Z'); // 23:00 EDT → 03:00 EST
      expect(endOf(windows, '2025-11-02T07:59:59Z')).toBe('2025-11-02T08:00:00.000Z');
      expect(endOf(windows, '2025-11-02T08:00:00Z')).toBeNull();
    });
  });

  describe('several windows', () => {
    const oneOff = { start: '2025-01-06T10:00:00Z', end: '2025-01-06T12:00:00Z', reason: 'Release' };

    it('names the one that ends last when several are in force', () => {
      const windows = [oneOff, weekly({ weekday: 'monday', from: '09:00', to: '17:00', timeZone: 'UTC' })];
      const freeze = activeFreeze(windows, at('2025-01-06T11:00:00Z'))!;
      expect([freeze.index, freeze.endsAt.toISOString()]).toEqual([1, '2025-01-06T17:00:00.000Z']);
    });

    it('says when the freeze ends when another window follows on without a gap', () => {
      const windows = [
        oneOff,
        weekly({ weekday: 'monday', from: '12:00', to: '14:00', timeZone: 'UTC' }),
        { start: '2025-01-06T13:30:00Z', end: '2025-01-06T15:00:00Z', reason: 'Overlapping the weekly one' },
        { start: '2025-01-06T15:00:01Z', end: '2025-01-06T16:00:00Z', reason: 'After a gap' },
      ];
      const freeze = activeFreeze(windows, at('2025-01-06T11:00:00Z'))!;
      expect(freeze.index).toBe(0);
      expect(freeze.endsAt.toISOString()).toBe('2025-01-06T12:00:00.000Z');
      expect(freeze.frozenUntil.toISOString()).toBe('2025-01-06T15:00:00.000Z');
    });
  });
});
