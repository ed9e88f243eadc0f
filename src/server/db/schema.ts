import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** ISO-8601 UTC timestamp string on both databases. */
type Timestamp = string;
/** `YYYY-MM-DD`. */
type DateOnly = string;
/** Written as 0/1 (SQLite has no boolean), read as 0/1 or false/true: read through `Boolean()`. */
type Bool = ColumnType<boolean | number, 0 | 1, 0 | 1>;
/** A boolean column with a default: optional on insert. */
type BoolWithDefault = ColumnType<boolean | number, 0 | 1 | undefined, 0 | 1>;

export interface InstallStateTable {
  key: string;
  value: string;
  created_at: Timestamp;
}

export interface OrganisationTable {
  id: string;
  name: string;
  country: string;
  locale: string;
  time_zone: string;
  is_demo: Bool;
  hr_sees_plan_content: BoolWithDefault;
  exchange_days: Generated<number>;
  /** Moved by the database when teams, functions, competencies, action types or people change (migration 0011). */
  catalogue_revision: Generated<number>;
  /** Average FTE entered by HR; null = computed from the people records. */
  average_fte: number | null;
  /** Paritair comité, e.g. "319.01". */
  joint_committee: string | null;
  training_carry_over: BoolWithDefault;
  /** Hours of training that make one training day. */
  training_hours_per_day: Generated<number>;
  /** works_council | union_delegation | none; null = not chosen yet. */
  consultation_body: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface TeamTable {
  id: string;
  organisation_id: string;
  name: string;
  name_key: string;
  description: string | null;
  parent_id: string | null;
  manager_id: string | null;
  archived_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface JobFunctionTable {
  id: string;
  organisation_id: string;
  name: string;
  name_key: string;
  description: string | null;
  archived_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CompetencyTable {
  id: string;
  organisation_id: string;
  name: string;
  name_key: string;
  description: string | null;
  /** JSON array of behavioural indicators (strings). */
  indicators: string;
  archived_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface FunctionCompetencyTable {
  function_id: string;
  competency_id: string;
  organisation_id: string;
  position: number;
}

export interface PersonTable {
  id: string;
  organisation_id: string;
  first_name: string;
  last_name: string;
  email: string;
  email_key: string;
  search_key: string;
  function_id: string | null;
  team_id: string | null;
  manager_id: string | null;
  start_date: DateOnly | null;
  end_date: DateOnly | null;
  fte: number;
  work_regime: string | null;
  /** HR-only: belongs to a risk group of the training plan (counted, never shown to others). */
  risk_group: BoolWithDefault;
  /** HR-only: female | male | x; null = not recorded. Counted in the training plan. */
  gender: string | null;
  employment_country: string;
  locale: string;
  status: string;
  password_hash: string | null;
  invited_at: Timestamp | null;
  last_login_at: Timestamp | null;
  /** While set, nothing about the person is purged or erased (migration 0008). */
  legal_hold: BoolWithDefault;
  legal_hold_reason: ColumnType<string | null, string | null | undefined, string | null>;
  legal_hold_set_by: ColumnType<string | null, string | null | undefined, string | null>;
  legal_hold_set_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  /** Erased on request: the record is a pseudonym since (see person_erasures). */
  erased_at: ColumnType<Timestamp | null, Timestamp | null | undefined, Timestamp | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PersonRoleTable {
  person_id: string;
  organisation_id: string;
  role: string;
}

export interface SessionTable {
  id: string;
  person_id: string;
  organisation_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuthTokenTable {
  id: string;
  token_hash: string;
  organisation_id: string;
  person_id: string;
  purpose: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface ThrottleTable {
  key: string;
  failures: number;
  window_started_at: Timestamp;
  blocked_until: Timestamp | null;
}

export interface EmailTable {
  id: string;
  organisation_id: string | null;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: string;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  /** When a failed delivery is tried again (backoff); null = not waiting for a retry. */
  next_attempt_at: Timestamp | null;
  /** A process that is delivering the email now; a claim older than a timeout may be taken over. */
  claimed_at: Timestamp | null;
  claim_token: string | null;
  /** JSON array of `{ filename, contentType, content, method? }`. */
  attachments: string | null;
}

export interface PreparationTemplateTable {
  id: string;
  organisation_id: string;
  party: string;
  kind: string;
  name: string;
  description: string | null;
  is_default: Bool;
  builtin_key: string | null;
  archived_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface TemplateQuestionTable {
  id: string;
  organisation_id: string;
  template_id: string;
  position: number;
  prompt: string;
  help: string | null;
}

export interface TemplateAssignmentTable {
  id: string;
  organisation_id: string;
  template_id: string;
  party: string;
  team_id: string | null;
  function_id: string | null;
}

export interface ActionTypeTable {
  id: string;
  organisation_id: string;
  name_nl: string;
  name_en: string | null;
  is_formal: Bool;
  counts_for_training_right: BoolWithDefault;
  active: Bool;
  position: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PlanTable {
  id: string;
  organisation_id: string;
  employee_id: string;
  manager_id: string;
  period_start: DateOnly;
  period_end: DateOnly;
  phase: string;
  conversation_at: Timestamp | null;
  employee_approved_at: Timestamp | null;
  manager_approved_at: Timestamp | null;
  disagreement: Bool;
  disagreement_comment: string | null;
  revision_open: Bool;
  evaluation_complete: Bool;
  cancelled: Bool;
  approved_version: Generated<number>;
  previous_plan_id: string | null;
  requested_by: string;
  facilities: string | null;
  evaluation_date: DateOnly | null;
  /** JSON object: notes per step of the conversation guide. */
  conversation_notes: string;
  closed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  /** Moved by the database on any change the plan page shows (migration 0009); the application only moves it on. */
  page_revision: Generated<number>;
}

export interface PreparationTable {
  id: string;
  organisation_id: string;
  plan_id: string;
  party: string;
  template_id: string | null;
  template_name: string;
  /** JSON array of the questions as they were when the plan started. */
  questions: string;
  /** JSON object: answer per question id. */
  answers: string;
  shared_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface TalkingPointTable {
  id: string;
  organisation_id: string;
  plan_id: string;
  party: string;
  text: string;
  position: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface GoalTable {
  id: string;
  organisation_id: string;
  plan_id: string;
  position: number;
  title: string;
  description: string | null;
  reason: string | null;
  organisation_goal: string | null;
  competency_id: string | null;
  priority: string;
  horizon: string;
  target_date: DateOnly | null;
  measure: string | null;
  confirm_specific: Bool;
  confirm_measurable: Bool;
  confirm_realistic: Bool;
  confirm_time_bound: Bool;
  acceptable_by_employee: Bool;
  acceptable_by_manager: Bool;
  carried_from_goal_id: string | null;
  evaluation_result: string | null;
  evaluation_note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ActionTable {
  id: string;
  organisation_id: string;
  plan_id: string;
  goal_id: string;
  position: number;
  type: string;
  description: string;
  provider: string | null;
  /** JSON of a `Timing` (src/shared/pop/timing.ts). */
  timing: string | null;
  hours: number | null;
  cost: number | null;
  currency: string;
  is_formal: Bool;
  funding: string | null;
  funding_source_id: string | null;
  counts_for_training_right: BoolWithDefault;
  support_time: string | null;
  support_budget: string | null;
  support_logistics: string | null;
  support_coach: string | null;
  follow_up: string | null;
  status: string;
  actual_hours: number | null;
  actual_cost: number | null;
  actual_start: DateOnly | null;
  actual_end: DateOnly | null;
  certificate_note: string | null;
  carried_from_action_id: string | null;
  /** The year the action counts in (`actionYear()`), kept by database triggers (migration 0004); never written. */
  plan_year: ColumnType<number | null, never, never>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ActionCommentTable {
  id: string;
  organisation_id: string;
  plan_id: string;
  action_id: string;
  author_id: string | null;
  text: string;
  created_at: Timestamp;
}

export interface FollowUpTable {
  id: string;
  organisation_id: string;
  plan_id: string;
  planned_date: DateOnly;
  held_at: Timestamp | null;
  notes: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface FollowUpEntryTable {
  id: string;
  organisation_id: string;
  plan_id: string;
  follow_up_id: string;
  goal_id: string;
  state: string;
  progress: string | null;
  acceleration: string | null;
  expectations: string | null;
  notes: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanVersionTable {
  id: string;
  organisation_id: string;
  plan_id: string;
  number: number;
  /** JSON of a `PlanSnapshot` (src/shared/pop/plan-snapshot.ts). */
  snapshot: string;
  employee_approved_at: Timestamp;
  manager_approved_at: Timestamp;
  created_at: Timestamp;
}

export interface EvaluationTable {
  id: string;
  organisation_id: string;
  plan_id: string;
  party: string;
  goals_reached: string | null;
  effect_on_functioning: string | null;
  effect_on_career: string | null;
  submitted_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface TrainingDayNormTable {
  id: string;
  organisation_id: string;
  year: number;
  days_per_fte: number;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface FundingSourceTable {
  id: string;
  organisation_id: string;
  name: string;
  name_key: string;
  /** vivo | sector_fund | subsidy | own | personal_budget | other */
  kind: string;
  rules: string | null;
  archived_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface BudgetTable {
  id: string;
  organisation_id: string;
  year: number;
  team_id: string | null;
  funding_source_id: string | null;
  /** `${team_id ?? '-'}:${funding_source_id ?? '-'}`: one budget per scope and year. */
  scope_key: string;
  amount: number;
  currency: string;
  is_hard: BoolWithDefault;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface TrainingPlanTaskTable {
  id: string;
  organisation_id: string;
  year: number;
  /** draft_to_council | advice | final */
  task_key: string;
  done_at: Timestamp | null;
  done_by: string | null;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface LearningAccountExportTable {
  id: string;
  organisation_id: string;
  /** yearly | quarterly | new_hire */
  kind: string;
  /** `2027`, `2027-Q1`, or the hire's start date. */
  period: string;
  person_id: string | null;
  exported_at: Timestamp;
  exported_by: string | null;
  records: number;
}

export interface BalanceStatementTable {
  id: string;
  organisation_id: string;
  person_id: string;
  year: number;
  sent_at: Timestamp;
  sent_by: string | null;
}

/** An email scheduled in the database (migration 0005): claimed with a guarded update before it is sent. */
export interface ReminderTable {
  id: string;
  organisation_id: string;
  dedupe_key: string;
  kind: string;
  recipient_id: string;
  plan_id: string | null;
  due_at: Timestamp;
  /** pending | claimed | sent | digest | skipped | failed */
  status: string;
  claimed_at: Timestamp | null;
  claim_token: string | null;
  attempts: Generated<number>;
  email_id: string | null;
  /** Why it was skipped (moved_on | off), or the last error. */
  outcome: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NotificationTable {
  id: string;
  organisation_id: string;
  recipient_id: string;
  dedupe_key: string;
  kind: string;
  plan_id: string | null;
  /** JSON: names and dates of the message, never plan content. */
  params: string;
  link: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface NotificationPreferenceTable {
  organisation_id: string;
  person_id: string;
  kind: string;
  /** instant | digest | off */
  mode: string;
  updated_at: Timestamp;
}

export interface NotificationSettingsTable {
  id: string;
  organisation_id: string;
  /** JSON array of notification kinds. */
  mandatory_kinds: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CalendarEventTable {
  id: string;
  organisation_id: string;
  uid: string;
  plan_id: string;
  kind: string;
  ref_id: string | null;
  signature: string;
  sequence: Generated<number>;
  cancelled_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CalendarFeedTable {
  id: string;
  organisation_id: string;
  person_id: string;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
}

/** The last recorded read of a plan's content per reader (migration 0013): decides whether a read is recorded again. */
export interface PlanReadTable {
  organisation_id: string;
  plan_id: string;
  reader_id: string;
  read_at: Timestamp;
}

export interface AuditEventTable {
  /** Grows with every row (the order rows were written in); never written by the application. */
  id: Generated<number>;
  organisation_id: string;
  occurred_at: Timestamp;
  /** Null for the system (jobs). */
  actor_id: string | null;
  /** employee | manager | hr | admin | system: the capacity the actor acted in. */
  actor_role: string | null;
  /** Dotted code, e.g. `plan.read`, `goal.updated` (src/shared/contracts/audit.ts). */
  action: string;
  object_type: string;
  object_id: string | null;
  /** The person whose plan or record the row concerns. */
  subject_person_id: string | null;
  plan_id: string | null;
  /** JSON `{ field: { before?, after? } }` of whitelisted fields; null when nothing but the act itself is recorded. */
  changes: string | null;
  request_id: string | null;
}

/** Months per category after a person left (the audit log: after the event); null = the country's default. */
export interface RetentionSettingsTable {
  organisation_id: string;
  plan_content_months: number | null;
  training_records_months: number | null;
  audit_log_months: number | null;
  accounts_months: number | null;
  updated_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** An erasure on request: who, when, why, and what was kept (JSON), never the erased data itself. */
export interface PersonErasureTable {
  id: string;
  organisation_id: string;
  person_id: string;
  pseudonym: string;
  erased_at: Timestamp;
  erased_by: string | null;
  reason: string;
  /** JSON `[{ category, count, basis }]`. */
  kept: string;
  /** JSON `{ kind: count }`. */
  removed: string;
}

/** A category of one person's data the retention purge removed. */
export interface RetentionPurgeTable {
  organisation_id: string;
  person_id: string;
  category: string;
  purged_at: Timestamp;
  /** JSON `{ kind: count }`. */
  removed: string;
}

/** The daily purge of one organisation, claimed before it runs. */
export interface PrivacyPurgeRunTable {
  organisation_id: string;
  day: DateOnly;
  claimed_at: Timestamp;
  claim_token: string;
  finished_at: Timestamp | null;
  /** JSON of the run's counts. */
  report: string | null;
}

export interface Database {
  install_state: InstallStateTable;
  organisations: OrganisationTable;
  teams: TeamTable;
  job_functions: JobFunctionTable;
  competencies: CompetencyTable;
  function_competencies: FunctionCompetencyTable;
  people: PersonTable;
  person_roles: PersonRoleTable;
  sessions: SessionTable;
  auth_tokens: AuthTokenTable;
  throttles: ThrottleTable;
  emails: EmailTable;
  preparation_templates: PreparationTemplateTable;
  template_questions: TemplateQuestionTable;
  template_assignments: TemplateAssignmentTable;
  action_types: ActionTypeTable;
  plans: PlanTable;
  preparations: PreparationTable;
  talking_points: TalkingPointTable;
  goals: GoalTable;
  actions: ActionTable;
  action_comments: ActionCommentTable;
  follow_ups: FollowUpTable;
  follow_up_entries: FollowUpEntryTable;
  plan_versions: PlanVersionTable;
  evaluations: EvaluationTable;
  training_day_norms: TrainingDayNormTable;
  funding_sources: FundingSourceTable;
  budgets: BudgetTable;
  training_plan_tasks: TrainingPlanTaskTable;
  learning_account_exports: LearningAccountExportTable;
  balance_statements: BalanceStatementTable;
  reminders: ReminderTable;
  notifications: NotificationTable;
  notification_preferences: NotificationPreferenceTable;
  notification_settings: NotificationSettingsTable;
  calendar_events: CalendarEventTable;
  calendar_feeds: CalendarFeedTable;
  audit_events: AuditEventTable;
  plan_reads: PlanReadTable;
  retention_settings: RetentionSettingsTable;
  person_erasures: PersonErasureTable;
  retention_purges: RetentionPurgeTable;
  privacy_purge_runs: PrivacyPurgeRunTable;
}

export type OrganisationRow = Selectable<OrganisationTable>;
export type TeamRow = Selectable<TeamTable>;
export type JobFunctionRow = Selectable<JobFunctionTable>;
export type CompetencyRow = Selectable<CompetencyTable>;
export type PersonRow = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;
export type SessionRow = Selectable<SessionTable>;
export type EmailRow = Selectable<EmailTable>;
export type PreparationTemplateRow = Selectable<PreparationTemplateTable>;
export type TemplateQuestionRow = Selectable<TemplateQuestionTable>;
export type TemplateAssignmentRow = Selectable<TemplateAssignmentTable>;
export type ActionTypeRow = Selectable<ActionTypeTable>;
export type PlanRow = Selectable<PlanTable>;
export type PreparationRow = Selectable<PreparationTable>;
export type TalkingPointRow = Selectable<TalkingPointTable>;
export type GoalRow = Selectable<GoalTable>;
export type NewGoal = Insertable<GoalTable>;
export type ActionRow = Selectable<ActionTable>;
export type NewAction = Insertable<ActionTable>;
export type ActionCommentRow = Selectable<ActionCommentTable>;
export type FollowUpRow = Selectable<FollowUpTable>;
export type FollowUpEntryRow = Selectable<FollowUpEntryTable>;
export type PlanVersionRow = Selectable<PlanVersionTable>;
export type EvaluationRow = Selectable<EvaluationTable>;
export type TrainingDayNormRow = Selectable<TrainingDayNormTable>;
export type FundingSourceRow = Selectable<FundingSourceTable>;
export type BudgetRow = Selectable<BudgetTable>;
export type TrainingPlanTaskRow = Selectable<TrainingPlanTaskTable>;
export type LearningAccountExportRow = Selectable<LearningAccountExportTable>;
export type BalanceStatementRow = Selectable<BalanceStatementTable>;
export type ReminderRow = Selectable<ReminderTable>;
export type NotificationRow = Selectable<NotificationTable>;
export type CalendarEventRow = Selectable<CalendarEventTable>;
export type AuditEventRow = Selectable<AuditEventTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
export type RetentionSettingsRow = Selectable<RetentionSettingsTable>;
export type PersonErasureRow = Selectable<PersonErasureTable>;
