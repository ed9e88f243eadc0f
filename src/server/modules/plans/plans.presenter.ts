import type {
  FollowUp,
  PlanAction,
  PlanDetail,
  PlanGoal,
  PlanSummary,
  TalkingPoint,
  VisiblePreparation,
} from '../../../shared/contracts/plans.js';
import type { Actor } from '../../../shared/policies.js';
import { dateIn, exchangeDeadline } from '../../../shared/pop/dates.js';
import { guideSteps } from '../../../shared/pop/guide.js';
import type { PlanEvent } from '../../../shared/pop/phases.js';
import {
  canSeePreparation,
  type PlanPermissions,
  type PlanScope,
  planPartiesOf,
} from '../../../shared/pop/plan-access.js';
import { checkSmart } from '../../../shared/pop/smart.js';
import type {
  ActionStatus,
  EvaluationResult,
  FollowUpState,
  Horizon,
  PlanParty,
  Priority,
  Requester,
} from '../../../shared/pop/vocabulary.js';
import { fullName } from '../../../shared/text.js';
import type {
  ActionRow,
  EvaluationRow,
  FollowUpEntryRow,
  FollowUpRow,
  PlanRow,
  PreparationRow,
  TalkingPointRow,
} from '../../db/schema.js';
import { parseJson, timingOf } from './plan-rows.mapper.js';
import type {
  CommentView,
  GoalView,
  OrganisationSettings,
  PlanContentRows,
  PlanView,
} from './plans.repository.js';

const count = (value: number | string | null) => Number(value ?? 0);
const scopeOf = (row: PlanRow): PlanScope => ({
  organisationId: row.organisation_id,
  employeeId: row.employee_id,
  managerId: row.manager_id,
});

export function presentPlanSummary(
  view: PlanView,
  actor: Actor,
  settings: OrganisationSettings,
): PlanSummary {
  return {
    id: view.id,
    employee: {
      id: view.employee_id,
      name: fullName({ firstName: view.employee_first_name, lastName: view.employee_last_name }),
    },
    manager: {
      id: view.manager_id,
      name: fullName({ firstName: view.manager_first_name, lastName: view.manager_last_name }),
    },
    teamName: view.team_name,
    periodStart: view.period_start,
    periodEnd: view.period_end,
    phase: view.phase as PlanSummary['phase'],
    conversationAt: view.conversation_at,
    exchangeDeadline: exchangeDeadline(
      view.conversation_at,
      settings.time_zone,
      Number(settings.exchange_days),
    ),
    employeeShared: view.employee_shared_at !== null,
    managerShared: view.manager_shared_at !== null,
    disputed: Boolean(view.disagreement),
    revisionOpen: Boolean(view.revision_open),
    cancelled: Boolean(view.cancelled),
    approvedVersion: Number(view.approved_version),
    requestedBy: view.requested_by as Requester,
    previousPlanId: view.previous_plan_id,
    nextPlanId: view.next_plan_id,
    closedAt: view.closed_at,
    counts: {
      goals: count(view.goal_count),
      actions: count(view.action_count),
      actionsDone: count(view.actions_done),
      followUps: count(view.follow_up_count),
      followUpsHeld: count(view.follow_ups_held),
    },
    relation: planPartiesOf(actor, scopeOf(view)),
    createdAt: view.created_at,
    version: Number(view.version),
  };
}

const authorName = (c: CommentView) =>
  c.author_first_name === null
    ? null
    : fullName({ firstName: c.author_first_name, lastName: c.author_last_name ?? '' });

export function presentAction(row: ActionRow, comments: readonly CommentView[]): PlanAction {
  return {
    id: row.id,
    goalId: row.goal_id,
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
    countsForTrainingRight: Boolean(row.counts_for_training_right),
    supportTime: row.support_time,
    supportBudget: row.support_budget,
    supportLogistics: row.support_logistics,
    supportCoach: row.support_coach,
    followUp: row.follow_up,
    status: row.status as ActionStatus,
    actualHours: row.actual_hours === null ? null : Number(row.actual_hours),
    actualCost: row.actual_cost === null ? null : Number(row.actual_cost),
    actualStart: row.actual_start,
    actualEnd: row.actual_end,
    certificateNote: row.certificate_note,
    carriedFromActionId: row.carried_from_action_id,
    comments: comments
      .filter((c) => c.action_id === row.id)
      .map((c) => ({
        id: c.id,
        authorId: c.author_id,
        authorName: authorName(c),
        text: c.text,
        createdAt: c.created_at,
      })),
    version: Number(row.version),
  };
}

export function presentGoal(
  row: GoalView,
  actions: readonly ActionRow[],
  comments: readonly CommentView[],
  plan: Pick<PlanRow, 'period_start' | 'period_end'>,
  today: string,
): PlanGoal {
  const own = actions.filter((a) => a.goal_id === row.id);
  return {
    id: row.id,
    position: row.position,
    title: row.title,
    description: row.description,
    reason: row.reason,
    organisationGoal: row.organisation_goal,
    competencyId: row.competency_id,
    competencyName: row.competency_name,
    priority: row.priority as Priority,
    horizon: row.horizon as Horizon,
    targetDate: row.target_date,
    measure: row.measure,
    confirmSpecific: Boolean(row.confirm_specific),
    confirmMeasurable: Boolean(row.confirm_measurable),
    confirmRealistic: Boolean(row.confirm_realistic),
    confirmTimeBound: Boolean(row.confirm_time_bound),
    acceptableByEmployee: Boolean(row.acceptable_by_employee),
    acceptableByManager: Boolean(row.acceptable_by_manager),
    smart: checkSmart({
      title: row.title,
      description: row.description,
      measure: row.measure,
      targetDate: row.target_date,
      actions: own.map((a) => ({ timing: timingOf(a), cancelled: a.status === 'cancelled' })),
      plan: { periodStart: plan.period_start, periodEnd: plan.period_end },
      confirmations: {
        specific: Boolean(row.confirm_specific),
        measurable: Boolean(row.confirm_measurable),
        realistic: Boolean(row.confirm_realistic),
        timeBound: Boolean(row.confirm_time_bound),
        acceptableByEmployee: Boolean(row.acceptable_by_employee),
        acceptableByManager: Boolean(row.acceptable_by_manager),
      },
      today,
    }),
    carriedFromGoalId: row.carried_from_goal_id,
    evaluationResult: row.evaluation_result as EvaluationResult | null,
    evaluationNote: row.evaluation_note,
    actions: own.map((a) => presentAction(a, comments)),
    version: Number(row.version),
  };
}

