import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  createPersonBody,
  Person,
  personListQuery,
  updatePersonBody,
} from '../../../shared/contracts/organisation.js';
import { AppError, type FieldError } from '../../../shared/errors.js';
import { isLocale } from '../../../shared/i18n/locales.js';
import {
  type Actor,
  canAssignRole,
  canChangeRoles,
  canEditPerson,
  canManageAccountOf,
  canManagePeople,
  canSeeTrainingPlanFacts,
  canViewPerson,
  peopleScopeOf,
} from '../../../shared/policies.js';
import type { Role } from '../../../shared/roles.js';
import { emailKey, fullName, searchKey } from '../../../shared/text.js';
import type { AppContext } from '../../context.js';
import { isUniqueViolation } from '../../db/db-errors.js';
import { guardedUpdate } from '../../db/guarded-update.js';
import type { Database } from '../../db/schema.js';
import { type AuditValues, personAuditValues, recordChange } from '../audit/index.js';
import { revokeSessionsOf, sendInvitation } from '../auth/index.js';
import { presentPerson } from './people.presenter.js';
import * as repo from './people.repository.js';

type Db = Kysely<Database>;
export type PersonListQuery = z.infer<typeof personListQuery>;
export type CreatePersonInput = z.infer<typeof createPersonBody>;
export type UpdatePersonInput = z.infer<typeof updatePersonBody>;

const emailTaken = (cause?: unknown) =>
  new AppError('VALIDATION_FAILED', { fields: [{ path: 'email', code: 'email_taken' }], cause });

export async function listPeople(
  ctx: AppContext,
  actor: Actor,
  query: PersonListQuery,
): Promise<{ items: Person[]; total: number }> {
  const db = ctx.database.db;
  // A NUL byte would make PostgreSQL refuse the query; other control characters simply separate words.
  const words = searchKey((query.q ?? '').replace(/\p{Cc}/gu, ' '))
    .split(' ')
    .filter((w) => w !== '');
  const { rows, total } = await repo.listPeople(
    db,
    actor.organisationId,
    {
      scope: peopleScopeOf(actor),
      actorId: actor.personId,
      words,
      ...(query.teamId ? { teamId: query.teamId } : {}),
      status: query.status ?? 'active',
    },
    { limit: query.limit, offset: query.offset },
  );
  const roles = await repo.rolesOfPeople(
    db,
    actor.organisationId,
    rows.map((r) => r.id),
  );
  const withFacts = canSeeTrainingPlanFacts(actor);
  return { items: rows.map((row) => presentPerson(row, roles.get(row.id) ?? [], withFacts)), total };
}

/** Another organisation's person, or one the actor may not see, is simply not found. */
export async function getPerson(ctx: AppContext, actor: Actor, id: string): Promise<Person> {
  const db = ctx.database.db;
  const row = await repo.findPersonView(db, actor.organisationId, id);
  if (!row) throw new AppError('NOT_FOUND');
  const team = row.team_id ? await repo.findTeamScope(db, actor.organisationId, row.team_id) : null;
  const scope = {
    id: row.id,
    organisationId: row.organisation_id,
    managerId: row.manager_id,
    teamId: row.team_id,
  };
  if (!canViewPerson(actor, scope, team)) throw new AppError('NOT_FOUND');
  const roles = await repo.rolesOfPeople(db, actor.organisationId, [id]);
  return presentPerson(row, roles.get(id) ?? [], canSeeTrainingPlanFacts(actor));
}

interface PersonFacts {
  id?: string;
  email?: string;
  functionId?: string | null;
  teamId?: string | null;
  managerId?: string | null;
  startDate: string | null;
  endDate: string | null;
}

/** Walks up from the proposed manager: reaching the person again would make them their own (indirect) manager. */
async function createsManagerCycle(db: Db, organisationId: string, personId: string, managerId: string) {
  const seen = new Set<string>();
  let cursor: string | null = managerId;
  while (cursor !== null && !seen.has(cursor)) {
    if (cursor === personId) return true;
    seen.add(cursor);
    cursor = await repo.managerIdOf(db, organisationId, cursor);
  }
  return false;
}

async function personFieldErrors(db: Db, organisationId: string, person: PersonFacts): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (person.email !== undefined && (await repo.emailInUse(db, person.email, person.id)))
    errors.push({ path: 'email', code: 'email_taken' });
  if (
    person.functionId &&
    !(await repo.existsInOrganisation(db, 'job_functions', organisationId, person.functionId))
  )
    errors.push({ path: 'functionId', code: 'unknown_reference' });
  if (person.teamId && !(await repo.existsInOrganisation(db, 'teams', organisationId, person.teamId)))
    errors.push({ path: 'teamId', code: 'unknown_reference' });
  if (person.managerId) {
    if (person.managerId === person.id) errors.push({ path: 'managerId', code: 'manager_self' });
    else if (!(await repo.existsInOrganisation(db, 'people', organisationId, person.managerId)))
      errors.push({ path: 'managerId', code: 'unknown_reference' });
    else if (person.id && (await createsManagerCycle(db, organisationId, person.id, person.managerId)))
      errors.push({ path: 'managerId', code: 'manager_cycle' });
  }
  if (person.startDate && person.endDate && person.endDate < person.startDate)
    errors.push({ path: 'endDate', code: 'end_before_start' });
  return errors;
}

