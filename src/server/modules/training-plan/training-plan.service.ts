import { randomUUID } from 'node:crypto';
import type {
  TrainingPlan,
  TrainingPlanQuery,
  TrainingPlanTask,
  UpdateTrainingPlanSettingsInput,
  UpdateTrainingPlanTaskInput,
} from '../../../shared/contracts/training-plan.js';
import { AppError } from '../../../shared/errors.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import { translate } from '../../../shared/i18n/translate.js';
import { type Actor, canViewTrainingPlan } from '../../../shared/policies.js';
import { isBuiltInActionType } from '../../../shared/pop/action-types.js';
import { dateIn } from '../../../shared/pop/dates.js';
import {
  type ConsultationBody,
  defaultTrainingPlanYear,
  isConsultationBody,
  isTrainingPlanObliged,
  type TrainingPlanTaskKey,
  taskApplies,
  trainingPlanWorkerThreshold,
  workerCount,
} from '../../../shared/pop/training-plan.js';
import { fullName } from '../../../shared/text.js';
import type { AppContext } from '../../context.js';
import { derivedCache } from '../../db/change-generation.js';
import { isUniqueViolation } from '../../db/db-errors.js';
import { guardedUpdate } from '../../db/guarded-update.js';
import { documentText, renderCsv, renderPdf, renderXlsx, safeFileName } from '../../documents/index.js';
import { organisationAuditSnapshot, recordChange, recordOrganisationChange } from '../audit/index.js';
import {
  type ActionTypeLabel,
  activePeople,
  builtInOrder,
  emptyDraft,
  emptyFigures,
  groupFigures,
  headcounts,
  learningRows,
  namedRows,
  type RecordedTask,
  round2,
  targetGroupRows,
  timeline,
  typeRows,
} from './training-plan.domain.js';
import { trainingPlanPdf, trainingPlanSheets } from './training-plan.export.js';
import * as repo from './training-plan.repository.js';

/** The longest list of trainings a page or document shows; the most-followed come first. */
export const trainingListLimit = 250;

const consultationBodyOf = (value: string | null): ConsultationBody | null =>
  isConsultationBody(value) ? value : null;

function requireTrainingPlanAccess(actor: Actor): void {
  if (!canViewTrainingPlan(actor)) throw new AppError('FORBIDDEN');
}

async function organisationOf(ctx: AppContext, actor: Actor) {
  const organisation = await repo.findOrganisation(ctx.database.db, actor.organisationId);
  if (!organisation) throw new AppError('NOT_FOUND');
  return organisation;
}

const recordedTasks = (views: readonly repo.TaskView[]): RecordedTask[] =>
  views.map(({ row, doneByFirstName, doneByLastName }) => ({
    key: row.task_key,
    doneAt: row.done_at,
    doneBy:
      doneByFirstName === null
        ? null
        : fullName({ firstName: doneByFirstName, lastName: doneByLastName ?? '' }),
    note: row.note,
    version: Number(row.version),
  }));

/**
 * The training plan of one year for HR: figures per kind of action, formal and informal learning, team, function
 * and target group, planned against actual; the Belgian obligation and the consultation timeline. What the plans
 * say (descriptions, providers) only when the organisation lets HR read plan content. A fixed number of queries,
 * whatever the size of the organisation.
 */
export async function getTrainingPlan(
  ctx: AppContext,
  actor: Actor,
  query: TrainingPlanQuery,
  locale: Locale,
): Promise<TrainingPlan> {
  return (await buildTrainingPlan(ctx, actor, query, locale)).plan;
}

/**
 * The year's figures per organisation and filter, until the organisation's next write (any request that changes
 * something) or for a minute at most (writes by another process, imports that run on after their request).
 */
const aggregateCache = derivedCache<{
  figures: Awaited<ReturnType<typeof repo.figureRows>>;
  workforceRows: Awaited<ReturnType<typeof repo.headcountRows>>;
  trainings: Awaited<ReturnType<typeof repo.trainingRows>> | null;
}>({ ttlMs: 60_000, maxEntries: 200 });

