import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  Competency,
  createCompetencyBody,
  updateCompetencyBody,
} from '../../../shared/contracts/organisation.js';
import { AppError } from '../../../shared/errors.js';
import { type Actor, canManageStructure, canReadCatalogue } from '../../../shared/policies.js';
import { searchKey } from '../../../shared/text.js';
import type { AppContext } from '../../context.js';
import { isUniqueViolation } from '../../db/db-errors.js';
import { guardedUpdate } from '../../db/guarded-update.js';
import { presentCompetency } from './competencies.presenter.js';
import * as repo from './competencies.repository.js';

export type CreateCompetencyInput = z.infer<typeof createCompetencyBody>;
export type UpdateCompetencyInput = z.infer<typeof updateCompetencyBody>;

const nameTaken = (cause?: unknown) =>
  new AppError('VALIDATION_FAILED', { fields: [{ path: 'name', code: 'name_taken' }], cause });

export async function listCompetencies(ctx: AppContext, actor: Actor): Promise<Competency[]> {
  if (!canReadCatalogue(actor, { organisationId: actor.organisationId })) throw new AppError('FORBIDDEN');
  return (await repo.listCompetencies(ctx.database.db, actor.organisationId)).map(presentCompetency);
}

export async function getCompetency(ctx: AppContext, actor: Actor, id: string): Promise<Competency> {
  const row = await repo.findCompetency(ctx.database.db, actor.organisationId, id);
  if (!row || !canReadCatalogue(actor, { organisationId: row.organisation_id }))
    throw new AppError('NOT_FOUND');
  return presentCompetency(row);
}

export async function createCompetency(
  ctx: AppContext,
  actor: Actor,
  input: CreateCompetencyInput,
): Promise<Competency> {
  if (!canManageStructure(actor)) throw new AppError('FORBIDDEN');
  const id = randomUUID();
  try {
    await ctx.database.db.transaction().execute(async (trx) => {
      if (await repo.isCompetencyNameTaken(trx, actor.organisationId, searchKey(input.name)))
        throw nameTaken();
      await repo.insertCompetency(trx, {
        id,
        organisationId: actor.organisationId,
        name: input.name,
        nameKey: searchKey(input.name),
        description: input.description ?? null,
        indicators: input.indicators ?? [],
        now: ctx.clock.now().toISOString(),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(error);
    throw error;
  }
  return getCompetency(ctx, actor, id);
}

export async function updateCompetency(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateCompetencyInput,
): Promise<Competency> {
  if (!canManageStructure(actor)) throw new AppError('FORBIDDEN');
  const now = ctx.clock.now();
  try {
    await ctx.database.db.transaction().execute(async (trx) => {
      const current = await repo.findCompetency(trx, actor.organisationId, id);
      if (!current) throw new AppError('NOT_FOUND');
      if (current.version !== input.version)
        throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
      if (
        input.name !== undefined &&
        (await repo.isCompetencyNameTaken(trx, actor.organisationId, searchKey(input.name), id))
      )
        throw nameTaken();
      const archivedAt =
        input.active === undefined
          ? undefined
          : input.active
            ? null
            : (current.archived_at ?? now.toISOString());
      await guardedUpdate(
        trx,
        'competencies',
        { id, organisationId: actor.organisationId, version: input.version },
        {
          ...(input.name !== undefined ? { name: input.name, name_key: searchKey(input.name) } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.indicators !== undefined ? { indicators: JSON.stringify(input.indicators) } : {}),
          ...(archivedAt !== undefined ? { archived_at: archivedAt } : {}),
        },
        now,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(error);
    throw error;
  }
  return getCompetency(ctx, actor, id);
}
