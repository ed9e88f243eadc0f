import type { PlanDetail } from '../../../shared/contracts/plans.js';
import { AppError } from '../../../shared/errors.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import { translate } from '../../../shared/i18n/translate.js';
import type { Actor } from '../../../shared/policies.js';
import { isBuiltInActionType } from '../../../shared/pop/action-types.js';
import { dateIn } from '../../../shared/pop/dates.js';
import { parties } from '../../../shared/pop/vocabulary.js';
import type { AppContext } from '../../context.js';
import {
  type DocumentText,
  documentText,
  preparationFormPdf,
  renderPdf,
  safeFileName,
} from '../../documents/index.js';
import { getOwnPreparation, getPlan, getVersion } from '../plans/index.js';
import {
  documentLocale,
  emptyPopFormPdf,
  followUpsFromPlan,
  goalsFromPlan,
  goalsFromSnapshot,
  type PopDocumentData,
  type PopGoal,
  popDocumentPdf,
} from './plan-documents.export.js';
import * as repo from './plan-documents.repository.js';

/**
 * PDFs of a POP. Every document is read through the plan services the JSON routes use, so it is refused exactly as
 * they refuse (another organisation, a plan one is no party of, content HR may not read: 404), and built only from
 * what both parties agreed: the preparations and talking points are never passed to a document.
 */
export interface DocumentFile {
  fileName: string;
  bytes: Buffer;
}

async function organisationOf(ctx: AppContext, organisationId: string) {
  const organisation = await repo.findOrganisation(ctx.database.db, organisationId);
  if (!organisation) throw new AppError('NOT_FOUND');
  return organisation;
}

/** Names the kinds of action: built-in ones from the catalogue, the organisation's own from their record. */
async function actionTypeLabels(
  ctx: AppContext,
  organisationId: string,
  types: readonly string[],
  locale: Locale,
): Promise<(type: string) => string> {
  const own = [...new Set(types.filter((type) => !isBuiltInActionType(type)))];
  const rows = await repo.actionTypeNames(ctx.database.db, organisationId, own);
  const names = new Map(rows.map((r) => [r.id, locale === 'en' && r.name_en ? r.name_en : r.name_nl]));
  return (type) =>
    isBuiltInActionType(type)
      ? translate(locale, `pop.actionTypes.${type}`)
      : (names.get(type) ?? translate(locale, 'plan.actions.customType'));
}

type PlanContent = NonNullable<PlanDetail['content']>;

/** What happened under the agreement: follow-up moments, results per goal and the submitted evaluations. */
function execution(
  plan: PlanDetail,
  content: PlanContent,
  goals: readonly PopGoal[],
): Pick<PopDocumentData, 'followUps' | 'goalResults' | 'evaluations'> {
  const titles = new Map([...content.goals, ...goals].map((g) => [g.id, g.title]));
  return {
    followUps: followUpsFromPlan(content.followUps, (id) => titles.get(id) ?? ''),
    goalResults: content.goals.flatMap((g) =>
      g.evaluationResult ? [{ title: g.title, result: g.evaluationResult, note: g.evaluationNote }] : [],
    ),
    // Only an evaluation its author submitted: a draft evaluation is not part of the record, not even one's own.
    evaluations: parties.flatMap((party) => {
      const evaluation = content.evaluations[party];
      if (!evaluation.visible || !evaluation.submittedAt) return [];
      return [
        {
          party,
          name: party === 'employee' ? plan.employee.name : plan.manager.name,
          submittedAt: evaluation.submittedAt,
          goalsReached: evaluation.goalsReached,
          effectOnFunctioning: evaluation.effectOnFunctioning,
          effectOnCareer: evaluation.effectOnCareer,
        },
      ];
    }),
  };
}

function popFileName(text: DocumentText, employeeName: string, version: number | null): string {
  const k = (key: string) => text.t(`documents.pdf.pop.${key}`);
  return safeFileName(
    [k('fileName'), employeeName, ...(version === null ? [k('fileDraft')] : [k('fileVersion'), version])],
    'pdf',
  );
}

