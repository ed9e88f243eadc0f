import { z } from 'zod';
import { guideSteps } from '../pop/guide.js';
import { phases, planEvents } from '../pop/phases.js';
import { smartCriteria, smartHints } from '../pop/smart.js';
import {
  actionStatuses,
  currencies,
  evaluationResults,
  followUpStates,
  horizons,
  parties,
  priorities,
  requesters,
} from '../pop/vocabulary.js';
import {
  draftText,
  id,
  isoDate,
  isoDateTime,
  multilineText,
  optionalText,
  text,
  version,
  versionInQuery,
} from './common.js';

/**
 * The POP over HTTP. A plan's content (goals, actions, agreements, follow-ups, evaluations) reaches only its two
 * parties and, where the organisation allows it, HR; a preparation and its talking points reach the other party
 * only once shared. Response objects are plain `z.object`s: the serializer drops any field they do not name.
 */
const party = z.enum(parties);
const personRef = z.object({ id, name: z.string() });
const dateOrNull = z.string().nullable();

// Timing of an action: a date, a date range, a quarter ("Q1 2027") or doorlopend.
export const timingSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('date'), date: isoDate }),
  z.strictObject({ kind: z.literal('range'), from: isoDate, to: isoDate }),
  z.strictObject({
    kind: z.literal('quarter'),
    year: z.number().int().min(2000).max(2100),
    quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  }),
  z.strictObject({ kind: z.literal('ongoing') }),
]);

// Lists.
export const planCounts = z.object({
  goals: z.number(),
  actions: z.number(),
  actionsDone: z.number(),
  followUps: z.number(),
  followUpsHeld: z.number(),
});

export const planSummaryResponse = z.object({
  id,
  employee: personRef,
  manager: personRef,
  teamName: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  phase: z.enum(phases),
  conversationAt: dateOrNull,
  exchangeDeadline: dateOrNull,
  employeeShared: z.boolean(),
  managerShared: z.boolean(),
  /** "Gezien, niet akkoord" was recorded: the plan is stuck until resolved. The comment is for the parties. */
  disputed: z.boolean(),
  revisionOpen: z.boolean(),
  cancelled: z.boolean(),
  approvedVersion: z.number(),
  requestedBy: z.enum(requesters),
  previousPlanId: id.nullable(),
  nextPlanId: id.nullable(),
  closedAt: dateOrNull,
  counts: planCounts,
  /** How the caller relates to the plan. */
  relation: z.array(z.enum(['employee', 'manager', 'hr'])),
  createdAt: z.string(),
  version: z.number(),
});
export type PlanSummary = z.infer<typeof planSummaryResponse>;

