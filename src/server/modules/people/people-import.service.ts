import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ImportJob, ImportPreview } from '../../../shared/contracts/organisation.js';
import { AppError } from '../../../shared/errors.js';
import { isLocale, type Locale } from '../../../shared/i18n/locales.js';
import { type Actor, canManagePeople } from '../../../shared/policies.js';
import { emailKey } from '../../../shared/text.js';
import type { AppContext } from '../../context.js';
import { guardedUpdate } from '../../db/guarded-update.js';
import type { Database } from '../../db/schema.js';
import { recordChanges } from '../audit/index.js';
import { sendInvitation } from '../auth/index.js';
import {
  assertCsvUpload,
  hasImportErrors,
  importFieldErrors,
  mapColumns,
  presentImportPreview,
  readCsv,
  startImportJob,
} from '../imports/index.js';
import { insertJobFunction, listJobFunctionRows } from '../job-functions/index.js';
import { insertTeam, listTeamRows } from '../teams/index.js';
import * as repo from './people.repository.js';
import { inviterOf } from './people.service.js';
import {
  type PeopleImportPlan,
  type PeopleImportState,
  type PersonValues,
  type PersonWrite,
  personColumns,
  planPeopleImport,
} from './people-import.domain.js';

type Db = Kysely<Database>;
const CHUNK = 200;

export interface CsvUpload {
  filename: string;
  content: string;
  sendInvitations?: boolean | undefined;
}

async function loadState(
  db: Db,
  actor: Actor,
  fileEmailKeys: string[],
  locale: Locale,
): Promise<PeopleImportState> {
  const organisationId = actor.organisationId;
  const [people, roles, teams, functions, elsewhere, organisation] = await Promise.all([
    repo.listPeopleForImport(db, organisationId),
    repo.rolesOfOrganisation(db, organisationId),
    listTeamRows(db, organisationId),
    listJobFunctionRows(db, organisationId),
    repo.emailKeysElsewhere(db, organisationId, fileEmailKeys),
    repo.findOrganisationOf(db, organisationId),
  ]);
  return {
    actor,
    people: people.map((p) => ({
      id: p.id,
      firstName: p.first_name,
      lastName: p.last_name,
      email: p.email,
      emailKey: p.email_key,
      functionId: p.function_id,
      teamId: p.team_id,
      managerId: p.manager_id,
      startDate: p.start_date,
      endDate: p.end_date,
      fte: Number(p.fte),
      workRegime: p.work_regime,
      employmentCountry: p.employment_country === 'NL' ? 'NL' : 'BE',
      locale: isLocale(p.locale) ? p.locale : 'nl-BE',
      status: p.status === 'disabled' ? 'disabled' : 'active',
      version: Number(p.version),
      roles: roles.get(p.id) ?? [],
    })),
    teams: teams.map((t) => ({ id: t.id, name: t.name, key: t.name_key })),
    functions: functions.map((f) => ({ id: f.id, name: f.name, key: f.name_key })),
    emailsElsewhere: elsewhere,
    defaults: {
      employmentCountry: organisation?.country === 'NL' ? 'NL' : 'BE',
      locale: organisation && isLocale(organisation.locale) ? organisation.locale : 'nl-BE',
    },
    locale,
  };
}

async function plan(
  db: Db,
  actor: Actor,
  file: CsvUpload,
  locale: Locale,
): Promise<{ plan: PeopleImportPlan; state: PeopleImportState }> {
  assertCsvUpload(file);
  const table = readCsv(file.content);
  const columns = mapColumns(table.headers, personColumns);
  const keys = [
    ...new Set(table.records.map((r) => emailKey(columns.cell(r, 'email') ?? '')).filter((k) => k !== '')),
  ];
  const state = await loadState(db, actor, keys, locale);
  return { plan: planPeopleImport(table, state), state };
}

export async function previewPeopleImport(
  ctx: AppContext,
  actor: Actor,
  file: CsvUpload,
  locale: Locale,
): Promise<ImportPreview> {
  if (!canManagePeople(actor)) throw new AppError('FORBIDDEN');
  return presentImportPreview((await plan(ctx.database.db, actor, file, locale)).plan, locale);
}