/** One approved version of a POP, in the employee's language; the latest also carries follow-up and evaluation. */
export async function exportVersionPdf(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  number: number,
): Promise<DocumentFile> {
  // First the version: it refuses as GET /api/plans/:id/versions/:number does, before anything else is read.
  const version = await getVersion(ctx, actor, planId, number);
  const plan = await getPlan(ctx, actor, planId);
  if (!plan.content) throw new AppError('NOT_FOUND');
  const [organisation, employeeLocale] = await Promise.all([
    organisationOf(ctx, actor.organisationId),
    repo.personLocale(ctx.database.db, actor.organisationId, plan.employee.id),
  ]);
  const locale = documentLocale(employeeLocale, organisation.locale);
  const text = documentText(locale);
  const snapshot = version.snapshot;
  const typeLabel = await actionTypeLabels(
    ctx,
    actor.organisationId,
    snapshot.goals.flatMap((g) => g.actions.map((a) => a.type)),
    locale,
  );
  const approvedOn = dateIn(organisation.time_zone, new Date(version.createdAt));
  const goals = goalsFromSnapshot(snapshot, typeLabel, approvedOn);
  const data: PopDocumentData = {
    organisationName: organisation.name,
    employeeName: plan.employee.name,
    managerName: plan.manager.name,
    teamName: plan.teamName,
    periodStart: snapshot.periodStart,
    periodEnd: snapshot.periodEnd,
    version: version.number,
    employeeApprovedAt: version.employeeApprovedAt,
    managerApprovedAt: version.managerApprovedAt,
    goals,
    facilities: snapshot.facilities,
    evaluationDate: snapshot.evaluationDate,
    followUpDates: snapshot.followUpDates,
    // Follow-up and evaluation happen under the agreement in force: the latest version.
    ...(version.number === plan.approvedVersion
      ? execution(plan, plan.content, goals)
      : { followUps: [], goalResults: [], evaluations: [] }),
  };
  const definition = popDocumentPdf(data, text, {
    generatedAt: ctx.clock.now(),
    timeZone: organisation.time_zone,
  });
  return {
    fileName: popFileName(text, plan.employee.name, version.number),
    bytes: await renderPdf(definition),
  };
}

/** The current state of a POP, marked as a draft ("Ontwerp"), for whoever may read its content. */
export async function exportDraftPdf(ctx: AppContext, actor: Actor, planId: string): Promise<DocumentFile> {
  const plan = await getPlan(ctx, actor, planId);
  if (!plan.content) throw new AppError('NOT_FOUND');
  const content = plan.content;
  const [organisation, employeeLocale] = await Promise.all([
    organisationOf(ctx, actor.organisationId),
    repo.personLocale(ctx.database.db, actor.organisationId, plan.employee.id),
  ]);
  const locale = documentLocale(employeeLocale, organisation.locale);
  const text = documentText(locale);
  const typeLabel = await actionTypeLabels(
    ctx,
    actor.organisationId,
    content.goals.flatMap((g) => g.actions.map((a) => a.type)),
    locale,
  );
  const goals = goalsFromPlan(content.goals, typeLabel);
  const data: PopDocumentData = {
    organisationName: organisation.name,
    employeeName: plan.employee.name,
    managerName: plan.manager.name,
    teamName: plan.teamName,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    version: null,
    employeeApprovedAt: plan.employeeApprovedAt,
    managerApprovedAt: plan.managerApprovedAt,
    goals,
    facilities: content.facilities,
    evaluationDate: content.evaluationDate,
    followUpDates: content.followUps.map((f) => f.plannedDate).sort(),
    ...execution(plan, content, goals),
  };
  const definition = popDocumentPdf(data, text, {
    generatedAt: ctx.clock.now(),
    timeZone: organisation.time_zone,
  });
  return { fileName: popFileName(text, plan.employee.name, null), bytes: await renderPdf(definition) };
}

/** The POP form of the sample template with nothing filled in: for any signed-in member of the organisation. */
export async function exportEmptyPopForm(
  ctx: AppContext,
  actor: Actor,
  locale: Locale,
): Promise<DocumentFile> {
  const organisation = await organisationOf(ctx, actor.organisationId);
  const text = documentText(locale);
  const definition = emptyPopFormPdf(
    { organisationName: organisation.name, generatedAt: ctx.clock.now(), timeZone: organisation.time_zone },
    text,
  );
  return {
    fileName: safeFileName([text.t('documents.pdf.popForm.fileName'), organisation.name], 'pdf'),
    bytes: await renderPdf(definition),
  };
}

/**
 * The caller's own preparation form of a plan, blank, to prepare on paper: the questions of their copy (with the
 * competencies of the job), never the answers. Only the two parties have a preparation, as on the JSON route.
 */
export async function exportOwnPreparationForm(
  ctx: AppContext,
  actor: Actor,
  planId: string,
  locale: Locale,
): Promise<DocumentFile> {
  const preparation = await getOwnPreparation(ctx, actor, planId);
  const plan = await getPlan(ctx, actor, planId);
  const organisation = await organisationOf(ctx, actor.organisationId);
  const text = documentText(locale);
  const definition = preparationFormPdf(
    {
      organisation: organisation.name,
      party: preparation.party,
      formName: preparation.templateName,
      questions: preparation.questions.map((q) => ({
        prompt: q.prompt,
        help: q.help,
        competency: q.competencyId !== null,
      })),
      employeeName: plan.employee.name,
      managerName: plan.manager.name,
      conversationDate: plan.conversationAt
        ? text.dateTime(plan.conversationAt, organisation.time_zone)
        : null,
      generatedAt: ctx.clock.now(),
      timeZone: organisation.time_zone,
    },
    text,
  );
  return {
    fileName: safeFileName(
      [text.t('documents.pdf.preparationForm.fileName'), preparation.templateName, plan.employee.name],
      'pdf',
    ),
    bytes: await renderPdf(definition),
  };
}
