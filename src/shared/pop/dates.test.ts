import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  dateIn,
  defaultPeriod,
  exchangeDeadline,
  spreadConversations,
  workingDays,
  zonedTimeToUtc,
} from './dates.js';

describe('calendar arithmetic', () => {
  it.each([
    ['2027-01-31', 1, '2027-02-01'],
    ['2027-03-01', -1, '2027-02-28'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2027-05-10', 1, '2028-05-10'],
    ['2028-02-29', 1, '2029-02-28'],
  ])('%s + %i years = %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it.each([
    ['2027-01-31', 1, '2027-02-28'],
    ['2027-03-15', -4, '2026-11-15'],
    ['2027-01-01', -11, '2026-02-01'],
    ['2026-12-01', 13, '2028-01-01'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('counts working days only', () => {
    expect(workingDays('2027-03-05', '2027-03-09')).toEqual(['2027-03-05', '2027-03-08', '2027-03-09']);
    expect(workingDays('2027-03-06', '2027-03-07')).toEqual([]);
  });

  it.each([
    ['2027-01-10', { start: '2027-01-01', end: '2027-12-31' }],
    ['2027-09-30', { start: '2027-01-01', end: '2027-12-31' }],
    ['2027-10-01', { start: '2028-01-01', end: '2028-12-31' }],
  ])('default period when started on %s', (today, expected) => {
    expect(defaultPeriod(today)).toEqual(expected);
  });
});

describe('time zones', () => {
  it('reads the date in Brussels, not in UTC', () => {
    expect(dateIn('Europe/Brussels', new Date('2027-03-01T23:30:00Z'))).toBe('2027-03-02');
    expect(dateIn('UTC', new Date('2027-03-01T23:30:00Z'))).toBe('2027-03-01');
  });

  it('turns the date at midnight in its own zone, asked in turn with other zones and moments', () => {
    const asked: Array<[string, string, string]> = [
      ['Europe/Brussels', '2027-03-01T22:59:59.999Z', '2027-03-01'],
      ['Europe/Brussels', '2027-03-01T23:00:00.000Z', '2027-03-02'],
      ['UTC', '2027-03-01T23:00:00.000Z', '2027-03-01'],
      ['Europe/Brussels', '2027-03-01T22:59:30.000Z', '2027-03-01'],
      ['Asia/Kolkata', '2027-03-01T18:29:59.000Z', '2027-03-01'],
      ['Asia/Kolkata', '2027-03-01T18:30:00.000Z', '2027-03-02'],
      ['Europe/Brussels', '2027-03-28T21:59:59.000Z', '2027-03-28'],
      ['Europe/Brussels', '2027-03-28T22:00:00.000Z', '2027-03-29'],
      ['Europe/Brussels', '2027-03-28T22:00:59.000Z', '2027-03-29'],
    ];
    expect(asked.map(([zone, at]) => dateIn(zone, new Date(at)))).toEqual(asked.map(([, , date]) => date));
  });

  it.each([
    ['2027-01-15', '09:00', '2027-01-15T08:00:00.000Z'],
    ['2027-07-15', '09:00', '2027-07-15T07:00:00.000Z'],
    ['2027-03-28', '09:00', '2027-03-28T07:00:00.000Z'],
  ])('%s %s in Brussels is %s', (date, time, expected) => {
    expect(zonedTimeToUtc(date, time, 'Europe/Brussels').toISOString()).toBe(expected);
  });

  it('sets the exchange deadline a week before the conversation day', () => {
    expect(exchangeDeadline('2027-03-15T08:00:00.000Z', 'Europe/Brussels', 7)).toBe('2027-03-08');
    expect(exchangeDeadline('2027-03-14T23:30:00.000Z', 'Europe/Brussels', 7)).toBe('2027-03-08');
    expect(exchangeDeadline(null, 'Europe/Brussels', 7)).toBeNull();
  });
});

describe('spreadConversations', () => {
  it('spreads people over the working days of the window', () => {
    const moments = spreadConversations(4, { from: '2027-03-05', to: '2027-03-10' }, 'Europe/Brussels');
    expect(moments?.map((m) => dateIn('Europe/Brussels', new Date(m)))).toEqual([
      '2027-03-05',
      '2027-03-08',
      '2027-03-09',
      '2027-03-10',
    ]);
    expect(moments?.[0]).toBe('2027-03-05T08:00:00.000Z');
  });

  it('puts several people on one day an hour apart', () => {
    expect(spreadConversations(3, { from: '2027-03-05', to: '2027-03-05' }, 'UTC')).toEqual([
      '2027-03-05T09:00:00.000Z',
      '2027-03-05T10:00:00.000Z',
      '2027-03-05T11:00:00.000Z',
    ]);
  });

  it('answers null for a window without working days', () => {
    expect(spreadConversations(2, { from: '2027-03-06', to: '2027-03-07' }, 'UTC')).toBeNull();
  });
});