export async function inviterOf(db: Db, actor: Actor): Promise<{ name: string; organisationName: string }> {
  const [self, organisation] = await Promise.all([
    repo.findPersonRow(db, actor.organisationId, actor.personId),
    repo.findOrganisationOf(db, actor.organisationId),
  ]);
  return {
    name: self ? fullName({ firstName: self.first_name, lastName: self.last_name }) : '',
    organisationName: organisation?.name ?? '',
  };
}

export async function createPerson(ctx: AppContext, actor: Actor, input: CreatePersonInput): Promise<Person> {
  if (!canManagePeople(actor)) throw new AppError('FORBIDDEN');
  const roles: Role[] = input.roles ?? ['employee'];
  if (!roles.every((role) => canAssignRole(actor, role))) throw new AppError('FORBIDDEN');
  const db = ctx.database.db;
  const id = randomUUID();
  try {
    await db.transaction().execute(async (trx) => {
      const errors = await personFieldErrors(trx, actor.organisationId, {
        email: input.email,
        functionId: input.functionId ?? null,
        teamId: input.teamId ?? null,
        managerId: input.managerId ?? null,
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
      });
      if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { fields: errors });
      const organisation = await repo.findOrganisationOf(trx, actor.organisationId);
      await repo.insertPerson(trx, {
        id,
        organisationId: actor.organisationId,
        firstName: input.firstName,
        lastName: input.lastName,
        email: input.email,
        functionId: input.functionId ?? null,
        teamId: input.teamId ?? null,
        managerId: input.managerId ?? null,
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
        fte: input.fte ?? 1,
        workRegime: input.workRegime ?? null,
        riskGroup: input.riskGroup ?? false,
        gender: input.gender ?? null,
        employmentCountry: input.employmentCountry ?? (organisation?.country === 'NL' ? 'NL' : 'BE'),
        locale:
          input.locale ?? (organisation && isLocale(organisation.locale) ? organisation.locale : 'nl-BE'),
        now: ctx.clock.now().toISOString(),
      });
      await repo.replaceRoles(trx, actor.organisationId, id, roles);
      await auditPerson(trx, actor, id, null, ctx.clock.now());
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken(error);
    throw error;
  }
  if (input.invite) await invite(ctx, actor, id);
  return getPerson(ctx, actor, id);
}

export async function updatePerson(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdatePersonInput,
): Promise<Person> {
  if (!canManagePeople(actor)) throw new AppError('FORBIDDEN');
  const now = ctx.clock.now();
  const lockAdmins = ctx.database.dialect === 'postgresql';
  try {
    await ctx.database.db.transaction().execute(async (trx) => {
      const current = await repo.findPersonRow(trx, actor.organisationId, id);
      if (!current) throw new AppError('NOT_FOUND');
      const scope = {
        id,
        organisationId: current.organisation_id,
        managerId: current.manager_id,
        teamId: current.team_id,
      };
      if (!canEditPerson(actor, scope)) throw new AppError('NOT_FOUND');
      if (current.version !== input.version)
        throw new AppError('VERSION_CONFLICT', { currentVersion: current.version });

      const currentRoles = (await repo.rolesOfPeople(trx, actor.organisationId, [id])).get(id) ?? [];
      const nextRoles = input.roles ?? currentRoles;
      if (!canChangeRoles(actor, currentRoles, nextRoles)) throw new AppError('FORBIDDEN');
      const emailChanges = input.email !== undefined && emailKey(input.email) !== current.email_key;
      const statusChanges = input.status !== undefined && input.status !== current.status;
      if ((emailChanges || statusChanges) && !canManageAccountOf(actor, currentRoles))
        throw new AppError('FORBIDDEN');

      const errors = await personFieldErrors(trx, actor.organisationId, {
        id,
        ...(emailChanges ? { email: input.email } : {}),
        ...(input.functionId !== undefined ? { functionId: input.functionId } : {}),
        ...(input.teamId !== undefined ? { teamId: input.teamId } : {}),
        ...(input.managerId !== undefined ? { managerId: input.managerId } : {}),
        startDate: input.startDate !== undefined ? input.startDate : current.start_date,
        endDate: input.endDate !== undefined ? input.endDate : current.end_date,
      });
      const nextStatus = input.status ?? current.status;
      const isActiveAdmin = current.status === 'active' && currentRoles.includes('admin');
      if (isActiveAdmin && (nextStatus !== 'active' || !nextRoles.includes('admin'))) {
        const others = (await repo.activeAdminIds(trx, actor.organisationId, lockAdmins)).filter(
          (a) => a !== id,
        );
        if (others.length === 0)
          errors.push({ path: nextStatus !== 'active' ? 'status' : 'roles', code: 'last_admin' });
      }
      if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { fields: errors });

      const firstName = input.firstName ?? current.first_name;
      const lastName = input.lastName ?? current.last_name;
      const email = input.email ?? current.email;
      await guardedUpdate(
        trx,
        'people',
        { id, organisationId: actor.organisationId, version: input.version },
        {
          first_name: firstName,
          last_name: lastName,
          email: email.trim(),
          email_key: emailKey(email),
          search_key: repo.personSearchKey({ firstName, lastName, email }),
          ...(input.functionId !== undefined ? { function_id: input.functionId } : {}),
          ...(input.teamId !== undefined ? { team_id: input.teamId } : {}),
          ...(input.managerId !== undefined ? { manager_id: input.managerId } : {}),
          ...(input.startDate !== undefined ? { start_date: input.startDate } : {}),
          ...(input.endDate !== undefined ? { end_date: input.endDate } : {}),
          ...(input.fte !== undefined ? { fte: input.fte } : {}),
          ...(input.workRegime !== undefined ? { work_regime: input.workRegime } : {}),
          ...(input.riskGroup !== undefined
            ? { risk_group: input.riskGroup ? (1 as const) : (0 as const) }
            : {}),
          ...(input.gender !== undefined ? { gender: input.gender } : {}),
          ...(input.employmentCountry !== undefined ? { employment_country: input.employmentCountry } : {}),
          ...(input.locale !== undefined ? { locale: input.locale } : {}),
          ...(input.status !== undefined ? { status: input.status } : {}),
        },
        now,
      );
      if (input.roles !== undefined) await repo.replaceRoles(trx, actor.organisationId, id, nextRoles);
      // A disabled account is signed out everywhere at once, not at its next idle timeout.
      if (statusChanges && nextStatus === 'disabled') await revokeSessionsOf(trx, id);
      await auditPerson(trx, actor, id, personAuditValues(current, currentRoles), now);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken(error);
    throw error;
  }
  return getPerson(ctx, actor, id);
}

/** Roles, the account's status and the rest of the record are three kinds of change in the audit log. */
async function auditPerson(
  db: Db,
  actor: Actor,
  id: string,
  before: AuditValues | null,
  now: Date,
): Promise<void> {
  const row = await repo.findPersonRow(db, actor.organisationId, id);
  if (!row) return;
  const roles = (await repo.rolesOfPeople(db, actor.organisationId, [id])).get(id) ?? [];
  const after = personAuditValues(row, roles);
  const entry = {
    organisationId: actor.organisationId,
    actor,
    actorRole: actor.roles.includes('admin') ? ('admin' as const) : ('hr' as const),
    objectType: 'person' as const,
    objectId: id,
    subjectPersonId: id,
    at: now,
  };
  if (before === null) {
    await recordChange(db, { ...entry, action: 'person.created', before: null, after, always: true });
    return;
  }
  const { roles: rolesAfter, status: statusAfter, ...rest } = after;
  await recordChange(db, { ...entry, action: 'person.role_changed', before, after: { roles: rolesAfter } });
  await recordChange(db, {
    ...entry,
    action: 'person.status_changed',
    before,
    after: { status: statusAfter },
  });
  await recordChange(db, { ...entry, action: 'person.updated', before, after: rest });
}

async function invite(ctx: AppContext, actor: Actor, id: string): Promise<Date> {
  const db = ctx.database.db;
  const person = await repo.findPersonRow(db, actor.organisationId, id);
  if (!person) throw new AppError('NOT_FOUND');
  const roles = (await repo.rolesOfPeople(db, actor.organisationId, [id])).get(id) ?? [];
  if (!canManageAccountOf(actor, roles)) throw new AppError('FORBIDDEN');
  if (person.status !== 'active')
    throw new AppError('INVALID_STATE', { params: { messageKey: 'PERSON_DISABLED' } });
  if (person.password_hash !== null)
    throw new AppError('INVALID_STATE', { params: { messageKey: 'PERSON_HAS_ACCOUNT' } });
  return sendInvitation(
    ctx,
    {
      id,
      organisationId: actor.organisationId,
      firstName: person.first_name,
      email: person.email,
      locale: person.locale,
    },
    await inviterOf(db, actor),
  );
}

/** Emails a link to choose a password; a new invitation replaces the earlier link. */
export async function invitePerson(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ invitedAt: string }> {
  if (!canManagePeople(actor)) throw new AppError('FORBIDDEN');
  return { invitedAt: (await invite(ctx, actor, id)).toISOString() };
}
