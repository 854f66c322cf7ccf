import { freezeWindowProblems } from './freeze-window-problems';

const oneOff = (start: string, end: string) => ({ start, end, reason: 'r' });

describe('freezeWindowProblems', () => {
  it('accepts valid, touching and weekly-overlapping windows', () => {
    expect(
      freezeWindowProblems([
        oneOff('2025-01-01T00:00:00Z', '2025-01-02T00:00:00Z'),
        oneOff('2025-01-02T00:00:00Z', '2025-01-03T00:00:00Z'),
        { weekday: 'monday', from: '22:00', to: '06:00', timeZone: 'Europe/Berlin', reason: 'r' },
        { weekday: 'monday', from: '00:00', to: '24:00', timeZone: 'UTC', reason: 'r' },
      ]),
    ).toEqual([]);
  });

  it('refuses an inverted or empty one-off window', () => {
    expect(
      freezeWindowProblems([
        oneOff('2025-01-02T00:00:00Z', '2025-01-01T00:00:00Z'),
        oneOff('2025-01-05T00:00:00Z', '2025-01-05T01:00:00+01:00'),
      ]),
    ).toEqual([
      { index: 0, field: 'end', message: 'must be after start' },
      { index: 1, field: 'end', message: 'must be after start' },
    ]);
  });

  it('names each one-off window that overlaps an earlier one, however far back', () => {
    expect(
      freezeWindowProblems([
        oneOff('2025-01-01T00:00:00Z', '2025-01-10T00:00:00Z'),
        oneOff('2025-01-02T00:00:00Z', '2025-01-03T00:00:00Z'),
        oneOff('2025-01-04T00:00:00Z', '2025-01-05T00:00:00Z'),
        oneOff('2025-01-10T00:00:00Z', '2025-01-11T00:00:00Z'),
      ]),
    ).toEqual([
      { index: 1, field: 'start', message: 'overlaps window 0' },
      { index: 2, field: 'start', message: 'overlaps window 0' },
    ]);
  });

  it('names the later-listed window of an overlapping pair, whatever their order in time', () => {
    expect(
      freezeWindowProblems([
        oneOff('2025-01-05T00:00:00Z', '2025-01-07T00:00:00Z'),
        oneOff('2025-01-04T00:00:00Z', '2025-01-06T00:00:00Z'),
      ]),
    ).toEqual([{ index: 1, field: 'start', message: 'overlaps window 0' }]);
  });

  it('refuses an unknown time zone and an empty weekly window', () => {
    expect(
      freezeWindowProblems([
        { weekday: 'friday', from: '10:00', to: '11:00', timeZone: 'Mars/Olympus_Mons', reason: 'r' },
        { weekday: 'friday', from: '10:00', to: '10:00', timeZone: 'America/New_York', reason: 'r' },
      ]),
    ).toEqual([
      { index: 0, field: 'timeZone', message: 'is not a known IANA time zone, e.g. Europe/Berlin' },
      { index: 1, field: 'to', message: 'must differ from "from" (an empty window)' },
    ]);
  });
});
