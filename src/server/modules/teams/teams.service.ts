import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { createTeamBody, Team, updateTeamBody } from '../../../shared/contracts/organisation.js';
import { AppError, type FieldError } from '../../../shared/errors.js';
import { type Actor, canManageStructure, canViewTeam, teamScopeOf } from '../../../shared/policies.js';
import { searchKey } from '../../../shared/text.js';
import type { AppContext } from '../../context.js';
import { isUniqueViolation } from '../../db/db-errors.js';
import { guardedUpdate } from '../../db/guarded-update.js';
import type { Database } from '../../db/schema.js';
import { presentTeam } from './teams.presenter.js';
import * as repo from './teams.repository.js';

type Db = Kysely<Database>;
export type CreateTeamInput = z.infer<typeof createTeamBody>;
export type UpdateTeamInput = z.infer<typeof updateTeamBody>;

const nameTaken = (cause?: unknown) =>
  new AppError('VALIDATION_FAILED', { fields: [{ path: 'name', code: 'name_taken' }], cause });

export async function listTeams(ctx: AppContext, actor: Actor): Promise<Team[]> {
  const scope = teamScopeOf(actor);
  if (scope === 'none') return [];
  const rows = await repo.listTeams(
    ctx.database.db,
    actor.organisationId,
    scope === 'led' ? { managerId: actor.personId } : {},
  );
  return rows.map(presentTeam);
}

export async function getTeam(ctx: AppContext, actor: Actor, id: string): Promise<Team> {
  const row = await repo.findTeam(ctx.database.db, actor.organisationId, id);
  if (
    !row ||
    !canViewTeam(actor, { id: row.id, organisationId: row.organisation_id, managerId: row.manager_id })
  )
    throw new AppError('NOT_FOUND');
  return presentTeam(row);
}

/** Checks a team's name, parent (one level of nesting) and manager against the organisation's data. */
async function teamFieldErrors(
  db: Db,
  organisationId: string,
  team: { id?: string; name?: string; parentId?: string | null; managerId?: string | null },
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (
    team.name !== undefined &&
    (await repo.isTeamNameTaken(db, organisationId, searchKey(team.name), team.id))
  )
    errors.push({ path: 'name', code: 'name_taken' });
  if (team.parentId) {
    const parent = await repo.findTeamRow(db, organisationId, team.parentId);
    if (team.parentId === team.id) errors.push({ path: 'parentId', code: 'parent_nested' });
    else if (!parent) errors.push({ path: 'parentId', code: 'unknown_reference' });
    else if (parent.parent_id !== null) errors.push({ path: 'parentId', code: 'parent_nested' });
    else if (team.id && (await repo.hasChildTeams(db, organisationId, team.id)))
      errors.push({ path: 'parentId', code: 'parent_nested' });
  }
  if (team.managerId && !(await repo.isPersonOfOrganisation(db, organisationId, team.managerId)))
    errors.push({ path: 'managerId', code: 'unknown_reference' });
  return errors;
}

export async function createTeam(ctx: AppContext, actor: Actor, input: CreateTeamInput): Promise<Team> {
  if (!canManageStructure(actor)) throw new AppError('FORBIDDEN');
  const id = randomUUID();
  try {
    await ctx.database.db.transaction().execute(async (trx) => {
      const errors = await teamFieldErrors(trx, actor.organisationId, input);
      if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { fields: errors });
      await repo.insertTeam(trx, {
        id,
        organisationId: actor.organisationId,
        name: input.name,
        nameKey: searchKey(input.name),
        description: input.description ?? null,
        parentId: input.parentId ?? null,
        managerId: input.managerId ?? null,
        now: ctx.clock.now().toISOString(),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(error);
    throw error;
  }
  return getTeam(ctx, actor, id);
}

export async function updateTeam(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateTeamInput,
): Promise<Team> {
  if (!canManageStructure(actor)) throw new AppError('FORBIDDEN');
  const now = ctx.clock.now();
  try {
    await ctx.database.db.transaction().execute(async (trx) => {
      const current = await repo.findTeamRow(trx, actor.organisationId, id);
      if (!current) throw new AppError('NOT_FOUND');
      if (current.version !== input.version)
        throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });
      const errors = await teamFieldErrors(trx, actor.organisationId, {
        id,
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.parentId !== undefined ? { parentId: input.parentId } : {}),
        ...(input.managerId !== undefined ? { managerId: input.managerId } : {}),
      });
      if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { fields: errors });
      const archivedAt =
        input.active === undefined
          ? undefined
          : input.active
            ? null
            : (current.archived_at ?? now.toISOString());
      await guardedUpdate(
        trx,
        'teams',
        { id, organisationId: actor.organisationId, version: input.version },
        {
          ...(input.name !== undefined ? { name: input.name, name_key: searchKey(input.name) } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
          ...(input.managerId !== undefined ? { manager_id: input.managerId } : {}),
          ...(archivedAt !== undefined ? { archived_at: archivedAt } : {}),
        },
        now,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(error);
    throw error;
  }
  return getTeam(ctx, actor, id);
}
