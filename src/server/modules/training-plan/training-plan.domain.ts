import type {
  LearningKind,
  TrainingPlanDraftFigures,
  TrainingPlanFigures,
  TrainingPlanTask,
  TrainingPlanTypeRow,
} from '../../../shared/contracts/training-plan.js';
import { builtInActionTypes } from '../../../shared/pop/action-types.js';
import {
  type ConsultationBody,
  consultationDeadlines,
  type Gender,
  genders,
  isTaskOverdue,
  taskApplies,
  trainingPlanTaskKeys,
} from '../../../shared/pop/training-plan.js';

/**
 * Pure assembly of the training plan from what the database counted: one figure row per group and dimension (agreed
 * plans and plans in preparation apart), the workforce per group, and the recorded consultation steps.
 */
export interface FigureInput {
  dim: 'total' | 'type' | 'learning' | 'team' | 'function' | 'risk' | 'gender';
  k1: string | null;
  k2: string | null;
  agreed: boolean;
  actions: number;
  done: number;
  hours: number;
  actualHours: number;
  cost: number;
  actualCost: number;
  people: number;
  peopleDone: number;
}

export interface HeadcountInput {
  teamId: string | null;
  functionId: string | null;
  riskGroup: boolean;
  gender: string | null;
  count: number;
}

export interface GroupFigures {
  planned: TrainingPlanFigures;
  preparation: TrainingPlanDraftFigures;
}

/** Sums of hours and euros to the cent, without the float dust of adding many decimals. */
export const round2 = (value: number): number => Math.round(value * 100) / 100;

export const emptyFigures = (): TrainingPlanFigures => ({
  actions: 0,
  actionsDone: 0,
  plannedHours: 0,
  actualHours: 0,
  plannedCost: 0,
  actualCost: 0,
  peopleReached: 0,
  peopleFollowed: 0,
});

export const emptyDraft = (): TrainingPlanDraftFigures => ({ actions: 0, hours: 0, cost: 0, people: 0 });

const emptyGroup = (): GroupFigures => ({ planned: emptyFigures(), preparation: emptyDraft() });

/** Groups of one dimension by key (`k1`, or `k1|k2` for the kinds of action); null keys become ''. */
export function groupFigures(
  rows: readonly FigureInput[],
  dim: FigureInput['dim'],
): Map<string, GroupFigures> {
  const groups = new Map<string, GroupFigures>();
  for (const row of rows) {
    if (row.dim !== dim) continue;
    const key = dim === 'type' ? `${row.k1 ?? ''}|${row.k2 ?? ''}` : (row.k1 ?? '');
    const group = groups.get(key) ?? emptyGroup();
    if (row.agreed) {
      group.planned = {
        actions: row.actions,
        actionsDone: row.done,
        plannedHours: round2(row.hours),
        actualHours: round2(row.actualHours),
        plannedCost: round2(row.cost),
        actualCost: round2(row.actualCost),
        peopleReached: row.people,
        peopleFollowed: row.peopleDone,
      };
    } else {
      group.preparation = {
        actions: row.actions,
        hours: round2(row.hours),
        cost: round2(row.cost),
        people: row.people,
      };
    }
    groups.set(key, group);
  }
  return groups;
}

export interface Headcounts {
  total: number;
  byTeam: Map<string, number>;
  byFunction: Map<string, number>;
  byRisk: Map<'yes' | 'no', number>;
  byGender: Map<Gender | 'unknown', number>;
}

const add = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);

/** The workforce of the year, within the page's team and function filters; null keys become ''. */
export function headcounts(
  rows: readonly HeadcountInput[],
  filter: { teamId?: string | undefined; functionId?: string | undefined },
): Headcounts {
  const result: Headcounts = {
    total: 0,
    byTeam: new Map(),
    byFunction: new Map(),
    byRisk: new Map(),
    byGender: new Map(),
  };
  for (const row of rows) {
    if (filter.teamId && row.teamId !== filter.teamId) continue;
    if (filter.functionId && row.functionId !== filter.functionId) continue;
    result.total += row.count;
    add(result.byTeam, row.teamId ?? '', row.count);
    add(result.byFunction, row.functionId ?? '', row.count);
    add(result.byRisk, row.riskGroup ? 'yes' : 'no', row.count);
    add(result.byGender, genderGroup(row.gender), row.count);
  }
  return result;
}

