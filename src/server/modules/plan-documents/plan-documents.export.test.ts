import { describe, expect, it } from 'vitest';
import type { FollowUp } from '../../../shared/contracts/plans.js';
import type { PlanSnapshot, SnapshotAction, SnapshotGoal } from '../../../shared/pop/plan-snapshot.js';
import type { SmartCriterionResult } from '../../../shared/pop/smart.js';
import { documentText } from '../../documents/index.js';
import {
  actionTableRows,
  documentLocale,
  effortText,
  exampleRows,
  followUpsFromPlan,
  goalsFromSnapshot,
  headerFacts,
  type PopAction,
  type PopDocumentData,
  type PopGoal,
  smartState,
  smartSummary,
  supportLines,
  timingText,
} from './plan-documents.export.js';

const nl = documentText('nl-BE');
const en = documentText('en');

const action = (overrides: Partial<PopAction> = {}): PopAction => ({
  typeLabel: 'Training',
  description: 'Training ‘conflicthantering’ volgen',
  provider: null,
  timing: null,
  hours: null,
  cost: null,
  currency: 'EUR',
  supportTime: null,
  supportBudget: null,
  supportLogistics: null,
  supportCoach: null,
  followUp: null,
  ...overrides,
});

const result = (
  criterion: SmartCriterionResult['criterion'],
  hints: SmartCriterionResult['hints'],
  confirmed: boolean,
): SmartCriterionResult => ({ criterion, hints, confirmed, holds: hints.length === 0 && confirmed });

const goal = (overrides: Partial<PopGoal> = {}): PopGoal => ({
  id: 'g1',
  title: 'Beter leren omgaan met conflicten',
  description: null,
  reason: null,
  organisationGoal: null,
  competencyName: null,
  priority: 'high',
  horizon: 'short',
  targetDate: null,
  measure: null,
  smart: [],
  actions: [],
  ...overrides,
});

describe('documentLocale', () => {
  it.each([
    ['en', 'nl-BE', 'en'],
    ['nl-BE', 'en', 'nl-BE'],
    [null, 'en', 'en'],
    ['fr', 'nl-BE', 'nl-BE'],
    [null, null, 'nl-BE'],
  ] as const)('person %s, organisation %s -> %s', (person, organisation, expected) => {
    expect(documentLocale(person, organisation)).toBe(expected);
  });
});

describe('timingText', () => {
  it.each([
    [null, ''],
    [{ kind: 'quarter', year: 2025, quarter: 1 }, 'Q1 2025'],
    [{ kind: 'ongoing' }, 'Doorlopend'],
    [{ kind: 'date', date: '2027-03-15' }, '15/03/2027'],
    [{ kind: 'range', from: '2027-03-01', to: '2027-04-30' }, '01/03/2027 – 30/04/2027'],
  ] as const)('%j -> %s', (timing, expected) => {
    expect(timingText(timing, nl)).toBe(expected);
  });

  it('speaks the document’s language', () => {
    expect(timingText({ kind: 'ongoing' }, en)).toBe('Ongoing');
  });
});

describe('supportLines', () => {
  it('names each kind of support the action needs, in the form’s order, skipping blanks', () => {
    expect(
      supportLines(
        action({ supportCoach: 'Aanstelling coach', supportTime: 'Tijd vrijmaken', supportBudget: '  ' }),
        nl,
      ),
    ).toEqual(['Tijd: Tijd vrijmaken', 'Coach: Aanstelling coach']);
    expect(supportLines(action(), nl)).toEqual([]);
    expect(supportLines(action({ supportLogistics: 'Laptop' }), en)).toEqual(['Logistics: Laptop']);
  });
});

describe('effortText', () => {
  it.each([
    [{}, ''],
    [{ hours: 12 }, '12 u'],
    [{ cost: 450 }, '€\u00a0450,00'],
    [{ hours: 7.5, cost: 1300 }, '7,5 u · €\u00a01.300,00'],
  ] as const)('%j -> %s', (overrides, expected) => {
    expect(effortText(action(overrides), nl)).toBe(expected);
  });
});