export const planListQuery = z.strictObject({
  employeeId: id.optional(),
  phase: z.enum(phases).optional(),
  teamId: id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Words that must all occur in the employee's name or email address. */
  q: z
    .string()
    .trim()
    .max(100)
    .regex(/^[^\p{Cc}]*$/u)
    .optional(),
  /** Only the plans where the caller is this party. */
  as: party.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const planListResponse = z.object({ items: z.array(planSummaryResponse), total: z.number() });
export type PlanList = z.infer<typeof planListResponse>;

// One plan, as the plan page loads it.
export const preparationQuestion = z.object({
  id: z.string(),
  prompt: z.string(),
  help: z.string().nullable(),
  competencyId: id.nullable(),
});

export const visiblePreparation = z.object({
  party,
  visible: z.literal(true),
  shared: z.boolean(),
  sharedAt: dateOrNull,
  templateName: z.string(),
  questions: z.array(preparationQuestion),
  answers: z.record(z.string(), z.string()),
  updatedAt: z.string(),
  version: z.number(),
});
export type VisiblePreparation = z.infer<typeof visiblePreparation>;
export const hiddenPreparation = z.object({ party, visible: z.literal(false), shared: z.literal(false) });
export const preparationResponse = z.union([visiblePreparation, hiddenPreparation]);

export const talkingPointResponse = z.object({
  id,
  party,
  text: z.string(),
  position: z.number(),
  version: z.number(),
});
export type TalkingPoint = z.infer<typeof talkingPointResponse>;

export const actionCommentResponse = z.object({
  id,
  authorId: id.nullable(),
  authorName: z.string().nullable(),
  text: z.string(),
  createdAt: z.string(),
});

export const actionResponse = z.object({
  id,
  goalId: id,
  position: z.number(),
  type: z.string(),
  description: z.string(),
  provider: z.string().nullable(),
  timing: timingSchema.nullable(),
  hours: z.number().nullable(),
  cost: z.number().nullable(),
  currency: z.string(),
  isFormal: z.boolean(),
  funding: z.string().nullable(),
  /** The funding source the action's cost is assigned to (budgets). */
  fundingSourceId: id.nullable(),
  /** Belgium: whether the action counts toward the individual training right. */
  countsForTrainingRight: z.boolean(),
  supportTime: z.string().nullable(),
  supportBudget: z.string().nullable(),
  supportLogistics: z.string().nullable(),
  supportCoach: z.string().nullable(),
  followUp: z.string().nullable(),
  status: z.enum(actionStatuses),
  actualHours: z.number().nullable(),
  actualCost: z.number().nullable(),
  actualStart: dateOrNull,
  actualEnd: dateOrNull,
  certificateNote: z.string().nullable(),
  carriedFromActionId: id.nullable(),
  comments: z.array(actionCommentResponse),
  version: z.number(),
});
export type PlanAction = z.infer<typeof actionResponse>;

export const smartResult = z.object({
  criterion: z.enum(smartCriteria),
  hints: z.array(z.enum(smartHints)),
  confirmed: z.boolean(),
  holds: z.boolean(),
});

export const goalResponse = z.object({
  id,
  position: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  reason: z.string().nullable(),
  organisationGoal: z.string().nullable(),
  competencyId: id.nullable(),
  competencyName: z.string().nullable(),
  priority: z.enum(priorities),
  horizon: z.enum(horizons),
  targetDate: dateOrNull,
  measure: z.string().nullable(),
  confirmSpecific: z.boolean(),
  confirmMeasurable: z.boolean(),
  confirmRealistic: z.boolean(),
  confirmTimeBound: z.boolean(),
  acceptableByEmployee: z.boolean(),
  acceptableByManager: z.boolean(),
  smart: z.array(smartResult),
  carriedFromGoalId: id.nullable(),
  evaluationResult: z.enum(evaluationResults).nullable(),
  evaluationNote: z.string().nullable(),
  actions: z.array(actionResponse),
  version: z.number(),
});
export type PlanGoal = z.infer<typeof goalResponse>;

export const followUpEntryResponse = z.object({
  goalId: id,
  state: z.enum(followUpStates),
  progress: z.string().nullable(),
  acceleration: z.string().nullable(),
  expectations: z.string().nullable(),
  notes: z.string().nullable(),
});

export const followUpResponse = z.object({
  id,
  plannedDate: z.string(),
  heldAt: dateOrNull,
  notes: z.string().nullable(),
  entries: z.array(followUpEntryResponse),
  version: z.number(),
});
export type FollowUp = z.infer<typeof followUpResponse>;

export const visibleEvaluation = z.object({
  party,
  visible: z.literal(true),
  goalsReached: z.string().nullable(),
  effectOnFunctioning: z.string().nullable(),
  effectOnCareer: z.string().nullable(),
  submittedAt: dateOrNull,
  version: z.number(),
});
export const hiddenEvaluation = z.object({ party, visible: z.literal(false), submitted: z.literal(false) });
export const evaluationResponse = z.union([visibleEvaluation, hiddenEvaluation]);

export const conversationNotes = z.object(
  Object.fromEntries(guideSteps.map((step) => [step, z.string().nullable()])) as Record<
    (typeof guideSteps)[number],
    z.ZodNullable<z.ZodString>
  >,
);

export const planVersionSummary = z.object({
  number: z.number(),
  employeeApprovedAt: z.string(),
  managerApprovedAt: z.string(),
  createdAt: z.string(),
});

export const planPermissionsResponse = z.object({
  canSeeContent: z.boolean(),
  canSeePreparations: z.boolean(),
  canEditContent: z.boolean(),
  canEditNotes: z.boolean(),
  canEditOwnPreparation: z.boolean(),
  canShareOwnPreparation: z.boolean(),
  canPlanConversation: z.boolean(),
  canUpdateProgress: z.boolean(),
  canComment: z.boolean(),
  canManageFollowUps: z.boolean(),
  canHoldFollowUps: z.boolean(),
  canEvaluate: z.boolean(),
  canSetGoalResults: z.boolean(),
  canChangeManager: z.boolean(),
  canCarryOver: z.boolean(),
});

export const planContentResponse = z.object({
  facilities: z.string().nullable(),
  evaluationDate: dateOrNull,
  conversationNotes,
  goals: z.array(goalResponse),
  followUps: z.array(followUpResponse),
  evaluations: z.object({ employee: evaluationResponse, manager: evaluationResponse }),
});

export const planDetailResponse = planSummaryResponse.extend({
  /** The caller's side of the plan, if they are one of its parties. */
  myParty: party.nullable(),
  allowedEvents: z.array(z.enum(planEvents)),
  permissions: planPermissionsResponse,
  employeeApprovedAt: dateOrNull,
  managerApprovedAt: dateOrNull,
  disagreementComment: z.string().nullable(),
  evaluationComplete: z.boolean(),
  /** Today in the organisation's time zone, the day the SMART hints were computed for. */
  today: z.string(),
  content: planContentResponse.nullable(),
  preparations: z.object({ employee: preparationResponse, manager: preparationResponse }).nullable(),
  talkingPoints: z
    .object({ employee: z.array(talkingPointResponse), manager: z.array(talkingPointResponse) })
    .nullable(),
  versions: z.array(planVersionSummary),
});
export type PlanDetail = z.infer<typeof planDetailResponse>;

// Starting plans.
const period = {
  periodStart: isoDate.optional(),
  periodEnd: isoDate.optional(),
};
const carryOver = {
  previousPlanId: id.optional(),
  carryGoalIds: z.array(id).max(100).optional(),
  carryActionIds: z.array(id).max(500).optional(),
};

export const createPlanBody = z.strictObject({
  employeeId: id,
  ...period,
  conversationAt: isoDateTime.nullable().optional(),
  ...carryOver,
});
export type CreatePlanInput = z.infer<typeof createPlanBody>;

/** An employee asks for a plan for themselves; it starts in voorbereiding and shows up for their manager. */
export const requestPlanBody = z.strictObject({ ...period, ...carryOver });

export const batchPlansBody = z.strictObject({
  personIds: z.array(id).min(1).max(2000).optional(),
  teamId: id.optional(),
  wholeOrganisation: z.literal(true).optional(),
  window: z.strictObject({ from: isoDate, to: isoDate }),
  ...period,
});
export type BatchPlansInput = z.infer<typeof batchPlansBody>;

export const batchSkipReasons = ['open_plan', 'no_manager', 'not_found', 'inactive', 'self'] as const;
export const batchPlansResponse = z.object({
  created: z.array(
    z.object({ planId: id, employeeId: id, employeeName: z.string(), conversationAt: z.string() }),
  ),
  skipped: z.array(z.object({ personId: id, name: z.string().nullable(), reason: z.enum(batchSkipReasons) })),
});
export type BatchPlansResult = z.infer<typeof batchPlansResponse>;

export const updatePlanBody = z.strictObject({
  conversationAt: isoDateTime.nullable().optional(),
  periodStart: isoDate.optional(),
  periodEnd: isoDate.optional(),
  facilities: optionalText(4000),
  evaluationDate: isoDate.nullable().optional(),
  conversationNotes: z
    .strictObject(
      Object.fromEntries(guideSteps.map((step) => [step, optionalText(20000)])) as Record<
        (typeof guideSteps)[number],
        ReturnType<typeof optionalText>
      >,
    )
    .optional(),
  managerId: id.optional(),
  version,
});
export type UpdatePlanInput = z.infer<typeof updatePlanBody>;

export const planEventBody = z.strictObject({
  event: z.enum(planEvents),
  version,
  /** Required with record_disagreement ("gezien, niet akkoord"). */
  comment: multilineText(2000).optional(),
});
export type PlanEventInput = z.infer<typeof planEventBody>;

// Versions.
export const versionParams = z.strictObject({ id, number: z.coerce.number().int().min(1).max(100_000) });
export const diffParams = z.strictObject({
  id,
  a: z.coerce.number().int().min(1).max(100_000),
  b: z.coerce.number().int().min(1).max(100_000),
});

const snapshotAction = z.object({
  id,
  position: z.number(),
  type: z.string(),
  description: z.string(),
  provider: z.string().nullable(),
  timing: timingSchema.nullable(),
  hours: z.number().nullable(),
  cost: z.number().nullable(),
  currency: z.string(),
  isFormal: z.boolean(),
  funding: z.string().nullable(),
  fundingSourceId: id.nullable(),
  /** The source's name when the version was approved. */
  fundingSourceName: z.string().nullable(),
  countsForTrainingRight: z.boolean(),
  supportTime: z.string().nullable(),
  supportBudget: z.string().nullable(),
  supportLogistics: z.string().nullable(),
  supportCoach: z.string().nullable(),
  followUp: z.string().nullable(),
});
const snapshotGoal = z.object({
  id,
  position: z.number(),
  title: z.string(),
  description: z.string().nullable(),
  reason: z.string().nullable(),
  organisationGoal: z.string().nullable(),
  competencyId: id.nullable(),
  competencyName: z.string().nullable(),
  priority: z.string(),
  horizon: z.string(),
  targetDate: dateOrNull,
  measure: z.string().nullable(),
  confirmSpecific: z.boolean(),
  confirmMeasurable: z.boolean(),
  confirmRealistic: z.boolean(),
  confirmTimeBound: z.boolean(),
  acceptableByEmployee: z.boolean(),
  acceptableByManager: z.boolean(),
  actions: z.array(snapshotAction),
});
export const planSnapshotSchema = z.object({
  periodStart: z.string(),
  periodEnd: z.string(),
  facilities: z.string().nullable(),
  evaluationDate: dateOrNull,
  followUpDates: z.array(z.string()),
  goals: z.array(snapshotGoal),
});

export const planVersionResponse = planVersionSummary.extend({ snapshot: planSnapshotSchema });

const fieldChange = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });
export const planDiffResponse = z.object({
  from: z.number(),
  to: z.number(),
  agreements: z.array(fieldChange),
  goals: z.object({
    added: z.array(z.object({ id, title: z.string() })),
    removed: z.array(z.object({ id, title: z.string() })),
    changed: z.array(z.object({ id, title: z.string(), changes: z.array(fieldChange) })),
  }),
  actions: z.object({
    added: z.array(z.object({ id, goalId: id, description: z.string() })),
    removed: z.array(z.object({ id, goalId: id, description: z.string() })),
    changed: z.array(z.object({ id, goalId: id, description: z.string(), changes: z.array(fieldChange) })),
  }),
});