async function buildTrainingPlan(
  ctx: AppContext,
  actor: Actor,
  query: TrainingPlanQuery,
  locale: Locale,
): Promise<{ plan: TrainingPlan; timeZone: string }> {
  requireTrainingPlanAccess(actor);
  const db = ctx.database.db;
  const organisation = await organisationOf(ctx, actor);
  const today = dateIn(organisation.timeZone, ctx.clock.now());
  const defaultYear = defaultTrainingPlanYear(today);
  const year = query.year ?? defaultYear;
  const filter: repo.TrainingPlanFilter = {
    year,
    teamId: query.teamId,
    functionId: query.functionId,
    formal: query.learning === undefined ? undefined : query.learning === 'formal',
  };
  const canSeeContent = organisation.hrSeesPlanContent;
  // The aggregation over a year's actions is the costly part: kept until the organisation writes anything.
  const aggregates = await aggregateCache.get(
    actor.organisationId,
    JSON.stringify([filter.year, filter.teamId, filter.functionId, filter.formal, canSeeContent]),
    async () => {
      const [figures, workforceRows, trainings] = await Promise.all([
        repo.figureRows(db, actor.organisationId, filter),
        repo.headcountRows(db, actor.organisationId, year),
        canSeeContent ? repo.trainingRows(db, actor.organisationId, filter, trainingListLimit + 1) : null,
      ]);
      return { figures, workforceRows, trainings };
    },
  );
  const { figures, workforceRows, trainings } = aggregates;
  const [tasks, names] = await Promise.all([
    repo.tasksOfYear(db, actor.organisationId, year),
    repo.labels(db, actor.organisationId),
  ]);

  const ownTypes = new Map(names.types.map((t) => [t.id, t]));
  const labelOf = (key: string): ActionTypeLabel => {
    if (isBuiltInActionType(key))
      return { key, label: translate(locale, `pop.actionTypes.${key}`), order: builtInOrder(key) };
    const own = ownTypes.get(key);
    if (own)
      return {
        key,
        label: locale === 'en' && own.nameEn ? own.nameEn : own.nameNl,
        order: 1000 + own.position,
      };
    return { key, label: translate(locale, 'pop.actionTypes.other'), order: Number.MAX_SAFE_INTEGER };
  };

  const workforce = headcounts(workforceRows, filter);
  const total = groupFigures(figures, 'total').get('');
  const consultationBody = consultationBodyOf(organisation.consultationBody);
  const workers = workerCount({
    averageFte: organisation.averageFte,
    activePeople: activePeople(workforceRows),
  });
  const plan: TrainingPlan = {
    year,
    defaultYear,
    today,
    filters: {
      teamId: query.teamId ?? null,
      functionId: query.functionId ?? null,
      learning: query.learning ?? null,
    },
    organisationName: organisation.name,
    currency: 'EUR',
    canSeeContent,
    headcount: workforce.total,
    totals: total?.planned ?? emptyFigures(),
    preparation: total?.preparation ?? emptyDraft(),
    byType: typeRows(groupFigures(figures, 'type'), labelOf),
    byLearning: learningRows(groupFigures(figures, 'learning')),
    byTeam: namedRows('teamId', groupFigures(figures, 'team'), workforce.byTeam, names.teams),
    byFunction: namedRows(
      'functionId',
      groupFigures(figures, 'function'),
      workforce.byFunction,
      names.functions,
    ),
    targetGroups: targetGroupRows({
      risk: groupFigures(figures, 'risk'),
      gender: groupFigures(figures, 'gender'),
      workforce,
    }),
    trainings: trainings
      ? trainings.slice(0, trainingListLimit).map((row) => ({
          description: row.description,
          provider: row.provider,
          typeKey: row.type,
          typeLabel: labelOf(row.type).label,
          isFormal: row.isFormal,
          participants: row.participants,
          actions: row.actions,
          actionsDone: row.done,
          plannedHours: round2(row.hours),
          actualHours: round2(row.actualHours),
          plannedCost: round2(row.cost),
          actualCost: round2(row.actualCost),
        }))
      : null,
    trainingsTruncated: trainings !== null && trainings.length > trainingListLimit,
    belgium: {
      applies: organisation.country === 'BE',
      workers: round2(workers.count),
      workerSource: workers.source,
      threshold: trainingPlanWorkerThreshold,
      obliged: isTrainingPlanObliged(organisation.country, workers.count),
      consultationBody,
      organisationVersion: organisation.version,
      tasks: timeline(year, consultationBody, recordedTasks(tasks), today),
    },
  };
  return { plan, timeZone: organisation.timeZone };
}

/**
 * Ticks a consultation step off (or back on), with a note. A step never recorded has version 0 and is created; two
 * people ticking at once: the second gets a conflict with the current version.
 */