describe('smartState and smartSummary', () => {
  const smart = [
    result('specific', [], true),
    result('measurable', ['no_measure'], false),
    result('acceptable', [], false),
    result('realistic', ['target_after_period', 'no_actions'], true),
    result('timeBound', [], true),
  ];

  it.each([
    [result('specific', [], true), 'holds'],
    [result('specific', ['no_description'], true), 'hint'],
    [result('specific', [], false), 'confirm'],
  ] as const)('%j -> %s', (r, expected) => {
    expect(smartState(r)).toBe(expected);
  });

  it('gives a column per criterion and a line per hint', () => {
    expect(smartSummary(smart, nl)).toEqual({
      criteria: ['Specifiek', 'Meetbaar', 'Acceptabel', 'Realistisch', 'Tijdgebonden'],
      states: ['Klopt', 'Tip', 'Te bevestigen', 'Tip', 'Klopt'],
      hints: [
        'Meetbaar: Geef aan hoe jullie zullen zien dat het doel bereikt is.',
        'Realistisch: De streefdatum valt na het einde van de POP-periode.',
        'Realistisch: Er is nog geen actie om dit doel te bereiken.',
      ],
    });
    expect(smartSummary(smart, en).states).toEqual(['Holds', 'Hint', 'To confirm', 'Hint', 'Holds']);
  });
});

describe('actionTableRows', () => {
  it('lays out the sample form: one row per action, the goal spanning its actions', () => {
    const rows = actionTableRows(
      [
        goal({
          actions: [
            action({
              timing: { kind: 'quarter', year: 2025, quarter: 1 },
              supportTime: 'Tijd vrijmaken voor deelname',
              followUp: 'Evaluatie bij volgend POP-gesprek',
            }),
            action({ typeLabel: 'Zelfstudie', description: 'Boek lezen', hours: 4 }),
          ],
        }),
        goal({ id: 'g2', title: 'Zonder acties' }),
      ],
      nl,
    );
    expect(rows).toHaveLength(3);
    expect(rows[0]?.[0]).toMatchObject({ text: 'Beter leren omgaan met conflicten', rowSpan: 2 });
    expect(rows[0]?.slice(2)).toEqual([
      { text: 'Q1 2025' },
      { text: 'Tijd: Tijd vrijmaken voor deelname' },
      { text: 'Evaluatie bij volgend POP-gesprek' },
    ]);
    // The second action's goal cell is covered by the span.
    expect(rows[1]?.[0]).toEqual({});
    expect(JSON.stringify(rows[1]?.[1])).toContain('4 u');
    expect(rows[1]?.slice(2)).toEqual([{ text: 'Geen' }, { text: 'Geen' }, { text: 'Geen' }]);
    // A goal without actions keeps its row, with one cell saying so over the other four columns.
    expect(rows[2]).toEqual([
      { text: 'Zonder acties', bold: true },
      { text: 'Geen acties.', style: 'muted', colSpan: 4 },
      {},
      {},
      {},
    ]);
    for (const row of rows) expect(row).toHaveLength(5);
  });
});

describe('goalsFromSnapshot', () => {
  const snapshotAction = (overrides: Partial<SnapshotAction>): SnapshotAction => ({
    id: 'a',
    position: 0,
    type: 'training',
    description: 'Training',
    provider: null,
    timing: { kind: 'quarter', year: 2027, quarter: 2 },
    hours: null,
    cost: null,
    currency: 'EUR',
    isFormal: true,
    funding: null,
    fundingSourceId: null,
    fundingSourceName: null,
    countsForTrainingRight: true,
    supportTime: null,
    supportBudget: null,
    supportLogistics: null,
    supportCoach: null,
    followUp: null,
    ...overrides,
  });
  const snapshotGoal = (overrides: Partial<SnapshotGoal>): SnapshotGoal => ({
    id: 'g',
    position: 0,
    title: 'Doel',
    description: 'Rustig blijven en luisteren bij conflicten',
    reason: null,
    organisationGoal: null,
    competencyId: null,
    competencyName: null,
    priority: 'medium',
    horizon: 'short',
    targetDate: '2027-06-30',
    measure: 'Minder escalaties',
    confirmSpecific: true,
    confirmMeasurable: true,
    confirmRealistic: true,
    confirmTimeBound: true,
    acceptableByEmployee: true,
    acceptableByManager: true,
    actions: [],
    ...overrides,
  });
  const snapshot: PlanSnapshot = {
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
    facilities: null,
    evaluationDate: null,
    followUpDates: [],
    goals: [
      snapshotGoal({
        id: 'second',
        position: 1,
        title: 'Tweede',
        actions: [
          snapshotAction({ id: 'y', position: 1, type: 'own-kind', description: 'Y' }),
          snapshotAction({ id: 'x', position: 0, description: 'X' }),
        ],
      }),
      snapshotGoal({ id: 'first', position: 0, title: 'Eerste', actions: [snapshotAction({})] }),
    ],
  };

  it('keeps the order of goals and actions and names the kinds of action', () => {
    const goals = goalsFromSnapshot(snapshot, (type) => `soort ${type}`, '2027-02-01');
    expect(goals.map((g) => g.title)).toEqual(['Eerste', 'Tweede']);
    expect(goals[1]?.actions.map((a) => [a.description, a.typeLabel])).toEqual([
      ['X', 'soort training'],
      ['Y', 'soort own-kind'],
    ]);
  });

  it('checks SMART as on the day of approval, not today', () => {
    const [onApproval] = goalsFromSnapshot(snapshot, String, '2027-02-01');
    expect(onApproval?.smart.every((r) => r.holds)).toBe(true);
    const [later] = goalsFromSnapshot(snapshot, String, '2027-09-01');
    expect(later?.smart.find((r) => r.criterion === 'realistic')?.hints).toEqual(['target_in_past']);
  });
});