// Preparations and talking points: always the caller's own.
export const savePreparationBody = z.strictObject({
  answers: z.record(z.string().min(1).max(80), draftText(20_000)),
  version,
});
export const versionBody = z.strictObject({ version });
export const versionQuery = z.strictObject({ version: versionInQuery });

export const createTalkingPointBody = z.strictObject({ text: multilineText(2000) });
export const updateTalkingPointBody = z.strictObject({
  text: multilineText(2000).optional(),
  position: z.number().int().min(0).max(1000).optional(),
  version,
});
export const talkingPointParams = z.strictObject({ id, pointId: id });

// Goals (ontwikkeldoelen).
const goalFields = {
  description: optionalText(4000),
  reason: optionalText(2000),
  organisationGoal: optionalText(500),
  competencyId: id.nullable().optional(),
  priority: z.enum(priorities).optional(),
  horizon: z.enum(horizons).optional(),
  targetDate: isoDate.nullable().optional(),
  measure: optionalText(2000),
  position: z.number().int().min(0).max(1000).optional(),
  confirmSpecific: z.boolean().optional(),
  confirmMeasurable: z.boolean().optional(),
  confirmRealistic: z.boolean().optional(),
  confirmTimeBound: z.boolean().optional(),
  /** The caller's own "Acceptabel": each party confirms for itself. */
  acceptable: z.boolean().optional(),
};
export const createGoalBody = z.strictObject({ title: text(200), ...goalFields });
export type CreateGoalInput = z.infer<typeof createGoalBody>;
export const updateGoalBody = z.strictObject({
  title: text(200).optional(),
  ...goalFields,
  /** In evaluatie: the outcome of this goal. */
  evaluationResult: z.enum(evaluationResults).nullable().optional(),
  evaluationNote: optionalText(4000),
  version,
});
export type UpdateGoalInput = z.infer<typeof updateGoalBody>;

