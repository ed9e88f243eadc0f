import type { Timing } from './timing.js';

/**
 * What both parties approve: the goals with their actions and the practical agreements. Frozen as a numbered
 * version when both approve; versions are compared field by field.
 */
export interface SnapshotAction {
  id: string;
  position: number;
  type: string;
  description: string;
  provider: string | null;
  timing: Timing | null;
  hours: number | null;
  cost: number | null;
  currency: string;
  isFormal: boolean;
  funding: string | null;
  fundingSourceId: string | null;
  /** The funding source's name when the version was approved. */
  fundingSourceName: string | null;
  countsForTrainingRight: boolean;
  supportTime: string | null;
  supportBudget: string | null;
  supportLogistics: string | null;
  supportCoach: string | null;
  followUp: string | null;
}

export interface SnapshotGoal {
  id: string;
  position: number;
  title: string;
  description: string | null;
  reason: string | null;
  organisationGoal: string | null;
  competencyId: string | null;
  competencyName: string | null;
  priority: string;
  horizon: string;
  targetDate: string | null;
  measure: string | null;
  confirmSpecific: boolean;
  confirmMeasurable: boolean;
  confirmRealistic: boolean;
  confirmTimeBound: boolean;
  acceptableByEmployee: boolean;
  acceptableByManager: boolean;
  actions: SnapshotAction[];
}

export interface PlanSnapshot {
  periodStart: string;
  periodEnd: string;
  facilities: string | null;
  evaluationDate: string | null;
  followUpDates: string[];
  goals: SnapshotGoal[];
}

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

export interface PlanDiff {
  agreements: FieldChange[];
  goals: {
    added: Array<{ id: string; title: string }>;
    removed: Array<{ id: string; title: string }>;
    changed: Array<{ id: string; title: string; changes: FieldChange[] }>;
  };
  actions: {
    added: Array<{ id: string; goalId: string; description: string }>;
    removed: Array<{ id: string; goalId: string; description: string }>;
    changed: Array<{ id: string; goalId: string; description: string; changes: FieldChange[] }>;
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function changesOf<T extends object>(from: T, to: T, ignore: readonly string[]): FieldChange[] {
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter((f) => !ignore.includes(f));
  return fields
    .filter(
      (field) => !same((from as Record<string, unknown>)[field], (to as Record<string, unknown>)[field]),
    )
    .map((field) => ({
      field,
      from: (from as Record<string, unknown>)[field] ?? null,
      to: (to as Record<string, unknown>)[field] ?? null,
    }));
}

const actionsOf = (snapshot: PlanSnapshot) =>
  new Map(snapshot.goals.flatMap((g) => g.actions.map((a) => [a.id, { ...a, goalId: g.id }] as const)));

/** What changed from one version to another: agreements, goals and actions added, removed or changed. */
export function diffSnapshots(from: PlanSnapshot, to: PlanSnapshot): PlanDiff {
  const fromGoals = new Map(from.goals.map((g) => [g.id, g]));
  const toGoals = new Map(to.goals.map((g) => [g.id, g]));
  const fromActions = actionsOf(from);
  const toActions = actionsOf(to);
  return {
    agreements: changesOf(
      {
        periodStart: from.periodStart,
        periodEnd: from.periodEnd,
        facilities: from.facilities,
        evaluationDate: from.evaluationDate,
        followUpDates: from.followUpDates,
      },
      {
        periodStart: to.periodStart,
        periodEnd: to.periodEnd,
        facilities: to.facilities,
        evaluationDate: to.evaluationDate,
        followUpDates: to.followUpDates,
      },
      [],
    ),
    goals: {
      added: to.goals.filter((g) => !fromGoals.has(g.id)).map((g) => ({ id: g.id, title: g.title })),
      removed: from.goals.filter((g) => !toGoals.has(g.id)).map((g) => ({ id: g.id, title: g.title })),
      changed: to.goals.flatMap((g) => {
        const before = fromGoals.get(g.id);
        if (!before) return [];
        const changes = changesOf(before, g, ['id', 'actions']);
        return changes.length > 0 ? [{ id: g.id, title: g.title, changes }] : [];
      }),
    },
    actions: {
      added: [...toActions.values()]
        .filter((a) => !fromActions.has(a.id))
        .map((a) => ({ id: a.id, goalId: a.goalId, description: a.description })),
      removed: [...fromActions.values()]
        .filter((a) => !toActions.has(a.id))
        .map((a) => ({ id: a.id, goalId: a.goalId, description: a.description })),
      changed: [...toActions.values()].flatMap((a) => {
        const before = fromActions.get(a.id);
        if (!before) return [];
        const changes = changesOf(before, a, ['id']);
        return changes.length > 0
          ? [{ id: a.id, goalId: a.goalId, description: a.description, changes }]
          : [];
      }),
    },
  };
}