export async function updateTask(
  ctx: AppContext,
  actor: Actor,
  params: { year: number; key: TrainingPlanTaskKey },
  input: UpdateTrainingPlanTaskInput,
): Promise<TrainingPlanTask> {
  requireTrainingPlanAccess(actor);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const organisation = await organisationOf(ctx, actor);
  const body = consultationBodyOf(organisation.consultationBody);
  if (input.done && !taskApplies(params.key, body))
    throw new AppError('INVALID_STATE', { params: { messageKey: 'TRAINING_PLAN_TASK_NOT_APPLICABLE' } });
  try {
    await ctx.database.db.transaction().execute(async (trx) => {
      const current = await repo.findTask(trx, actor.organisationId, params.year, params.key);
      const doneAt = input.done ? (current?.done_at ?? at) : null;
      const doneBy = input.done ? (current?.done_at ? current.done_by : actor.personId) : null;
      const note = input.note === undefined ? (current?.note ?? null) : input.note;
      await recordChange(trx, {
        organisationId: actor.organisationId,
        actor,
        actorRole: 'hr',
        action: 'training_plan.task_updated',
        objectType: 'training_plan_task',
        objectId: `${params.year}:${params.key}`,
        before: current
          ? { year: params.year, task: params.key, doneAt: current.done_at, note: current.note }
          : null,
        after: { year: params.year, task: params.key, doneAt, note },
        at: now,
      });
      if (input.version === 0) {
        if (current) throw new AppError('VERSION_CONFLICT', { currentVersion: Number(current.version) });
        await repo.insertTask(trx, {
          id: randomUUID(),
          organisationId: actor.organisationId,
          year: params.year,
          key: params.key,
          doneAt,
          doneBy,
          note,
          now: at,
        });
        return;
      }
      if (!current) throw new AppError('VERSION_CONFLICT', { currentVersion: 0 });
      await guardedUpdate(
        trx,
        'training_plan_tasks',
        { id: current.id, organisationId: actor.organisationId, version: input.version },
        { done_at: doneAt, done_by: doneBy, note },
        now,
      );
    });
  } catch (error) {
    // Another request recorded the step first.
    if (isUniqueViolation(error)) throw new AppError('VERSION_CONFLICT', { currentVersion: 1, cause: error });
    throw error;
  }
  const today = dateIn(organisation.timeZone, now);
  const tasks = timeline(
    params.year,
    body,
    recordedTasks(await repo.tasksOfYear(ctx.database.db, actor.organisationId, params.year)),
    today,
  );
  const task = tasks.find((t) => t.key === params.key);
  if (!task) throw new AppError('NOT_FOUND');
  return task;
}

/** Who advises on the plan: the works council, the union delegation, or nobody (then there is no consultation). */
export async function updateSettings(
  ctx: AppContext,
  actor: Actor,
  input: UpdateTrainingPlanSettingsInput,
): Promise<{ consultationBody: ConsultationBody | null; organisationVersion: number }> {
  requireTrainingPlanAccess(actor);
  const now = ctx.clock.now();
  const version = await ctx.database.db.transaction().execute(async (trx) => {
    const before = await organisationAuditSnapshot(trx, actor.organisationId);
    const next = await guardedUpdate(
      trx,
      'organisations',
      { id: actor.organisationId, organisationId: actor.organisationId, version: input.version },
      { consultation_body: input.consultationBody },
      now,
    );
    await recordOrganisationChange(trx, { actor, actorRole: 'hr', before, at: now });
    return next;
  });
  return { consultationBody: input.consultationBody, organisationVersion: version };
}

export interface TrainingPlanFile {
  fileName: string;
  bytes: Buffer;
}

/** The training plan as a PDF in the caller's language: the same figures, and content only as the page has it. */
export async function exportTrainingPlanPdf(
  ctx: AppContext,
  actor: Actor,
  query: TrainingPlanQuery,
  locale: Locale,
): Promise<TrainingPlanFile> {
  const { plan, timeZone } = await buildTrainingPlan(ctx, actor, query, locale);
  const text = documentText(locale);
  const definition = trainingPlanPdf(plan, text, { generatedAt: ctx.clock.now(), timeZone });
  return {
    fileName: safeFileName([text.t('trainingPlan.title'), plan.year, plan.organisationName], 'pdf'),
    bytes: await renderPdf(definition),
  };
}

/** The training plan as a workbook: summary, kinds of action, teams, functions, target groups, timeline. */
/** The same sheets as one CSV file, a section per sheet. */
export async function exportTrainingPlanCsv(
  ctx: AppContext,
  actor: Actor,
  query: TrainingPlanQuery,
  locale: Locale,
): Promise<TrainingPlanFile> {
  const { plan, timeZone } = await buildTrainingPlan(ctx, actor, query, locale);
  const text = documentText(locale);
  return {
    fileName: safeFileName([text.t('trainingPlan.title'), plan.year, plan.organisationName], 'csv'),
    bytes: renderCsv(trainingPlanSheets(plan, text, { timeZone })),
  };
}

export async function exportTrainingPlanXlsx(
  ctx: AppContext,
  actor: Actor,
  query: TrainingPlanQuery,
  locale: Locale,
): Promise<TrainingPlanFile> {
  const { plan, timeZone } = await buildTrainingPlan(ctx, actor, query, locale);
  const text = documentText(locale);
  return {
    fileName: safeFileName([text.t('trainingPlan.title'), plan.year, plan.organisationName], 'xlsx'),
    bytes: await renderXlsx({
      sheets: trainingPlanSheets(plan, text, { timeZone }),
      title: text.t('trainingPlan.titleYear', { year: plan.year }),
      creator: plan.organisationName,
      created: ctx.clock.now(),
    }),
  };
}
