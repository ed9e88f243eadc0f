import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  createJobFunctionBody,
  JobFunction,
  updateJobFunctionBody,
} from '../../../shared/contracts/organisation.js';
import { AppError, type FieldError } from '../../../shared/errors.js';
import { type Actor, canManageStructure, canReadCatalogue } from '../../../shared/policies.js';
import { searchKey } from '../../../shared/text.js';
import type { AppContext } from '../../context.js';
import { isUniqueViolation } from '../../db/db-errors.js';
import { guardedUpdate } from '../../db/guarded-update.js';
import type { Database } from '../../db/schema.js';
import { presentJobFunction } from './job-functions.presenter.js';
import * as repo from './job-functions.repository.js';

type Db = Kysely<Database>;
export type CreateJobFunctionInput = z.infer<typeof createJobFunctionBody>;
export type UpdateJobFunctionInput = z.infer<typeof updateJobFunctionBody>;

const nameTaken = (cause?: unknown) =>
  new AppError('VALIDATION_FAILED', { fields: [{ path: 'name', code: 'name_taken' }], cause });

/** A competency listed twice counts once, at its first place. */
const distinct = (ids: readonly string[]): string[] => [...new Set(ids)];

export async function listJobFunctions(ctx: AppContext, actor: Actor): Promise<JobFunction[]> {
  if (!canReadCatalogue(actor, { organisationId: actor.organisationId })) throw new AppError('FORBIDDEN');
  const db = ctx.database.db;
  const [rows, links] = await Promise.all([
    repo.listJobFunctions(db, actor.organisationId),
    repo.linkedCompetencies(db, actor.organisationId),
  ]);
  const byFunction = new Map<string, repo.LinkedCompetency[]>();
  for (const link of links) {
    const list = byFunction.get(link.function_id);
    if (list) list.push(link);
    else byFunction.set(link.function_id, [link]);
  }
  return rows.map((row) => presentJobFunction(row, byFunction.get(row.id) ?? []));
}

export async function getJobFunction(ctx: AppContext, actor: Actor, id: string): Promise<JobFunction> {
  const db = ctx.database.db;
  const row = await repo.findJobFunction(db, actor.organisationId, id);
  if (!row || !canReadCatalogue(actor, { organisationId: row.organisation_id }))
    throw new AppError('NOT_FOUND');
  return presentJobFunction(row, await repo.linkedCompetencies(db, actor.organisationId, id));
}

async function functionFieldErrors(
  db: Db,
  organisationId: string,
  fn: { id?: string; name?: string; competencyIds?: readonly string[] },
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (
    fn.name !== undefined &&
    (await repo.isFunctionNameTaken(db, organisationId, searchKey(fn.name), fn.id))
  )
    errors.push({ path: 'name', code: 'name_taken' });
  if (fn.competencyIds) {
    const known = await repo.competencyIdsOfOrganisation(db, organisationId, distinct(fn.competencyIds));
    fn.competencyIds.forEach((competencyId, i) => {
      if (!known.has(competencyId)) errors.push({ path: `competencyIds.${i}`, code: 'unknown_reference' });
    });
  }
  return errors;
}

export async function createJobFunction(
  ctx: AppContext,
  actor: Actor,
  input: CreateJobFunctionInput,
): Promise<JobFunction> {
  if (!canManageStructure(actor)) throw new AppError('FORBIDDEN');
  const id = randomUUID();
  try {
    await ctx.database.db.transaction().execute(async (trx) => {
      const errors = await functionFieldErrors(trx, actor.organisationId, input);
      if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { fields: errors });
      await repo.insertJobFunction(trx, {
        id,
        organisationId: actor.organisationId,
        name: input.name,
        nameKey: searchKey(input.name),
        description: input.description ?? null,
        now: ctx.clock.now().toISOString(),
      });
      await repo.replaceFunctionCompetencies(
        trx,
        actor.organisationId,
        id,
        distinct(input.competencyIds ?? []),
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(error);
    throw error;
  }
  return getJobFunction(ctx, actor, id);
}

export async function updateJobFunction(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateJobFunctionInput,
): Promise<JobFunction> {
  if (!canManageStructure(actor)) throw new AppError('FORBIDDEN');
  const now = ctx.clock.now();
  try {
    await ctx.database.db.transaction().execute(async (trx) => {
      const current = await repo.findJobFunctionRow(trx, actor.organisationId, id);
      if (!current) throw new AppError('NOT_FOUND');
      if (current.version !== input.version)
        throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
      const errors = await functionFieldErrors(trx, actor.organisationId, {
        id,
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.competencyIds !== undefined ? { competencyIds: input.competencyIds } : {}),
      });
      if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { fields: errors });
      const archivedAt =
        input.active === undefined
          ? undefined
          : input.active
            ? null
            : (current.archived_at ?? now.toISOString());
      // The version moves with the competency list too: the list is part of the function profile.
      await guardedUpdate(
        trx,
        'job_functions',
        { id, organisationId: actor.organisationId, version: input.version },
        {
          ...(input.name !== undefined ? { name: input.name, name_key: searchKey(input.name) } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(archivedAt !== undefined ? { archived_at: archivedAt } : {}),
        },
        now,
      );
      if (input.competencyIds !== undefined)
        await repo.replaceFunctionCompetencies(trx, actor.organisationId, id, distinct(input.competencyIds));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(error);
    throw error;
  }
  return getJobFunction(ctx, actor, id);
}