// Actions (acties / VTO(C)-maatregelen).
const money = z.number().min(0).max(10_000_000);
const hours = z.number().min(0).max(10_000);
const actionFields = {
  provider: optionalText(200),
  timing: timingSchema.nullable().optional(),
  hours: hours.nullable().optional(),
  cost: money.nullable().optional(),
  currency: z.enum(currencies).optional(),
  isFormal: z.boolean().optional(),
  funding: optionalText(500),
  /** An active funding source of the organisation, or null. */
  fundingSourceId: id.nullable().optional(),
  /** Without it, a new action takes the default of its kind of action. */
  countsForTrainingRight: z.boolean().optional(),
  supportTime: optionalText(500),
  supportBudget: optionalText(500),
  supportLogistics: optionalText(500),
  supportCoach: optionalText(500),
  followUp: optionalText(1000),
  position: z.number().int().min(0).max(1000).optional(),
};
const actionType = z.string().trim().min(1).max(64);
export const createActionBody = z.strictObject({
  type: actionType,
  description: multilineText(2000),
  ...actionFields,
});
export type CreateActionInput = z.infer<typeof createActionBody>;
export const updateActionBody = z.strictObject({
  type: actionType.optional(),
  description: multilineText(2000).optional(),
  goalId: id.optional(),
  ...actionFields,
  version,
});
export type UpdateActionInput = z.infer<typeof updateActionBody>;