/** Managers before the people they manage, so every manager row exists when its reports are written. */
function managersFirst(creates: Extract<PersonWrite, { kind: 'create' }>[]) {
  const pending = new Map(creates.map((c) => [c.emailKey, c]));
  const ordered: typeof creates = [];
  const visit = (write: (typeof creates)[number]) => {
    if (!pending.delete(write.emailKey)) return;
    const manager = write.values.managerKey ? pending.get(write.values.managerKey) : undefined;
    if (manager) visit(manager);
    ordered.push(write);
  };
  for (const write of creates) visit(write);
  return ordered;
}

/** Writes the whole plan in the caller's transaction; answers the ids of the people it created. */
async function carryOut(
  trx: Db,
  ctx: AppContext,
  actor: Actor,
  { plan: checked, state }: { plan: PeopleImportPlan; state: PeopleImportState },
  job: ImportJob,
): Promise<string[]> {
  const organisationId = actor.organisationId;
  const now = ctx.clock.now();
  const teamIds = new Map(state.teams.map((t) => [t.key, t.id]));
  for (const team of checked.newTeams) {
    const id = randomUUID();
    await insertTeam(trx, { id, organisationId, name: team.name, nameKey: team.key, now: now.toISOString() });
    teamIds.set(team.key, id);
  }
  const functionIds = new Map(state.functions.map((f) => [f.key, f.id]));
  for (const fn of checked.newFunctions) {
    const id = randomUUID();
    await insertJobFunction(trx, {
      id,
      organisationId,
      name: fn.name,
      nameKey: fn.key,
      now: now.toISOString(),
    });
    functionIds.set(fn.key, id);
  }
  const personIds = new Map(state.people.map((p) => [p.emailKey, p.id]));
  const writes = checked.rows.flatMap((r) => (r.write ? [r.write] : []));
  const creates = managersFirst(writes.filter((w) => w.kind === 'create'));
  for (const write of creates) personIds.set(write.emailKey, randomUUID());
  const ordered: PersonWrite[] = [...creates, ...writes.filter((w) => w.kind === 'update')];
  const idOf = <K>(ids: Map<K, string>, key: K | null | undefined) =>
    key === null || key === undefined ? null : (ids.get(key) ?? null);
  const columnsOf = (values: Partial<PersonValues>) => ({
    ...(values.firstName !== undefined ? { first_name: values.firstName } : {}),
    ...(values.lastName !== undefined ? { last_name: values.lastName } : {}),
    ...(values.functionKey !== undefined ? { function_id: idOf(functionIds, values.functionKey) } : {}),
    ...(values.teamKey !== undefined ? { team_id: idOf(teamIds, values.teamKey) } : {}),
    ...(values.managerKey !== undefined ? { manager_id: idOf(personIds, values.managerKey) } : {}),
    ...(values.startDate !== undefined ? { start_date: values.startDate } : {}),
    ...(values.endDate !== undefined ? { end_date: values.endDate } : {}),
    ...(values.fte !== undefined ? { fte: values.fte } : {}),
    ...(values.workRegime !== undefined ? { work_regime: values.workRegime } : {}),
    ...(values.employmentCountry !== undefined ? { employment_country: values.employmentCountry } : {}),
    ...(values.locale !== undefined ? { locale: values.locale } : {}),
  });

  job.total = ordered.length;
  const created: string[] = [];
  for (let start = 0; start < ordered.length; start += CHUNK) {
    const chunk = ordered.slice(start, start + CHUNK);
    const inserts = chunk.flatMap((write) => {
      if (write.kind !== 'create') return [];
      const v = write.values;
      return [
        {
          id: personIds.get(write.emailKey)!,
          organisationId,
          firstName: v.firstName,
          lastName: v.lastName,
          email: v.email,
          functionId: idOf(functionIds, v.functionKey),
          teamId: idOf(teamIds, v.teamKey),
          managerId: idOf(personIds, v.managerKey),
          startDate: v.startDate,
          endDate: v.endDate,
          fte: v.fte,
          workRegime: v.workRegime,
          employmentCountry: v.employmentCountry,
          locale: v.locale,
          roles: v.roles,
          now: now.toISOString(),
        },
      ];
    });
    await repo.insertPeopleWithRoles(trx, inserts);
    created.push(...inserts.map((p) => p.id));
    job.created += inserts.length;
    const audit = {
      organisationId,
      actor,
      actorRole: actor.roles.includes('admin') ? ('admin' as const) : ('hr' as const),
      objectType: 'person' as const,
      at: now,
    };
    const updated = chunk.flatMap((w) =>
      w.kind === 'update' && w.values.roles ? [personIds.get(w.emailKey)!] : [],
    );
    const rolesBefore = await repo.rolesOfPeople(trx, organisationId, updated);
    await recordChanges(trx, [
      ...inserts.map((p) => ({
        ...audit,
        action: 'person.created' as const,
        objectId: p.id,
        subjectPersonId: p.id,
        before: null,
        after: {
          firstName: p.firstName,
          lastName: p.lastName,
          email: p.email,
          roles: [...p.roles].sort(),
          teamId: p.teamId,
          managerId: p.managerId,
          functionId: p.functionId,
          startDate: p.startDate,
          endDate: p.endDate,
        },
        always: true,
      })),
      ...updated.map((id) => {
        const write = chunk.find((w) => personIds.get(w.emailKey) === id);
        return {
          ...audit,
          action: 'person.role_changed' as const,
          objectId: id,
          subjectPersonId: id,
          before: { roles: [...(rolesBefore.get(id) ?? [])].sort() },
          after: { roles: [...(write?.values.roles ?? [])].sort() },
        };
      }),
    ]);
    // Updates stay one statement each: every row is guarded by its own version.
    for (const write of chunk) {
      if (write.kind !== 'update') continue;
      const id = personIds.get(write.emailKey)!;
      await guardedUpdate(
        trx,
        'people',
        { id, organisationId, version: write.version },
        {
          ...columnsOf(write.values),
          ...(write.values.firstName !== undefined || write.values.lastName !== undefined
            ? { search_key: repo.personSearchKey(write.next) }
            : {}),
        },
        now,
      );
      if (write.values.roles) await repo.replaceRoles(trx, organisationId, id, write.values.roles);
      job.updated++;
    }
    job.processed += chunk.length;
    // Lets the progress polls through between chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return created;
}

/**
 * Checks the file and answers 422 with every row error; otherwise starts the import: one transaction that plans
 * again against the data as it is then and writes every row, or nothing at all. Invitations go out after it commits.
 */
export async function startPeopleImport(
  ctx: AppContext,
  actor: Actor,
  file: CsvUpload,
  locale: Locale,
): Promise<ImportJob> {
  if (!canManagePeople(actor)) throw new AppError('FORBIDDEN');
  const db = ctx.database.db;
  const checked = (await plan(db, actor, file, locale)).plan;
  if (hasImportErrors(checked))
    throw new AppError('VALIDATION_FAILED', { fields: importFieldErrors(checked) });
  const total = checked.rows.filter((r) => r.write).length;
  return startImportJob(ctx, { ...actor, locale }, total, async (job) => {
    const created = await db.transaction().execute(async (trx) => {
      const current = await plan(trx, actor, file, locale);
      if (hasImportErrors(current.plan))
        throw new AppError('VALIDATION_FAILED', { fields: importFieldErrors(current.plan) });
      return carryOut(trx, ctx, actor, current, job);
    });
    if (!file.sendInvitations || created.length === 0) return;
    const inviter = await inviterOf(db, actor);
    for (const id of created) {
      const person = await repo.findPersonRow(db, actor.organisationId, id);
      if (!person) continue;
      try {
        await sendInvitation(
          ctx,
          {
            id,
            organisationId: actor.organisationId,
            firstName: person.first_name,
            email: person.email,
            locale: person.locale,
          },
          inviter,
        );
        job.invited++;
      } catch (error) {
        // The people are imported already; one failed invitation can be sent again from their page.
        ctx.logger.warn({ err: error, personId: id }, 'import invitation failed');
      }
    }
  });
}
