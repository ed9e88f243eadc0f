import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  createTemplateBody,
  PreparationTemplate,
  templateAssignmentsBody,
  updateTemplateBody,
} from '../../../shared/contracts/templates.js';
import { AppError, type FieldError } from '../../../shared/errors.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import { type Actor, canReadCatalogue } from '../../../shared/policies.js';
import { canManageTemplates } from '../../../shared/pop/plan-access.js';
import type { AppContext } from '../../context.js';
import { guardedUpdate } from '../../db/guarded-update.js';
import { documentText, preparationFormPdf, renderPdf, safeFileName } from '../../documents/index.js';
import { presentAssignment, presentTemplate } from './templates.presenter.js';
import * as repo from './templates.repository.js';

export type CreateTemplateInput = z.infer<typeof createTemplateBody>;
export type UpdateTemplateInput = z.infer<typeof updateTemplateBody>;
export type AssignmentsInput = z.infer<typeof templateAssignmentsBody>;

async function ensureDefaults(ctx: AppContext, organisationId: string): Promise<void> {
  await repo.ensureDefaultTemplates(
    ctx.database.db,
    organisationId,
    await repo.organisationLanguage(ctx.database.db, organisationId),
    ctx.clock.now().toISOString(),
  );
}

export async function listTemplates(ctx: AppContext, actor: Actor) {
  if (!canManageTemplates(actor)) throw new AppError('FORBIDDEN');
  await ensureDefaults(ctx, actor.organisationId);
  const db = ctx.database.db;
  const [rows, questions, assignments] = await Promise.all([
    repo.listTemplates(db, actor.organisationId),
    repo.questionsOf(db, actor.organisationId),
    repo.listAssignments(db, actor.organisationId),
  ]);
  return {
    items: rows.map((row) =>
      presentTemplate(
        row,
        questions.filter((q) => q.template_id === row.id),
      ),
    ),
    assignments: assignments.map(presentAssignment),
  };
}

export async function getTemplate(ctx: AppContext, actor: Actor, id: string): Promise<PreparationTemplate> {
  if (!canManageTemplates(actor)) throw new AppError('FORBIDDEN');
  const db = ctx.database.db;
  const row = await repo.findTemplate(db, actor.organisationId, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentTemplate(row, await repo.questionsOf(db, actor.organisationId, [id]));
}

export async function createTemplate(
  ctx: AppContext,
  actor: Actor,
  input: CreateTemplateInput,
): Promise<PreparationTemplate> {
  if (!canManageTemplates(actor)) throw new AppError('FORBIDDEN');
  const id = randomUUID();
  await ctx.database.db.transaction().execute(async (trx) => {
    await repo.insertTemplate(trx, {
      id,
      organisationId: actor.organisationId,
      party: input.party,
      kind: input.kind,
      name: input.name,
      description: input.description ?? null,
      now: ctx.clock.now().toISOString(),
    });
    await repo.replaceQuestions(
      trx,
      actor.organisationId,
      id,
      input.questions.map((q) => ({ prompt: q.prompt, help: q.help ?? null })),
    );
  });
  return getTemplate(ctx, actor, id);
}

export async function updateTemplate(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateTemplateInput,
): Promise<PreparationTemplate> {
  if (!canManageTemplates(actor)) throw new AppError('FORBIDDEN');
  const now = ctx.clock.now();
  await ctx.database.db.transaction().execute(async (trx) => {
    const current = await repo.findTemplate(trx, actor.organisationId, id);
    if (!current) throw new AppError('NOT_FOUND');
    if (current.version !== input.version)
      throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
    const errors: FieldError[] = [];
    if (input.questions) {
      const known = await repo.questionIdsOf(trx, actor.organisationId, id);
      input.questions.forEach((q, i) => {
        if (q.id && !known.has(q.id)) errors.push({ path: `questions.${i}.id`, code: 'unknown_reference' });
      });
    }
    const isDefault = Boolean(current.is_default);
    if (input.active === false && (isDefault || input.isDefault))
      errors.push({ path: 'active', code: 'default_archived' });
    if (input.isDefault && current.archived_at !== null && input.active !== true)
      errors.push({ path: 'isDefault', code: 'archived_template' });
    if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { fields: errors });
    if (input.isDefault && !isDefault) await repo.clearDefault(trx, actor.organisationId, current.party);
    const archivedAt =
      input.active === undefined
        ? undefined
        : input.active
          ? null
          : (current.archived_at ?? now.toISOString());
    await guardedUpdate(
      trx,
      'preparation_templates',
      { id, organisationId: actor.organisationId, version: input.version },
      {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.isDefault ? { is_default: 1 as const } : {}),
        ...(archivedAt !== undefined ? { archived_at: archivedAt } : {}),
      },
      now,
    );
    if (input.questions)
      await repo.replaceQuestions(
        trx,
        actor.organisationId,
        id,
        input.questions.map((q) => ({ id: q.id, prompt: q.prompt, help: q.help ?? null })),
      );
  });
  return getTemplate(ctx, actor, id);
}