export const actionProgressBody = z.strictObject({
  status: z.enum(actionStatuses).optional(),
  actualHours: hours.nullable().optional(),
  actualCost: money.nullable().optional(),
  actualStart: isoDate.nullable().optional(),
  actualEnd: isoDate.nullable().optional(),
  certificateNote: optionalText(1000),
  version,
});
export type ActionProgressInput = z.infer<typeof actionProgressBody>;

export const createCommentBody = z.strictObject({ text: multilineText(4000) });

// Follow-ups (opvolgingsmomenten).
export const createFollowUpBody = z.strictObject({ plannedDate: isoDate });
export const updateFollowUpBody = z.strictObject({
  plannedDate: isoDate.optional(),
  held: z.boolean().optional(),
  notes: optionalText(10_000),
  entries: z
    .array(
      z.strictObject({
        goalId: id,
        state: z.enum(followUpStates),
        progress: optionalText(10_000),
        acceleration: optionalText(10_000),
        expectations: optionalText(10_000),
        notes: optionalText(10_000),
      }),
    )
    .max(100)
    .optional(),
  version,
});
export type UpdateFollowUpInput = z.infer<typeof updateFollowUpBody>;

// Evaluation.
export const saveEvaluationBody = z.strictObject({
  goalsReached: optionalText(10_000),
  effectOnFunctioning: optionalText(10_000),
  effectOnCareer: optionalText(10_000),
  version,
});
export type SaveEvaluationInput = z.infer<typeof saveEvaluationBody>;

// The next cycle.
export const carryOverResponse = z.object({
  planId: id,
  goals: z.array(
    z.object({
      id,
      title: z.string(),
      evaluationResult: z.enum(evaluationResults).nullable(),
      actions: z.array(z.object({ id, description: z.string(), status: z.enum(actionStatuses) })),
    }),
  ),
});
