import { describe, expect, it } from 'vitest';
import { diffSnapshots, type PlanSnapshot, type SnapshotAction, type SnapshotGoal } from './plan-snapshot.js';

const action = (id: string, extra: Partial<SnapshotAction> = {}): SnapshotAction => ({
  id,
  position: 0,
  type: 'training',
  description: "Training 'conflicthantering'",
  provider: null,
  timing: { kind: 'quarter', year: 2027, quarter: 1 },
  hours: null,
  cost: null,
  currency: 'EUR',
  isFormal: true,
  funding: null,
  fundingSourceId: null,
  fundingSourceName: null,
  countsForTrainingRight: true,
  supportTime: 'Tijd vrijmaken voor deelname',
  supportBudget: null,
  supportLogistics: null,
  supportCoach: null,
  followUp: 'Evaluatie bij volgend POP-gesprek',
  ...extra,
});

const goal = (id: string, actions: SnapshotAction[], extra: Partial<SnapshotGoal> = {}): SnapshotGoal => ({
  id,
  position: 0,
  title: 'Beter leren omgaan met conflicten',
  description: null,
  reason: null,
  organisationGoal: null,
  competencyId: null,
  competencyName: null,
  priority: 'high',
  horizon: 'short',
  targetDate: '2027-03-31',
  measure: null,
  confirmSpecific: false,
  confirmMeasurable: false,
  confirmRealistic: false,
  confirmTimeBound: false,
  acceptableByEmployee: false,
  acceptableByManager: false,
  actions,
  ...extra,
});

const base: PlanSnapshot = {
  periodStart: '2027-01-01',
  periodEnd: '2027-12-31',
  facilities: 'Vormingsbudget',
  evaluationDate: '2027-12-01',
  followUpDates: ['2027-04-01'],
  goals: [goal('g1', [action('a1')]), goal('g2', [action('a2')], { title: 'Meer verantwoordelijkheid' })],
};

describe('diffSnapshots', () => {
  it('finds nothing between equal versions', () => {
    expect(diffSnapshots(base, structuredClone(base))).toEqual({
      agreements: [],
      goals: { added: [], removed: [], changed: [] },
      actions: { added: [], removed: [], changed: [] },
    });
  });

  it('lists added, removed and changed goals, actions and agreements', () => {
    const next: PlanSnapshot = {
      ...base,
      followUpDates: ['2027-04-01', '2027-07-01'],
      goals: [
        goal('g1', [action('a1', { timing: { kind: 'quarter', year: 2027, quarter: 2 } }), action('a3')], {
          targetDate: '2027-06-30',
        }),
        goal('g4', [], { title: 'Nieuw doel' }),
      ],
    };
    const diff = diffSnapshots(base, next);
    expect(diff.agreements).toEqual([
      { field: 'followUpDates', from: ['2027-04-01'], to: ['2027-04-01', '2027-07-01'] },
    ]);
    expect(diff.goals).toEqual({
      added: [{ id: 'g4', title: 'Nieuw doel' }],
      removed: [{ id: 'g2', title: 'Meer verantwoordelijkheid' }],
      changed: [
        {
          id: 'g1',
          title: 'Beter leren omgaan met conflicten',
          changes: [{ field: 'targetDate', from: '2027-03-31', to: '2027-06-30' }],
        },
      ],
    });
    expect(diff.actions.added.map((a) => a.id)).toEqual(['a3']);
    expect(diff.actions.removed.map((a) => a.id)).toEqual(['a2']);
    expect(diff.actions.changed).toEqual([
      {
        id: 'a1',
        goalId: 'g1',
        description: "Training 'conflicthantering'",
        changes: [
          {
            field: 'timing',
            from: { kind: 'quarter', year: 2027, quarter: 1 },
            to: { kind: 'quarter', year: 2027, quarter: 2 },
          },
        ],
      },
    ]);
  });

  it('shows a changed funding source by id and by name', () => {
    const funded: PlanSnapshot = {
      ...base,
      goals: [
        goal('g1', [action('a1', { fundingSourceId: 's1', fundingSourceName: 'VIVO sectorbudget' })]),
        base.goals[1] as SnapshotGoal,
      ],
    };
    expect(diffSnapshots(base, funded).actions.changed).toEqual([
      expect.objectContaining({
        id: 'a1',
        changes: [
          { field: 'fundingSourceId', from: null, to: 's1' },
          { field: 'fundingSourceName', from: null, to: 'VIVO sectorbudget' },
        ],
      }),
    ]);
  });

  it('notices an action moving to another goal', () => {
    const moved: PlanSnapshot = {
      ...base,
      goals: [
        goal('g1', []),
        goal('g2', [action('a2'), action('a1')], { title: 'Meer verantwoordelijkheid' }),
      ],
    };
    expect(diffSnapshots(base, moved).actions.changed).toEqual([
      expect.objectContaining({ id: 'a1', changes: [{ field: 'goalId', from: 'g1', to: 'g2' }] }),
    ]);
  });
});
