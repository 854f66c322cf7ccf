import { parseRunAt } from './run-at';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const refusal = (runAt: string, timeZone?: string) => {
  try {
    parseRunAt(runAt, timeZone, NOW);
    return null;
  } catch (error) {
    return (error as { code: string; details: { path: string }[] }).details[0].path;
  }
};

describe('parseRunAt', () => {
  it('takes a date-time with an offset as written', () => {
    expect(parseRunAt('2026-03-02T08:30:00+01:00', undefined, NOW).toISOString()).toBe('2026-03-02T07:30:00.000Z');
    expect(parseRunAt('2026-03-02T08:30Z', 'Asia/Tokyo', NOW).toISOString()).toBe('2026-03-02T08:30:00.000Z');
  });

  it('reads a local date-time in the time zone, daylight saving included', () => {
    expect(parseRunAt('2026-03-02T02:00', 'Europe/Paris', NOW).toISOString()).toBe('2026-03-02T01:00:00.000Z');
    expect(parseRunAt('2026-07-02T02:00:00', 'Europe/Paris', NOW).toISOString()).toBe('2026-07-02T00:00:00.000Z');
    expect(parseRunAt('2026-03-02T02:00', 'America/New_York', NOW).toISOString()).toBe('2026-03-02T07:00:00.000Z');
  });

  it('accepts a few seconds of past as now', () => {
    expect(parseRunAt('2026-03-01T11:59:57Z', undefined, NOW).toISOString()).toBe('2026-03-01T11:59:57.000Z');
  });

  it('names the field it refuses', () => {
    expect(refusal('2026-03-02T08:30', 'Mars/Olympus')).toBe('body.timeZone');
    expect(refusal('2026-03-02T08:30')).toBe('body.runAt');
    expect(refusal('2026-03-01T11:59:00Z')).toBe('body.runAt');
    expect(refusal('2027-03-01T12:00:01Z')).toBe('body.runAt');
    expect(refusal('2026-02-30T08:30', 'UTC')).toBe('body.runAt');
    expect(refusal('2026-03-01T12:00:10Z')).toBeNull();
  });
});
