import { describe, expect, it } from 'vitest';
import { processingActivities, retentionLines } from './records-of-processing.js';
import { effectiveRetention, noRetentionSettings, type RetentionSettings } from './retention.js';

const facts = (
  country: 'BE' | 'NL',
  hrSeesPlanContent: boolean,
  settings: RetentionSettings = noRetentionSettings,
) => ({
  country,
  hrSeesPlanContent,
  settings,
  retention: effectiveRetention(country, settings),
});

const activity = (list: ReturnType<typeof processingActivities>, key: string) => {
  const found = list.find((a) => a.key === key);
  if (!found) throw new Error(`no activity ${key}`);
  return found;
};

describe('processingActivities', () => {
  it.each([
    [true, 'hr_with_content'],
    [false, 'hr_without_content'],
  ] as const)('HR reads content: %s -> recipient %s', (hrSeesPlanContent, recipient) => {
    const pop = activity(processingActivities(facts('BE', hrSeesPlanContent)), 'pop');
    expect(pop.recipients).toContain(recipient);
    expect(pop.recipients).not.toContain(hrSeesPlanContent ? 'hr_without_content' : 'hr_with_content');
  });

  it.each([
    ['BE', 'legal_obligation_be', true],
    ['NL', 'legal_obligation_nl', false],
  ] as const)(
    '%s: training records on basis %s; the learning account a recipient: %s',
    (country, basis, sigedis) => {
      const training = activity(processingActivities(facts(country, false)), 'training');
      expect(training.legalBasis).toBe(basis);
      expect(training.recipients.includes('learning_account')).toBe(sigedis);
      expect(training.dataCategories.includes('training_plan_facts')).toBe(sigedis);
    },
  );

  it('states the periods in force: the organisation’s choice, else the country’s', () => {
    const settings = { ...noRetentionSettings, plan_content: 12, audit_log: 6 };
    const list = processingActivities(facts('NL', false, settings));
    expect(list.map((a) => [a.key, a.category, a.months, a.startsAt])).toEqual([
      ['pop', 'plan_content', 12, 'leaving'],
      ['training', 'training_records', 84, 'leaving'],
      ['accounts', 'accounts', 24, 'leaving'],
      ['audit', 'audit_log', 6, 'event'],
    ]);
  });
});

describe('retentionLines', () => {
  it('names the legal basis of a default and the organisation for its own choice', () => {
    const settings = { ...noRetentionSettings, accounts: 3, plan_content: 60 };
    expect(retentionLines(facts('BE', false, settings))).toEqual([
      {
        category: 'plan_content',
        months: 60,
        isDefault: true,
        startsAt: 'leaving',
        basis: 'BE.plan_content',
      },
      {
        category: 'training_records',
        months: 72,
        isDefault: true,
        startsAt: 'leaving',
        basis: 'BE.training_records',
      },
      {
        category: 'accounts',
        months: 3,
        isDefault: false,
        startsAt: 'leaving',
        basis: 'organisation.accounts',
      },
      { category: 'audit_log', months: 24, isDefault: true, startsAt: 'event', basis: 'BE.audit_log' },
    ]);
  });
});
