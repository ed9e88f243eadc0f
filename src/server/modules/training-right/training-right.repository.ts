import { type Kysely, sql } from 'kysely';
import type {
  Database,
  LearningAccountExportRow,
  OrganisationRow,
  TrainingDayNormRow,
} from '../../db/schema.js';

type Db = Kysely<Database>;

export async function findOrganisation(db: Db, organisationId: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom('organisations').selectAll().where('id', '=', organisationId).executeTakeFirst();
}

export async function listNorms(db: Db, organisationId: string): Promise<TrainingDayNormRow[]> {
  return db
    .selectFrom('training_day_norms')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('year', 'desc')
    .execute();
}

export async function findNorm(
  db: Db,
  organisationId: string,
  year: number,
): Promise<TrainingDayNormRow | undefined> {
  return db
    .selectFrom('training_day_norms')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** Inserts the year's norm; false when the year already has one (two people creating it at once). */
export async function insertNorm(
  db: Db,
  norm: {
    id: string;
    organisationId: string;
    year: number;
    daysPerFte: number;
    note: string | null;
    now: string;
  },
): Promise<boolean> {
  const result = await db
    .insertInto('training_day_norms')
    .values({
      id: norm.id,
      organisation_id: norm.organisationId,
      year: norm.year,
      days_per_fte: norm.daysPerFte,
      note: norm.note,
      created_at: norm.now,
      updated_at: norm.now,
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'year']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function deleteNorm(
  db: Db,
  organisationId: string,
  year: number,
  version: number,
): Promise<number> {
  const result = await db
    .deleteFrom('training_day_norms')
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Everyone's FTE and employment dates: for the average FTE of a year. */
export async function employmentOfEveryone(
  db: Db,
  organisationId: string,
): Promise<{ fte: number; start_date: string | null; end_date: string | null; status: string }[]> {
  return db
    .selectFrom('people')
    .select(['fte', 'start_date', 'end_date', 'status'])
    .where('organisation_id', '=', organisationId)
    .execute();
}

export interface BalancePersonRow {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  locale: string;
  status: string;
  team_id: string | null;
  team_name: string | null;
  fte: number;
  work_regime: string | null;
  start_date: string | null;
  end_date: string | null;
}

export interface BalancePeopleFilter {
  scope: 'organisation' | 'managed' | 'self';
  actorId: string;
  /** Words that must all occur in the normalised name and email. */
  words: string[];
  teamId?: string;
}

const personColumns = [
  'p.id',
  'p.first_name',
  'p.last_name',
  'p.email',
  'p.locale',
  'p.status',
  'p.team_id',
  't.name as team_name',
  'p.fte',
  'p.work_regime',
  'p.start_date',
  'p.end_date',
] as const;

const likeContains = (word: string): string => `%${word.replace(/[!%_]/g, (c) => `!${c}`)}%`;

/**
 * The people employed at some point of `year`: employment overlaps the year, and either they are active or they
 * have an end date (a deactivated record without an end date tells nothing about when they left).
 */
export async function peopleEmployedIn(
  db: Db,
  organisationId: string,
  year: number,
  filter: BalancePeopleFilter,
): Promise<BalancePersonRow[]> {
  let query = db
    .selectFrom('people as p')
    .leftJoin('teams as t', 't.id', 'p.team_id')
    .where('p.organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('p.start_date', 'is', null), eb('p.start_date', '<=', `${year}-12-31`)]))
    .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', `${year}-01-01`)]))
    .where((eb) => eb.or([eb('p.status', '=', 'active'), eb('p.end_date', 'is not', null)]));
  if (filter.scope === 'self') query = query.where('p.id', '=', filter.actorId);
  if (filter.scope === 'managed') {
    // The people they manage, not themselves (their own balance is on their home page).
    query = query
      .where('p.id', '!=', filter.actorId)
      .where((eb) =>
        eb.or([
          eb('p.manager_id', '=', filter.actorId),
          eb(
            'p.team_id',
            'in',
            eb
              .selectFrom('teams as lt')
              .select('lt.id')
              .where('lt.organisation_id', '=', organisationId)
              .where('lt.manager_id', '=', filter.actorId),
          ),
        ]),
      );
  }
  for (const word of filter.words)
    query = query.where(sql<boolean>`${sql.ref('p.search_key')} like ${likeContains(word)} escape '!'`);
  if (filter.teamId) query = query.where('p.team_id', '=', filter.teamId);
  return query.select(personColumns).orderBy('p.last_name').orderBy('p.first_name').orderBy('p.id').execute();
}

/** One person as the balances show them, whatever their employment dates. */
export async function findBalancePerson(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<BalancePersonRow | undefined> {
  return db
    .selectFrom('people as p')
    .leftJoin('teams as t', 't.id', 'p.team_id')
    .where('p.organisation_id', '=', organisationId)
    .where('p.id', '=', personId)
    .select(personColumns)
    .executeTakeFirst();
}

/** People whose employment starts between two dates (new hires for the learning account). */
export async function peopleStartingBetween(
  db: Db,
  organisationId: string,
  from: string,
  to: string,
): Promise<BalancePersonRow[]> {
  return db
    .selectFrom('people as p')
    .leftJoin('teams as t', 't.id', 'p.team_id')
    .where('p.organisation_id', '=', organisationId)
    .where('p.start_date', '>=', from)
    .where('p.start_date', '<=', to)
    .where((eb) => eb.or([eb('p.status', '=', 'active'), eb('p.end_date', 'is not', null)]))
    .select(personColumns)
    .orderBy('p.start_date')
    .orderBy('p.last_name')
    .orderBy('p.id')
    .execute();
}

export async function countActivePeople(db: Db, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface TrainingActionRow {
  id: string;
  plan_id: string;
  employee_id: string;
  phase: string;
  cancelled: boolean | number;
  period_start: string;
  type: string;
  description: string;
  timing: string | null;
  hours: number | null;
  actual_hours: number | null;
  actual_start: string | null;
  actual_end: string | null;
  status: string;
  is_formal: boolean | number;
  counts_for_training_right: boolean | number;
  funding: string | null;
  funding_source_name: string | null;
  certificate_note: string | null;
  type_name_nl: string | null;
  type_name_en: string | null;
}

/**
 * The actions of agreed plans (approved, in evaluation or closed) of the organisation, or of one employee. Content
 * (descriptions) is read here; the services decide who may see it.
 */
export async function actionsOfAgreedPlans(
  db: Db,
  organisationId: string,
  employeeId?: string,
): Promise<TrainingActionRow[]> {
  let query = db
    .selectFrom('actions as a')
    .innerJoin('plans as p', 'p.id', 'a.plan_id')
    .leftJoin('funding_sources as fs', (join) =>
      join.onRef('fs.id', '=', 'a.funding_source_id').on('fs.organisation_id', '=', organisationId),
    )
    .leftJoin('action_types as at', (join) =>
      join.onRef('at.id', '=', 'a.type').on('at.organisation_id', '=', organisationId),
    )
    .where('a.organisation_id', '=', organisationId)
    .where('p.organisation_id', '=', organisationId)
    .where('p.phase', 'in', ['approved', 'evaluation', 'closed']);
  if (employeeId) query = query.where('p.employee_id', '=', employeeId);
  return query
    .select([
      'a.id',
      'a.plan_id',
      'p.employee_id',
      'p.phase',
      'p.cancelled',
      'p.period_start',
      'a.type',
      'a.description',
      'a.timing',
      'a.hours',
      'a.actual_hours',
      'a.actual_start',
      'a.actual_end',
      'a.status',
      'a.is_formal',
      'a.counts_for_training_right',
      'a.funding',
      'fs.name as funding_source_name',
      'a.certificate_note',
      'at.name_nl as type_name_nl',
      'at.name_en as type_name_en',
    ])
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
}

export async function statementsOfYear(
  db: Db,
  organisationId: string,
  year: number,
): Promise<{ person_id: string; sent_at: string }[]> {
  return db
    .selectFrom('balance_statements')
    .select(['person_id', 'sent_at'])
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .execute();
}

/** Claims the person's statement of the year before it is sent; false when someone else already did. */
export async function claimStatement(
  db: Db,
  row: { id: string; organisationId: string; personId: string; year: number; sentBy: string; now: string },
): Promise<boolean> {
  const result = await db
    .insertInto('balance_statements')
    .values({
      id: row.id,
      organisation_id: row.organisationId,
      person_id: row.personId,
      year: row.year,
      sent_at: row.now,
      sent_by: row.sentBy,
    })
    .onConflict((oc) => oc.columns(['organisation_id', 'person_id', 'year']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function insertExports(
  db: Db,
  rows: readonly {
    id: string;
    organisationId: string;
    kind: string;
    period: string;
    personId: string | null;
    exportedBy: string;
    records: number;
    now: string;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('learning_account_exports')
    .values(
      rows.map((r) => ({
        id: r.id,
        organisation_id: r.organisationId,
        kind: r.kind,
        period: r.period,
        person_id: r.personId,
        exported_at: r.now,
        exported_by: r.exportedBy,
        records: r.records,
      })),
    )
    .execute();
}

export type ExportView = LearningAccountExportRow & {
  exported_by_first_name: string | null;
  exported_by_last_name: string | null;
};

export async function listExports(db: Db, organisationId: string): Promise<ExportView[]> {
  return db
    .selectFrom('learning_account_exports as e')
    .leftJoin('people as p', 'p.id', 'e.exported_by')
    .selectAll('e')
    .select(['p.first_name as exported_by_first_name', 'p.last_name as exported_by_last_name'])
    .where('e.organisation_id', '=', organisationId)
    .orderBy('e.exported_at', 'desc')
    .orderBy('e.id')
    .execute();
}