export function presentVisiblePreparation(row: PreparationRow): VisiblePreparation {
  return {
    party: row.party as PlanParty,
    visible: true,
    shared: row.shared_at !== null,
    sharedAt: row.shared_at,
    templateName: row.template_name,
    questions: parseJson(row.questions, []),
    answers: parseJson<Record<string, string>>(row.answers, {}),
    updatedAt: row.updated_at,
    version: Number(row.version),
  };
}

export function presentTalkingPoint(row: TalkingPointRow): TalkingPoint {
  return {
    id: row.id,
    party: row.party as PlanParty,
    text: row.text,
    position: row.position,
    version: Number(row.version),
  };
}

export function presentFollowUp(row: FollowUpRow, entries: readonly FollowUpEntryRow[]): FollowUp {
  return {
    id: row.id,
    plannedDate: row.planned_date,
    heldAt: row.held_at,
    notes: row.notes,
    entries: entries
      .filter((e) => e.follow_up_id === row.id)
      .map((e) => ({
        goalId: e.goal_id,
        state: e.state as FollowUpState,
        progress: e.progress,
        acceleration: e.acceleration,
        expectations: e.expectations,
        notes: e.notes,
      })),
    version: Number(row.version),
  };
}

export function presentVisibleEvaluation(row: EvaluationRow) {
  return {
    party: row.party as PlanParty,
    visible: true as const,
    goalsReached: row.goals_reached,
    effectOnFunctioning: row.effect_on_functioning,
    effectOnCareer: row.effect_on_career,
    submittedAt: row.submitted_at,
    version: Number(row.version),
  };
}

const parties: PlanParty[] = ['employee', 'manager'];

export interface DetailAccess {
  actor: Actor;
  settings: OrganisationSettings;
  myParty: PlanParty | null;
  canSeeContent: boolean;
  permissions: PlanPermissions;
  allowedEvents: PlanEvent[];
  now: Date;
}

/**
 * The plan page. What the caller may not read is left out here, not only hidden by the web app: another party's
 * unshared preparation and talking points, another party's unsubmitted evaluation, and all content for HR unless
 * the organisation allows it.
 */
export function presentPlanDetail(view: PlanView, rows: PlanContentRows, access: DetailAccess): PlanDetail {
  const scope = scopeOf(view);
  const today = dateIn(access.settings.time_zone, access.now);
  const isParty = access.myParty !== null;
  const preparationOf = (party: PlanParty) => {
    const row = rows.preparations.find((p) => p.party === party);
    const visible =
      row !== undefined &&
      canSeePreparation(access.actor, scope, { party, isShared: row.shared_at !== null });
    return { row, visible };
  };
  const evaluationOf = (party: PlanParty) => {
    const row = rows.evaluations.find((e) => e.party === party);
    if (row && (access.myParty === party || row.submitted_at !== null)) return presentVisibleEvaluation(row);
    return { party, visible: false as const, submitted: false as const };
  };
  const notes = parseJson<Record<string, string | null>>(view.conversation_notes, {});
  return {
    ...presentPlanSummary(view, access.actor, access.settings),
    myParty: access.myParty,
    allowedEvents: access.allowedEvents,
    permissions: access.permissions,
    employeeApprovedAt: view.employee_approved_at,
    managerApprovedAt: view.manager_approved_at,
    disagreementComment: isParty ? view.disagreement_comment : null,
    evaluationComplete: Boolean(view.evaluation_complete),
    today,
    content: access.canSeeContent
      ? {
          facilities: view.facilities,
          evaluationDate: view.evaluation_date,
          conversationNotes: Object.fromEntries(
            guideSteps.map((step) => [step, notes[step] ?? null]),
          ) as Record<(typeof guideSteps)[number], string | null>,
          goals: rows.goals.map((g) => presentGoal(g, rows.actions, rows.comments, view, today)),
          followUps: rows.followUps.map((f) => presentFollowUp(f, rows.entries)),
          evaluations: { employee: evaluationOf('employee'), manager: evaluationOf('manager') },
        }
      : null,
    preparations: isParty
      ? (Object.fromEntries(
          parties.map((party) => {
            const { row, visible } = preparationOf(party);
            return [
              party,
              row && visible
                ? presentVisiblePreparation(row)
                : { party, visible: false as const, shared: false as const },
            ];
          }),
        ) as PlanDetail['preparations'])
      : null,
    talkingPoints: isParty
      ? (Object.fromEntries(
          parties.map((party) => [
            party,
            preparationOf(party).visible
              ? rows.talkingPoints.filter((t) => t.party === party).map(presentTalkingPoint)
              : [],
          ]),
        ) as PlanDetail['talkingPoints'])
      : null,
    versions: rows.versions.map((v) => ({
      number: v.number,
      employeeApprovedAt: v.employee_approved_at,
      managerApprovedAt: v.manager_approved_at,
      createdAt: v.created_at,
    })),
  };
}
