import { describe, expect, it } from 'vitest';
import {
  auditKeptFrom,
  countryRetention,
  dueCategories,
  dueOn,
  effectiveRetention,
  leftOnOrBefore,
  noRetentionSettings,
  type PersonCategory,
  type Retention,
  type RetentionSettings,
  retentionErrors,
} from './retention.js';

const be = effectiveRetention('BE', noRetentionSettings);
const nl = effectiveRetention('NL', noRetentionSettings);

describe('country defaults', () => {
  it.each([
    ['BE', { plan_content: 60, training_records: 72, accounts: 60, audit_log: 24 }],
    ['NL', { plan_content: 24, training_records: 84, accounts: 24, audit_log: 24 }],
  ] as const)('%s', (country, expected) => {
    expect(effectiveRetention(country, noRetentionSettings)).toEqual(expected);
  });

  it('keeps training records at least as long as the content that holds them, in every country', () => {
    for (const retention of Object.values(countryRetention))
      expect(retention.training_records).toBeGreaterThanOrEqual(retention.plan_content);
  });

  it('uses a setting where there is one and the default elsewhere', () => {
    expect(effectiveRetention('NL', { ...noRetentionSettings, accounts: 3 })).toEqual({ ...nl, accounts: 3 });
  });
});

describe('dueOn', () => {
  it.each([
    ['2024-03-15', 24, '2026-03-15'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-12-31', 0, '2024-12-31'],
    ['2023-08-31', 60, '2028-08-31'],
  ])('left %s + %i months -> %s', (leftOn, months, expected) => {
    expect(dueOn(leftOn, months)).toBe(expected);
  });
});

describe('dueCategories', () => {
  const cases: Array<
    [string, string, string | null, Retention, boolean, PersonCategory[], PersonCategory[]]
  > = [
    // name, today, leftOn, retention, legal hold, done, expected
    ['still employed', '2030-01-01', null, nl, false, [], []],
    ['leaves in the future', '2026-01-01', '2026-06-30', { ...nl, plan_content: 0 }, false, [], []],
    ['NL, the day before two years', '2026-03-14', '2024-03-15', nl, false, [], []],
    ['NL, two years to the day', '2026-03-15', '2024-03-15', nl, false, [], ['plan_content', 'accounts']],
    ['NL, six years', '2030-03-15', '2024-03-15', nl, false, [], ['plan_content', 'accounts']],
    [
      'NL, seven years',
      '2031-03-15',
      '2024-03-15',
      nl,
      false,
      [],
      ['plan_content', 'training_records', 'accounts'],
    ],
    [
      'NL, seven years, the rest done',
      '2031-03-15',
      '2024-03-15',
      nl,
      false,
      ['plan_content', 'accounts'],
      ['training_records'],
    ],
    ['NL, legal hold', '2040-01-01', '2024-03-15', nl, true, [], []],
    ['BE, four years', '2028-03-15', '2024-03-15', be, false, [], []],
    ['BE, five years', '2029-03-15', '2024-03-15', be, false, [], ['plan_content', 'accounts']],
    ['BE, five years and a half', '2029-09-15', '2024-03-15', be, false, [], ['plan_content', 'accounts']],
    [
      'BE, six years',
      '2030-03-15',
      '2024-03-15',
      be,
      false,
      [],
      ['plan_content', 'training_records', 'accounts'],
    ],
    ['BE, legal hold', '2040-01-01', '2024-03-15', be, true, [], []],
    [
      'the same day with a period of 0',
      '2026-05-01',
      '2026-05-01',
      { ...be, plan_content: 0 },
      false,
      [],
      ['plan_content'],
    ],
    [
      'training due before content (defensive): content goes with it',
      '2026-05-01',
      '2025-05-01',
      { ...be, plan_content: 24, training_records: 12 },
      false,
      [],
      ['plan_content', 'training_records'],
    ],
    [
      'everything done',
      '2040-01-01',
      '2024-03-15',
      nl,
      false,
      ['plan_content', 'training_records', 'accounts'],
      [],
    ],
  ];
  it.each(cases)('%s', (_name, today, leftOn, retention, legalHold, done, expected) => {
    expect(dueCategories({ today, leftOn, retention, legalHold, done })).toEqual(expected);
  });
});

describe('leftOnOrBefore', () => {
  it.each([
    ['2026-03-15', nl, '2024-03-31'],
    ['2024-02-29', { ...nl, plan_content: 1, accounts: 1 }, '2024-01-31'],
    ['2029-03-15', be, '2024-03-31'],
  ] as const)('today %s', (today, retention, expected) => {
    expect(leftOnOrBefore(today, retention)).toBe(expected);
  });

  it('never leaves out someone who is due (a period ending on a shorter month)', () => {
    const retention = { ...nl, plan_content: 1, accounts: 1 };
    const today = '2024-04-30';
    const leftOn = '2024-03-31';
    expect(dueCategories({ today, leftOn, retention, legalHold: false })).toContain('plan_content');
    expect(leftOn <= leftOnOrBefore(today, retention)).toBe(true);
  });
});

describe('auditKeptFrom', () => {
  it.each([
    ['2026-03-15', 24, false, '2024-03-15'],
    ['2026-03-31', 1, false, '2026-02-28'],
    ['2026-03-15', 24, true, null],
  ] as const)('today %s, %i months, hold %s', (today, months, hold, expected) => {
    expect(auditKeptFrom(today, months, hold)).toBe(expected);
  });
});

describe('retentionErrors', () => {
  const settings = (values: Partial<RetentionSettings>): RetentionSettings => ({
    ...noRetentionSettings,
    ...values,
  });
  it.each([
    ['defaults', 'BE', {}, []],
    ['NL shorter training records allowed above content', 'NL', { training_records: 24 }, []],
    [
      'BE training records under the legal minimum',
      'BE',
      { training_records: 59 },
      [{ path: 'trainingRecords', code: 'retention_below_minimum', params: { min: 60 } }],
    ],
    ['BE training records at the legal minimum', 'BE', { training_records: 60, plan_content: 60 }, []],
    [
      'training records before content',
      'NL',
      { plan_content: 36, training_records: 30 },
      [{ path: 'trainingRecords', code: 'retention_training_before_content', params: { months: 36 } }],
    ],
    [
      'content longer than the default training records',
      'NL',
      { plan_content: 96 },
      [{ path: 'trainingRecords', code: 'retention_training_before_content', params: { months: 96 } }],
    ],
    [
      'out of range',
      'NL',
      { accounts: 241, audit_log: 0 },
      [
        { path: 'accounts', code: 'retention_out_of_range', params: { min: 0, max: 240 } },
        { path: 'auditLog', code: 'retention_out_of_range', params: { min: 1, max: 240 } },
      ],
    ],
    [
      'a fraction',
      'BE',
      { accounts: 1.5 },
      [{ path: 'accounts', code: 'retention_out_of_range', params: { min: 0, max: 240 } }],
    ],
  ] as const)('%s', (_name, country, values, expected) => {
    expect(retentionErrors(country, settings(values))).toEqual(expected);
  });
});
