import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime } from './format.js';

describe('dates and times in Belgian notation', () => {
  it.each([
    ['2026-03-09', '09/03/2026'],
    ['2026-12-31T23:30:00.000Z', '31/12/2026'],
    ['', ''],
    [null, ''],
    ['not a date', 'not a date'],
  ])('formatDate(%s) is %s', (value, expected) => {
    expect(formatDate(value)).toBe(expected);
  });

  it.each([
    // Winter time (UTC+1), summer time (UTC+2), and a moment that is already the next day in Brussels.
    ['2026-01-15T09:05:00.000Z', 'Europe/Brussels', '15/01/2026 10:05'],
    ['2026-07-15T09:05:00.000Z', 'Europe/Brussels', '15/07/2026 11:05'],
    ['2026-12-31T23:30:00.000Z', 'Europe/Brussels', '01/01/2027 00:30'],
    ['2026-07-15T09:05:00.000Z', 'UTC', '15/07/2026 09:05'],
    ['2026-07-15T00:00:00.000Z', 'America/New_York', '14/07/2026 20:00'],
    ['nonsense', 'Europe/Brussels', 'nonsense'],
    [null, 'Europe/Brussels', ''],
  ])('formatDateTime(%s, %s) is %s', (value, zone, expected) => {
    expect(formatDateTime(value, zone)).toBe(expected);
  });

  it('gives the time of day on the wall clock of the zone, midnight as 00', () => {
    expect(formatTime('2026-07-15T22:02:00.000Z', 'Europe/Brussels')).toBe('00:02');
    expect(formatTime(new Date('2026-01-15T13:02:00.000Z'), 'Europe/Brussels')).toBe('14:02');
  });

  it('falls back to a time zone that exists rather than failing on an unknown one', () => {
    expect(formatDateTime('2026-07-15T09:05:00.000Z', 'Mars/Olympus')).toMatch(
      /^\d{2}\/\d{2}\/2026 \d{2}:\d{2}$/,
    );
  });
});
