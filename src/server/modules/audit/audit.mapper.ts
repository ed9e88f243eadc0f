import type {
  ActionRow,
  BudgetRow,
  FollowUpRow,
  FundingSourceRow,
  GoalRow,
  OrganisationRow,
  PersonRow,
  PlanRow,
  TrainingDayNormRow,
} from '../../db/schema.js';
import type { AuditValues } from './audit.domain.js';

/**
 * Rows as the audit log names their fields (the names of the API). Only what `auditFields` whitelists is kept when a
 * row is recorded; these functions never hand over anything else (no password hash, no preparation text).
 */

const num = (value: number | string | null) => (value === null ? null : Number(value));

const parse = (text: string | null): unknown => {
  if (text === null || text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** The plan's own fields; its conversation notes one field per step. */
export function planAuditValues(row: PlanRow): AuditValues {
  const notes = parse(row.conversation_notes);
  const steps =
    notes && typeof notes === 'object' && !Array.isArray(notes)
      ? Object.fromEntries(
          Object.entries(notes as Record<string, unknown>).map(([step, text]) => [
            `conversationNotes.${step}`,
            text ?? null,
          ]),
        )
      : {};
  return {
    employeeId: row.employee_id,
    managerId: row.manager_id,
    phase: row.phase,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    conversationAt: row.conversation_at,
    evaluationDate: row.evaluation_date,
    facilities: row.facilities,
    employeeApprovedAt: row.employee_approved_at,
    managerApprovedAt: row.manager_approved_at,
    disagreement: Boolean(row.disagreement),
    disagreementComment: row.disagreement_comment,
    revisionOpen: Boolean(row.revision_open),
    evaluationComplete: Boolean(row.evaluation_complete),
    cancelled: Boolean(row.cancelled),
    approvedVersion: num(row.approved_version),
    previousPlanId: row.previous_plan_id,
    ...steps,
  };
}

export function goalAuditValues(row: GoalRow): AuditValues {
  return {
    title: row.title,
    description: row.description,
    reason: row.reason,
    organisationGoal: row.organisation_goal,
    competencyId: row.competency_id,
    priority: row.priority,
    horizon: row.horizon,
    targetDate: row.target_date,
    measure: row.measure,
    position: num(row.position),
    confirmSpecific: Boolean(row.confirm_specific),
    confirmMeasurable: Boolean(row.confirm_measurable),
    confirmRealistic: Boolean(row.confirm_realistic),
    confirmTimeBound: Boolean(row.confirm_time_bound),
    acceptableByEmployee: Boolean(row.acceptable_by_employee),
    acceptableByManager: Boolean(row.acceptable_by_manager),
    evaluationResult: row.evaluation_result,
    evaluationNote: row.evaluation_note,
  };
}

export function actionAuditValues(row: ActionRow): AuditValues {
  return {
    goalId: row.goal_id,
    type: row.type,
    description: row.description,
    provider: row.provider,
    timing: parse(row.timing),
    hours: num(row.hours),
    cost: num(row.cost),
    currency: row.currency,
    isFormal: Boolean(row.is_formal),
    funding: row.funding,
    fundingSourceId: row.funding_source_id,
    countsForTrainingRight: Boolean(row.counts_for_training_right),
    supportTime: row.support_time,
    supportBudget: row.support_budget,
    supportLogistics: row.support_logistics,
    supportCoach: row.support_coach,
    followUp: row.follow_up,
    position: num(row.position),
    status: row.status,
    actualHours: num(row.actual_hours),
    actualCost: num(row.actual_cost),
    actualStart: row.actual_start,
    actualEnd: row.actual_end,
    certificateNote: row.certificate_note,
  };
}

export function followUpAuditValues(row: FollowUpRow): AuditValues {
  return { plannedDate: row.planned_date, heldAt: row.held_at, notes: row.notes };
}

/** The person's record as the log knows it: never the password hash, the HR-only facts or the login times. */
export function personAuditValues(row: PersonRow, roles: readonly string[]): AuditValues {
  return {
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    roles: [...roles].sort(),
    status: row.status,
    teamId: row.team_id,
    managerId: row.manager_id,
    functionId: row.function_id,
    startDate: row.start_date,
    endDate: row.end_date,
  };
}

export function organisationAuditValues(row: OrganisationRow): AuditValues {
  return {
    name: row.name,
    country: row.country,
    locale: row.locale,
    timeZone: row.time_zone,
    hrSeesPlanContent: Boolean(row.hr_sees_plan_content),
    exchangeDays: num(row.exchange_days),
    averageFte: num(row.average_fte),
    jointCommittee: row.joint_committee,
    carryOver: Boolean(row.training_carry_over),
    hoursPerDay: num(row.training_hours_per_day),
    consultationBody: row.consultation_body,
  };
}

export function trainingNormAuditValues(row: TrainingDayNormRow): AuditValues {
  return { year: num(row.year), daysPerFte: num(row.days_per_fte), note: row.note };
}

export function budgetAuditValues(row: BudgetRow): AuditValues {
  return {
    year: num(row.year),
    teamId: row.team_id,
    fundingSourceId: row.funding_source_id,
    amount: num(row.amount),
    currency: row.currency,
    isHard: Boolean(row.is_hard),
    note: row.note,
  };
}

export function fundingSourceAuditValues(row: FundingSourceRow): AuditValues {
  return { name: row.name, kind: row.kind, rules: row.rules, active: row.archived_at === null };
}
