import { describe, expect, it } from 'vitest';
import {
  deadlineStatus,
  type LearningAccountRow,
  learningAccountCsv,
  newHireDueDate,
  parseExportPeriod,
  quarterlyDueDate,
  recordDate,
  yearlyDueDate,
} from './learning-account.js';

describe('export periods', () => {
  it.each([
    ['2026', { kind: 'yearly', year: 2026, from: '2026-01-01', to: '2026-12-31' }],
    ['2026-Q1', { kind: 'quarterly', year: 2026, quarter: 1, from: '2026-01-01', to: '2026-03-31' }],
    ['2028-Q1', { kind: 'quarterly', year: 2028, quarter: 1, from: '2028-01-01', to: '2028-03-31' }],
    ['2026-Q4', { kind: 'quarterly', year: 2026, quarter: 4, from: '2026-10-01', to: '2026-12-31' }],
    ['new-hires', { kind: 'new_hire' }],
  ])('%s', (value, expected) => {
    expect(parseExportPeriod(value)).toMatchObject(expected);
  });

  it.each(['', '26', '2026-Q5', '2026-q1', '2026Q1', 'new_hires', '2026-01'])('refuses %j', (value) => {
    expect(parseExportPeriod(value)).toBeNull();
  });
});

describe('deadlines', () => {
  it('the yearly delivery by 30 January', () => {
    expect(yearlyDueDate(2027)).toBe('2027-01-30');
  });

  it.each([
    [1, '2026-04-30'],
    [2, '2026-07-31'],
    [3, '2026-10-31'],
    [4, '2027-01-31'],
  ] as const)('quarter %s by the end of the following month: %s', (quarter, due) => {
    expect(quarterlyDueDate(2026, quarter)).toBe(due);
  });

  it('a new hire within 60 days', () => {
    expect(newHireDueDate('2026-09-01')).toBe('2026-10-31');
    expect(newHireDueDate('2026-12-15')).toBe('2027-02-13');
  });

  it.each([
    ['2026-04-30', true, '2026-06-01', 'done'],
    ['2026-04-30', false, '2026-05-01', 'overdue'],
    ['2026-04-30', false, '2026-04-30', 'due_soon'],
    ['2026-04-30', false, '2026-04-16', 'due_soon'],
    ['2026-04-30', false, '2026-04-15', 'upcoming'],
  ] as const)('due %s, covered %s, today %s -> %s', (due, covered, today, status) => {
    expect(deadlineStatus(due, covered, today)).toBe(status);
  });
});

describe('the date a record is reported under', () => {
  it.each([
    [
      { actualStart: '2026-02-01', actualEnd: '2026-02-02', plannedStart: null, plannedEnd: null },
      '2026-02-02',
    ],
    [
      { actualStart: '2026-02-01', actualEnd: null, plannedStart: null, plannedEnd: '2026-06-30' },
      '2026-02-01',
    ],
    [
      { actualStart: null, actualEnd: null, plannedStart: '2026-04-01', plannedEnd: '2026-06-30' },
      '2026-06-30',
    ],
    [{ actualStart: null, actualEnd: null, plannedStart: null, plannedEnd: null }, null],
  ])('%j -> %s', (record, date) => {
    expect(recordDate(record)).toBe(date);
  });
});

describe('the CSV layout', () => {
  const row: LearningAccountRow = {
    personId: '00000000-0000-4000-8000-000000000001',
    email: 'zoe.peeters@debrug.example',
    firstName: 'Zoë',
    lastName: 'Peeters',
    workRegime: '4/5',
    fte: 0.8,
    year: 2026,
    daysPerFte: 5,
    entitlementDays: 4,
    carriedOverDays: 0,
    remainingDays: 2.16,
    trainingId: '00000000-0000-4000-8000-000000000002',
    trainingName: '=HYPERLINK("x"); training',
    trainingType: 'Training',
    learning: 'formal',
    startDate: '2026-03-02',
    endDate: '2026-03-03',
    durationHours: 14,
    durationDays: 1.84,
    followed: true,
    certificate: 'Attest',
    countsForTrainingRight: true,
    financing: 'Sectorfonds (VIVO)',
  };

  it('has a BOM, a header, one CRLF line per row, yes/no and neutralised text', () => {
    const csv = learningAccountCsv([row, { ...row, trainingId: null, trainingName: null, followed: null }]);
    expect(csv.startsWith('\uFEFFperson_id;email;first_name;last_name;work_regime;fte;year;')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[1]).toContain(
      ';"\'=HYPERLINK(""x""); training";Training;formal;2026-03-02;2026-03-03;14;1,84;yes;',
    );
    expect(lines[1]?.endsWith(';yes;Sectorfonds (VIVO)')).toBe(true);
    expect(lines[2]).toContain(';0,8;2026;5;4;0;2,16;;;Training;');
  });
});