describe('followUpsFromPlan', () => {
  it('orders the moments by date and names each entry’s goal', () => {
    const followUp = (id: string, plannedDate: string, goalId: string): FollowUp => ({
      id,
      plannedDate,
      heldAt: null,
      notes: null,
      entries: [
        {
          goalId,
          state: 'on_track',
          progress: null,
          acceleration: null,
          expectations: null,
          notes: null,
        },
      ],
      version: 1,
    });
    const titles: Record<string, string> = { g1: 'Eerste', g2: 'Tweede' };
    const result = followUpsFromPlan(
      [followUp('b', '2027-09-01', 'g2'), followUp('a', '2027-04-01', 'g1')],
      (id) => titles[id] ?? '',
    );
    expect(result.map((f) => [f.plannedDate, f.entries[0]?.goalTitle])).toEqual([
      ['2027-04-01', 'Eerste'],
      ['2027-09-01', 'Tweede'],
    ]);
  });
});

describe('headerFacts', () => {
  const data: PopDocumentData = {
    organisationName: 'vzw De Linde',
    employeeName: 'Zoë Ñúñez-Łukasiewicz',
    managerName: 'Jérôme Dubois',
    teamName: null,
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
    version: 2,
    employeeApprovedAt: '2027-01-10T23:30:00.000Z',
    managerApprovedAt: '2027-01-11T08:00:00.000Z',
    goals: [],
    facilities: null,
    evaluationDate: null,
    followUpDates: [],
    followUps: [],
    goalResults: [],
    evaluations: [],
  };

  it('names both parties with the moment each approved, in the organisation’s time zone', () => {
    expect(headerFacts(data, nl, 'Europe/Brussels')).toEqual([
      ['Organisatie', 'vzw De Linde'],
      ['Medewerker', 'Zoë Ñúñez-Łukasiewicz'],
      ['Leidinggevende', 'Jérôme Dubois'],
      ['POP-periode', '01/01/2027 – 31/12/2027'],
      ['Versie', 'Versie 2'],
      ['Goedgekeurd door Zoë Ñúñez-Łukasiewicz', '11/01/2027 00:30'],
      ['Goedgekeurd door Jérôme Dubois', '11/01/2027 09:00'],
    ]);
  });

  it('marks a draft and says who has not approved yet, in English for an English plan', () => {
    const facts = headerFacts(
      { ...data, version: null, teamName: 'Woonvorm', managerApprovedAt: null },
      en,
      'Europe/Brussels',
    );
    expect(facts).toContainEqual(['Team', 'Woonvorm']);
    expect(facts).toContainEqual(['Version', 'Draft (not yet approved by both parties)']);
    expect(facts).toContainEqual(['Approved by Jérôme Dubois', 'Not approved yet']);
  });
});

describe('exampleRows', () => {
  it('are the two sample rows of seed 004, marked as examples', () => {
    const rows = exampleRows(nl).map((row) => row.map((cell) => (cell as { text: string }).text));
    expect(rows).toEqual([
      [
        'vb. Beter leren omgaan met conflicten',
        'Training ‘conflicthantering’ volgen',
        'Q1 2025',
        'Tijd vrijmaken voor deelname',
        'Evaluatie bij volgend POP-gesprek',
      ],
      [
        'vb. Meer verantwoordelijkheid opnemen',
        'Interne coaching door collega',
        'Doorlopend',
        'Aanstelling coach',
        'Korte evaluatie na 3 maanden',
      ],
    ]);
  });
});