/** Which template applies to a team or a function, per party. Function assignments win over team ones. */
export async function replaceAssignments(ctx: AppContext, actor: Actor, input: AssignmentsInput) {
  if (!canManageTemplates(actor)) throw new AppError('FORBIDDEN');
  await ctx.database.db.transaction().execute(async (trx) => {
    const organisationId = actor.organisationId;
    const templates = new Map((await repo.listTemplates(trx, organisationId)).map((t) => [t.id, t]));
    const teams = await repo.existingIds(
      trx,
      'teams',
      organisationId,
      input.assignments.flatMap((a) => (a.teamId ? [a.teamId] : [])),
    );
    const functions = await repo.existingIds(
      trx,
      'job_functions',
      organisationId,
      input.assignments.flatMap((a) => (a.functionId ? [a.functionId] : [])),
    );
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    const rows = input.assignments.flatMap((a, i) => {
      const template = templates.get(a.templateId);
      const teamId = a.teamId ?? null;
      const functionId = a.functionId ?? null;
      if (!template) {
        errors.push({ path: `assignments.${i}.templateId`, code: 'unknown_reference' });
        return [];
      }
      if (template.archived_at !== null)
        errors.push({ path: `assignments.${i}.templateId`, code: 'archived_template' });
      if ((teamId === null) === (functionId === null)) {
        errors.push({ path: `assignments.${i}`, code: 'assignment_target' });
        return [];
      }
      if (teamId && !teams.has(teamId))
        errors.push({ path: `assignments.${i}.teamId`, code: 'unknown_reference' });
      if (functionId && !functions.has(functionId))
        errors.push({ path: `assignments.${i}.functionId`, code: 'unknown_reference' });
      const key = `${template.party}:${teamId ?? ''}:${functionId ?? ''}`;
      if (seen.has(key)) errors.push({ path: `assignments.${i}`, code: 'duplicate_assignment' });
      seen.add(key);
      return [{ templateId: template.id, party: template.party, teamId, functionId }];
    });
    if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { fields: errors });
    await repo.replaceAssignments(trx, organisationId, rows);
  });
  return listTemplates(ctx, actor);
}

/**
 * A template as a blank preparation form (PDF) to prepare on paper. Templates are no secret: any signed-in member of
 * the organisation may print one; another organisation's template does not exist for them.
 */
export async function exportTemplatePdf(
  ctx: AppContext,
  actor: Actor,
  id: string,
  locale: Locale,
): Promise<{ fileName: string; bytes: Buffer }> {
  if (!canReadCatalogue(actor, { organisationId: actor.organisationId })) throw new AppError('FORBIDDEN');
  const db = ctx.database.db;
  const [row, organisation] = await Promise.all([
    repo.findTemplate(db, actor.organisationId, id),
    repo.findOrganisationHeader(db, actor.organisationId),
  ]);
  if (!row || !organisation) throw new AppError('NOT_FOUND');
  const template = presentTemplate(row, await repo.questionsOf(db, actor.organisationId, [id]));
  const text = documentText(locale);
  const definition = preparationFormPdf(
    {
      organisation: organisation.name,
      party: template.party,
      formName: template.name,
      description: template.description,
      questions: template.questions.map((q) => ({ prompt: q.prompt, help: q.help, competency: false })),
      addsCompetencies: template.kind === 'competencies',
      generatedAt: ctx.clock.now(),
      timeZone: organisation.time_zone,
    },
    text,
  );
  return {
    fileName: safeFileName([text.t('documents.pdf.preparationForm.fileName'), template.name], 'pdf'),
    bytes: await renderPdf(definition),
  };
}
