import { describe, expect, it } from 'vitest';
import type { TrainingPlan } from '../../../shared/contracts/training-plan.js';
import { documentText } from '../../documents/index.js';
import { emptyDraft, emptyFigures, timeline } from './training-plan.domain.js';
import { trainingPlanPdf, trainingPlanSheets } from './training-plan.export.js';

const figures = { planned: { ...emptyFigures(), actions: 2, plannedHours: 14 }, preparation: emptyDraft() };

function plan(overrides: Partial<TrainingPlan> = {}): TrainingPlan {
  return {
    year: 2027,
    defaultYear: 2027,
    today: '2027-03-20',
    filters: { teamId: 't1', functionId: null, learning: 'formal' },
    organisationName: 'vzw De Brug',
    currency: 'EUR',
    canSeeContent: true,
    headcount: 25,
    totals: figures.planned,
    preparation: emptyDraft(),
    byType: [{ key: 'course', label: 'Vorming', isFormal: true, ...figures }],
    byLearning: [{ learning: 'formal', ...figures }],
    byTeam: [{ teamId: 't1', name: 'Woonbegeleiding', headcount: 9, ...figures }],
    byFunction: [{ functionId: null, name: null, headcount: 1, ...figures }],
    targetGroups: {
      riskGroup: [{ group: 'yes', headcount: 4, ...figures }],
      gender: [{ group: 'unknown', headcount: 3, ...figures }],
    },
    trainings: [
      {
        description: '=cmd|x',
        provider: null,
        typeKey: 'course',
        typeLabel: 'Vorming',
        isFormal: true,
        participants: 2,
        actions: 2,
        actionsDone: 1,
        plannedHours: 14,
        actualHours: 7,
        plannedCost: 300,
        actualCost: 150,
      },
    ],
    trainingsTruncated: true,
    belgium: {
      applies: true,
      workers: 22.4,
      workerSource: 'average_fte',
      threshold: 20,
      obliged: true,
      consultationBody: 'none',
      organisationVersion: 3,
      tasks: timeline(
        2027,
        'none',
        [{ key: 'final', doneAt: '2027-03-19T10:00:00.000Z', doneBy: 'Sofie Maes', note: null, version: 1 }],
        '2027-03-20',
      ),
    },
    ...overrides,
  };
}

/** Every string a builder produced, to find keys that the catalogue lacks. */
const strings = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.flatMap(strings)
      : value && typeof value === 'object'
        ? Object.values(value).flatMap(strings)
        : [];

describe('the training plan as a document and a workbook', () => {
  it.each(['nl-BE', 'en'] as const)('uses only words the %s catalogue has', (locale) => {
    const text = documentText(locale);
    for (const sample of [
      plan(),
      plan({ trainings: null, belgium: { ...plan().belgium, applies: false } }),
    ]) {
      const pdf = trainingPlanPdf(sample, text, {
        generatedAt: new Date('2027-03-20T10:00:00Z'),
        timeZone: 'Europe/Brussels',
      });
      const sheets = trainingPlanSheets(sample, text, { timeZone: 'Europe/Brussels' });
      const all = [...strings(pdf.content), ...strings(sheets)];
      expect(all.filter((s) => s.startsWith('trainingPlan.') || s.startsWith('pop.'))).toEqual([]);
    }
  });

  it('leaves the trainings out when the answer has none to show', () => {
    const text = documentText('nl-BE');
    const hidden = plan({ trainings: null, canSeeContent: false });
    expect(
      trainingPlanSheets(hidden, text, { timeZone: 'Europe/Brussels' }).map((s) => s.name),
    ).not.toContain('Opleidingen');
    expect(
      strings(
        trainingPlanPdf(hidden, text, { generatedAt: new Date(), timeZone: 'Europe/Brussels' }).content,
      ),
    ).not.toContain('=cmd|x');
    expect(trainingPlanSheets(plan(), text, { timeZone: 'Europe/Brussels' }).map((s) => s.name)).toContain(
      'Opleidingen',
    );
  });
});
