import type { PlanState } from '../../../shared/pop/phases.js';
import type { PlanSnapshot, SnapshotAction, SnapshotGoal } from '../../../shared/pop/plan-snapshot.js';
import type { Timing } from '../../../shared/pop/timing.js';
import type { ActionRow, FollowUpRow, GoalRow, NewAction, NewGoal, PlanRow } from '../../db/schema.js';

/** Between plan rows and the shapes of src/shared/pop: the state machine's state and the frozen snapshot. */
export function stateOf(row: PlanRow): PlanState {
  return {
    phase: row.phase as PlanState['phase'],
    employeeApprovedAt: row.employee_approved_at,
    managerApprovedAt: row.manager_approved_at,
    disagreement: Boolean(row.disagreement),
    revisionOpen: Boolean(row.revision_open),
    evaluationComplete: Boolean(row.evaluation_complete),
    cancelled: Boolean(row.cancelled),
  };
}

const bit = (value: boolean): 0 | 1 => (value ? 1 : 0);

export function stateColumns(state: PlanState) {
  return {
    phase: state.phase,
    employee_approved_at: state.employeeApprovedAt,
    manager_approved_at: state.managerApprovedAt,
    disagreement: bit(state.disagreement),
    revision_open: bit(state.revisionOpen),
    evaluation_complete: bit(state.evaluationComplete),
    cancelled: bit(state.cancelled),
  };
}

export function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null || text === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export const timingOf = (row: { timing: string | null }): Timing | null =>
  parseJson<Timing | null>(row.timing, null);

/** Funding source names by id, as a version records them when it is approved. */
export type SourceNames = ReadonlyMap<string, string>;

export function snapshotAction(row: ActionRow, sourceNames: SourceNames = new Map()): SnapshotAction {
  return {
    id: row.id,
    position: row.position,
    type: row.type,
    description: row.description,
    provider: row.provider,
    timing: timingOf(row),
    hours: row.hours === null ? null : Number(row.hours),
    cost: row.cost === null ? null : Number(row.cost),
    currency: row.currency,
    isFormal: Boolean(row.is_formal),
    funding: row.funding,
    fundingSourceId: row.funding_source_id,
    fundingSourceName: row.funding_source_id ? (sourceNames.get(row.funding_source_id) ?? null) : null,
    countsForTrainingRight: Boolean(row.counts_for_training_right),
    supportTime: row.support_time,
    supportBudget: row.support_budget,
    supportLogistics: row.support_logistics,
    supportCoach: row.support_coach,
    followUp: row.follow_up,
  };
}

export function snapshotGoal(
  row: GoalRow & { competency_name?: string | null },
  actions: ActionRow[],
  sourceNames: SourceNames = new Map(),
): SnapshotGoal {
  return {
    id: row.id,
    position: row.position,
    title: row.title,
    description: row.description,
    reason: row.reason,
    organisationGoal: row.organisation_goal,
    competencyId: row.competency_id,
    competencyName: row.competency_name ?? null,
    priority: row.priority,
    horizon: row.horizon,
    targetDate: row.target_date,
    measure: row.measure,
    confirmSpecific: Boolean(row.confirm_specific),
    confirmMeasurable: Boolean(row.confirm_measurable),
    confirmRealistic: Boolean(row.confirm_realistic),
    confirmTimeBound: Boolean(row.confirm_time_bound),
    acceptableByEmployee: Boolean(row.acceptable_by_employee),
    acceptableByManager: Boolean(row.acceptable_by_manager),
    actions: actions.filter((a) => a.goal_id === row.id).map((a) => snapshotAction(a, sourceNames)),
  };
}

/** The agreed content of a plan as it stands: what both parties approve as one version. */
export function snapshotOf(
  plan: PlanRow,
  goals: ReadonlyArray<GoalRow & { competency_name?: string | null }>,
  actions: ActionRow[],
  followUps: readonly FollowUpRow[],
  sourceNames: SourceNames = new Map(),
): PlanSnapshot {
  return {
    periodStart: plan.period_start,
    periodEnd: plan.period_end,
    facilities: plan.facilities,
    evaluationDate: plan.evaluation_date,
    followUpDates: followUps.map((f) => f.planned_date).sort(),
    goals: goals.map((g) => snapshotGoal(g, actions, sourceNames)),
  };
}

/** A version approved before actions had a funding source reads as one without (and counting for the right). */
export function normaliseSnapshot(snapshot: PlanSnapshot): PlanSnapshot {
  return {
    ...snapshot,
    goals: snapshot.goals.map((goal) => ({
      ...goal,
      actions: goal.actions.map((action) => ({
        ...action,
        fundingSourceId: action.fundingSourceId ?? null,
        fundingSourceName: action.fundingSourceName ?? null,
        countsForTrainingRight: action.countsForTrainingRight ?? true,
      })),
    })),
  };
}

/** The content columns of a goal as a version holds them (restoring a version after a discarded revision). */
export function goalContentColumns(goal: SnapshotGoal) {
  return {
    position: goal.position,
    title: goal.title,
    description: goal.description,
    reason: goal.reason,
    organisation_goal: goal.organisationGoal,
    competency_id: goal.competencyId,
    priority: goal.priority,
    horizon: goal.horizon,
    target_date: goal.targetDate,
    measure: goal.measure,
    confirm_specific: bit(goal.confirmSpecific),
    confirm_measurable: bit(goal.confirmMeasurable),
    confirm_realistic: bit(goal.confirmRealistic),
    confirm_time_bound: bit(goal.confirmTimeBound),
    acceptable_by_employee: bit(goal.acceptableByEmployee),
    acceptable_by_manager: bit(goal.acceptableByManager),
  } satisfies Partial<NewGoal>;
}

export function actionContentColumns(action: SnapshotAction, goalId: string) {
  return {
    goal_id: goalId,
    position: action.position,
    type: action.type,
    description: action.description,
    provider: action.provider,
    timing: action.timing ? JSON.stringify(action.timing) : null,
    hours: action.hours,
    cost: action.cost,
    currency: action.currency,
    is_formal: bit(action.isFormal),
    funding: action.funding,
    funding_source_id: action.fundingSourceId ?? null,
    counts_for_training_right: bit(action.countsForTrainingRight ?? true),
    support_time: action.supportTime,
    support_budget: action.supportBudget,
    support_logistics: action.supportLogistics,
    support_coach: action.supportCoach,
    follow_up: action.followUp,
  } satisfies Partial<NewAction>;
}