export const genderGroup = (value: string | null): Gender | 'unknown' =>
  (genders as readonly string[]).includes(value ?? '') ? (value as Gender) : 'unknown';

/** The active people of the whole organisation (no filters), for the obligation. */
export const activePeople = (rows: readonly HeadcountInput[]): number =>
  rows.reduce((sum, row) => sum + row.count, 0);

export interface ActionTypeLabel {
  key: string;
  label: string;
  /** Built-in kinds first in their order, then the organisation's own by position. */
  order: number;
}

/** Rows per kind of action and formal/informal, in the order HR knows them from the kinds-of-action page. */
export function typeRows(
  groups: Map<string, GroupFigures>,
  labelOf: (key: string) => ActionTypeLabel,
): TrainingPlanTypeRow[] {
  return [...groups.entries()]
    .map(([compound, figures]) => {
      const [key = '', learning = 'informal'] = compound.split('|');
      const label = labelOf(key);
      return {
        row: { key, label: label.label, isFormal: learning === 'formal', ...figures },
        order: label.order,
      };
    })
    .sort(
      (a, b) =>
        a.order - b.order ||
        a.row.label.localeCompare(b.row.label, 'nl') ||
        Number(b.row.isFormal) - Number(a.row.isFormal),
    )
    .map(({ row }) => row);
}

export const builtInOrder = (key: string): number => {
  const index = builtInActionTypes.findIndex((t) => t.key === key);
  return index === -1 ? Number.MAX_SAFE_INTEGER : index;
};

export const learningRows = (groups: Map<string, GroupFigures>) =>
  (['formal', 'informal'] as const satisfies readonly LearningKind[]).map((learning) => ({
    learning,
    ...(groups.get(learning) ?? emptyGroup()),
  }));

/**
 * Rows of a people dimension (team, function): every group with people in it or actions, named, sorted by name with
 * "no team" last.
 */
export function namedRows<K extends 'teamId' | 'functionId'>(
  keyName: K,
  groups: Map<string, GroupFigures>,
  workforce: Map<string, number>,
  names: Map<string, string>,
): ({ [P in K]: string | null } & { name: string | null; headcount: number } & GroupFigures)[] {
  const keys = new Set([...groups.keys(), ...workforce.keys()]);
  return [...keys]
    .map(
      (key) =>
        ({
          [keyName]: key === '' ? null : key,
          name: key === '' ? null : (names.get(key) ?? null),
          headcount: workforce.get(key) ?? 0,
          ...(groups.get(key) ?? emptyGroup()),
        }) as { [P in K]: string | null } & { name: string | null; headcount: number } & GroupFigures,
    )
    .sort((a, b) => {
      if (a.name === null || b.name === null) return a.name === null ? (b.name === null ? 0 : 1) : -1;
      return a.name.localeCompare(b.name, 'nl');
    });
}

/** The target groups the law asks attention for: every group, also the empty ones, so a gap shows. */
export function targetGroupRows(groups: {
  risk: Map<string, GroupFigures>;
  gender: Map<string, GroupFigures>;
  workforce: Headcounts;
}) {
  return {
    riskGroup: (['yes', 'no'] as const).map((group) => ({
      group,
      headcount: groups.workforce.byRisk.get(group) ?? 0,
      ...(groups.risk.get(group) ?? emptyGroup()),
    })),
    gender: ([...genders, 'unknown'] as const).map((group) => ({
      group,
      headcount: groups.workforce.byGender.get(group) ?? 0,
      ...(groups.gender.get(group) ?? emptyGroup()),
    })),
  };
}

export interface RecordedTask {
  key: string;
  doneAt: string | null;
  doneBy: string | null;
  note: string | null;
  version: number;
}

/** The consultation steps of the year with their due dates; steps never recorded are open with version 0. */
export function timeline(
  year: number,
  body: ConsultationBody | null,
  recorded: readonly RecordedTask[],
  today: string,
): TrainingPlanTask[] {
  const due = consultationDeadlines(year);
  return trainingPlanTaskKeys.map((key) => {
    const task = recorded.find((r) => r.key === key);
    const done = task?.doneAt != null;
    const applies = taskApplies(key, body);
    return {
      key,
      dueDate: due[key],
      applies,
      done,
      doneAt: task?.doneAt ?? null,
      doneBy: done ? (task?.doneBy ?? null) : null,
      note: task?.note ?? null,
      overdue: isTaskOverdue({ dueDate: due[key], done, applies }, today),
      version: task?.version ?? 0,
    };
  });
}
