import { type Kysely, sql } from 'kysely';
import type { Database, PersonErasureRow, PersonRow, RetentionSettingsRow } from '../../db/schema.js';

type Db = Kysely<Database>;

const chunks = <T>(values: readonly T[], size = 200): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
};

const deleted = (result: { numDeletedRows: bigint }): number => Number(result.numDeletedRows);

// The organisation and its settings.

export interface OrganisationFacts {
  id: string;
  name: string;
  country: string;
  locale: string;
  time_zone: string;
  hr_sees_plan_content: boolean | number;
}

export async function findOrganisationFacts(
  db: Db,
  organisationId: string,
): Promise<OrganisationFacts | undefined> {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'country', 'locale', 'time_zone', 'hr_sees_plan_content'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
}

export async function organisationIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('organisations').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}

export type RetentionSettingsView = RetentionSettingsRow & {
  updated_by_first_name: string | null;
  updated_by_last_name: string | null;
};

export async function findRetentionSettings(
  db: Db,
  organisationId: string,
): Promise<RetentionSettingsView | undefined> {
  return db
    .selectFrom('retention_settings as s')
    .leftJoin('people as p', (join) =>
      join.onRef('p.id', '=', 's.updated_by').onRef('p.organisation_id', '=', 's.organisation_id'),
    )
    .selectAll('s')
    .select(['p.first_name as updated_by_first_name', 'p.last_name as updated_by_last_name'])
    .where('s.organisation_id', '=', organisationId)
    .executeTakeFirst();
}

export interface RetentionValues {
  plan_content_months: number | null;
  training_records_months: number | null;
  audit_log_months: number | null;
  accounts_months: number | null;
}

/** The first save of an organisation's periods (version 1 was the defaults): false when someone else saved first. */
export async function insertRetentionSettings(
  db: Db,
  organisationId: string,
  values: RetentionValues,
  updatedBy: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .insertInto('retention_settings')
    .values({
      organisation_id: organisationId,
      ...values,
      updated_by: updatedBy,
      created_at: now,
      updated_at: now,
      version: 2,
    })
    .onConflict((oc) => oc.column('organisation_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The guarded update: no row changed means a stale version. */
export async function updateRetentionSettings(
  db: Db,
  organisationId: string,
  version: number,
  values: RetentionValues,
  updatedBy: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('retention_settings')
    .set((eb) => ({ ...values, updated_by: updatedBy, updated_at: now, version: eb('version', '+', 1) }))
    .where('organisation_id', '=', organisationId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countDisabledWithoutEndDate(db: Db, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'disabled')
    .where('end_date', 'is', null)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function countLegalHolds(db: Db, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where(sql<boolean>`legal_hold`)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export async function lastFinishedRun(
  db: Db,
  organisationId: string,
): Promise<{ day: string; finished_at: string | null; report: string | null } | undefined> {
  return db
    .selectFrom('privacy_purge_runs')
    .select(['day', 'finished_at', 'report'])
    .where('organisation_id', '=', organisationId)
    .where('finished_at', 'is not', null)
    .orderBy('day', 'desc')
    .limit(1)
    .executeTakeFirst();
}

// One person.

export async function findPerson(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<PersonRow | undefined> {
  return db
    .selectFrom('people')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', personId)
    .executeTakeFirst();
}

/** Locks the person's row for the rest of the transaction (PostgreSQL); SQLite runs one writer at a time. */
export async function lockPerson(
  db: Db,
  organisationId: string,
  personId: string,
  forUpdate: boolean,
): Promise<PersonRow | undefined> {
  let query = db
    .selectFrom('people')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', personId);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function personNames(
  db: Db,
  organisationId: string,
  ids: readonly string[],
): Promise<Map<string, { first_name: string; last_name: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'first_name', 'last_name'])
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function purgesOf(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<{ category: string; purged_at: string }[]> {
  return db
    .selectFrom('retention_purges')
    .select(['category', 'purged_at'])
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .execute();
}

export async function latestErasureOf(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<PersonErasureRow | undefined> {
  return db
    .selectFrom('person_erasures')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .orderBy('erased_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertErasure(db: Db, row: PersonErasureRow): Promise<void> {
  await db.insertInto('person_erasures').values(row).execute();
}

// What the export reads (the plans themselves come through the plans module).

export interface PersonView extends PersonRow {
  function_name: string | null;
  team_name: string | null;
  manager_first_name: string | null;
  manager_last_name: string | null;
}

export async function findPersonView(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<PersonView | undefined> {
  return db
    .selectFrom('people as p')
    .leftJoin('job_functions as f', (join) =>
      join.onRef('f.id', '=', 'p.function_id').onRef('f.organisation_id', '=', 'p.organisation_id'),
    )
    .leftJoin('teams as t', (join) =>
      join.onRef('t.id', '=', 'p.team_id').onRef('t.organisation_id', '=', 'p.organisation_id'),
    )
    .leftJoin('people as m', (join) =>
      join.onRef('m.id', '=', 'p.manager_id').onRef('m.organisation_id', '=', 'p.organisation_id'),
    )
    .selectAll('p')
    .select([
      'f.name as function_name',
      't.name as team_name',
      'm.first_name as manager_first_name',
      'm.last_name as manager_last_name',
    ])
    .where('p.organisation_id', '=', organisationId)
    .where('p.id', '=', personId)
    .executeTakeFirst();
}

export async function rolesOf(db: Db, organisationId: string, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('person_roles')
    .select('role')
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .execute();
  return rows.map((r) => r.role);
}

export async function activeAdminIds(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('people as p')
    .innerJoin('person_roles as r', 'r.person_id', 'p.id')
    .select('p.id')
    .where('p.organisation_id', '=', organisationId)
    .where('r.role', '=', 'admin')
    .where('p.status', '=', 'active')
    .execute();
  return rows.map((r) => r.id);
}

export async function sessionsOf(db: Db, organisationId: string, personId: string) {
  return db
    .selectFrom('sessions')
    .select(['created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .orderBy('created_at')
    .execute();
}

export async function calendarFeedOf(db: Db, organisationId: string, personId: string) {
  return db
    .selectFrom('calendar_feeds')
    .select(['created_at', 'last_used_at'])
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export async function planIdsAsEmployee(db: Db, organisationId: string, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('plans')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('employee_id', '=', personId)
    .orderBy('period_start')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function plansAsManager(db: Db, organisationId: string, personId: string) {
  return db
    .selectFrom('plans as p')
    .innerJoin('people as e', (join) =>
      join.onRef('e.id', '=', 'p.employee_id').onRef('e.organisation_id', '=', 'p.organisation_id'),
    )
    .select([
      'p.id',
      'p.employee_id',
      'e.first_name',
      'e.last_name',
      'p.period_start',
      'p.period_end',
      'p.phase',
    ])
    .where('p.organisation_id', '=', organisationId)
    .where('p.manager_id', '=', personId)
    .where('p.employee_id', '!=', personId)
    .orderBy('p.period_start')
    .orderBy('p.id')
    .execute();
}

export async function trainingYearsOf(db: Db, organisationId: string, personId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('actions as a')
    .innerJoin('plans as p', 'p.id', 'a.plan_id')
    .select('a.plan_year')
    .distinct()
    .where('a.organisation_id', '=', organisationId)
    .where('p.organisation_id', '=', organisationId)
    .where('p.employee_id', '=', personId)
    .where('p.phase', 'in', ['approved', 'evaluation', 'closed'])
    .execute();
  return rows.map((r) => r.plan_year).filter((y): y is number => typeof y === 'number');
}

export async function statementsOf(db: Db, organisationId: string, personId: string) {
  return db
    .selectFrom('balance_statements')
    .select(['year', 'sent_at'])
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .orderBy('year')
    .execute();
}

export async function notificationsOf(db: Db, organisationId: string, personId: string) {
  return db
    .selectFrom('notifications')
    .select(['kind', 'created_at', 'read_at', 'link', 'params'])
    .where('organisation_id', '=', organisationId)
    .where('recipient_id', '=', personId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function preferencesOf(db: Db, organisationId: string, personId: string) {
  return db
    .selectFrom('notification_preferences')
    .select(['kind', 'mode'])
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .orderBy('kind')
    .execute();
}

export async function emailsTo(db: Db, organisationId: string, emailKey: string) {
  return db
    .selectFrom('emails')
    .select(['kind', 'subject', 'status', 'created_at', 'sent_at'])
    .where('organisation_id', '=', organisationId)
    .where(sql<boolean>`lower(to_address) = ${emailKey}`)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export interface AuditRow {
  id: number;
  occurred_at: string;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  plan_id: string | null;
  changes: string | null;
  actor_first_name: string | null;
  actor_last_name: string | null;
}

/**
 * The person's rows of the audit log: `about` = rows whose subject they are, written by someone else (or the system);
 * `by` = rows they wrote themselves. Oldest first.
 */
export async function auditRowsOf(
  db: Db,
  organisationId: string,
  personId: string,
  which: 'about' | 'by',
): Promise<AuditRow[]> {
  let query = db
    .selectFrom('audit_events as e')
    .leftJoin('people as a', (join) =>
      join.onRef('a.id', '=', 'e.actor_id').onRef('a.organisation_id', '=', 'e.organisation_id'),
    )
    .select([
      'e.id',
      'e.occurred_at',
      'e.actor_id',
      'e.actor_role',
      'e.action',
      'e.object_type',
      'e.object_id',
      'e.plan_id',
      'e.changes',
      'a.first_name as actor_first_name',
      'a.last_name as actor_last_name',
    ])
    .where('e.organisation_id', '=', organisationId);
  query =
    which === 'about'
      ? query
          .where('e.subject_person_id', '=', personId)
          .where((eb) => eb.or([eb('e.actor_id', 'is', null), eb('e.actor_id', '!=', personId)]))
      : query.where('e.actor_id', '=', personId);
  const rows = await query.orderBy('e.id').execute();
  return rows.map((row) => ({ ...row, id: Number(row.id) }));
}

/** The audit rows about or by a person: what an erasure leaves in the append-only log. */
export async function countAuditRows(db: Db, organisationId: string, personId: string): Promise<number> {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('subject_person_id', '=', personId), eb('actor_id', '=', personId)]))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

// The purge.

/** Claims an organisation's run of a day; a claim older than `staleBefore` that never finished is taken over. */
export async function claimRun(
  db: Db,
  organisationId: string,
  day: string,
  token: string,
  now: string,
  staleBefore: string,
): Promise<boolean> {
  const inserted = await db
    .insertInto('privacy_purge_runs')
    .values({ organisation_id: organisationId, day, claimed_at: now, claim_token: token })
    .onConflict((oc) => oc.columns(['organisation_id', 'day']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return true;
  const taken = await db
    .updateTable('privacy_purge_runs')
    .set({ claimed_at: now, claim_token: token })
    .where('organisation_id', '=', organisationId)
    .where('day', '=', day)
    .where('finished_at', 'is', null)
    .where('claimed_at', '<', staleBefore)
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}

export async function finishRun(
  db: Db,
  organisationId: string,
  day: string,
  token: string,
  now: string,
  report: string,
): Promise<void> {
  await db
    .updateTable('privacy_purge_runs')
    .set({ finished_at: now, report })
    .where('organisation_id', '=', organisationId)
    .where('day', '=', day)
    .where('claim_token', '=', token)
    .execute();
}

export interface PurgeCandidate {
  id: string;
  end_date: string | null;
  legal_hold: boolean | number;
}

/** People who left on or before a day, without a legal hold, with a category not removed yet. */
export async function purgeCandidates(
  db: Db,
  organisationId: string,
  leftOnOrBefore: string,
  categories: number,
): Promise<PurgeCandidate[]> {
  return db
    .selectFrom('people as p')
    .select(['p.id', 'p.end_date', 'p.legal_hold'])
    .where('p.organisation_id', '=', organisationId)
    .where('p.end_date', 'is not', null)
    .where('p.end_date', '<=', leftOnOrBefore)
    .where(sql<boolean>`not p.legal_hold`)
    .where((eb) =>
      eb(
        eb
          .selectFrom('retention_purges as r')
          .select((s) => s.fn.countAll<number>().as('n'))
          .whereRef('r.person_id', '=', 'p.id'),
        '<',
        categories,
      ),
    )
    .orderBy('p.end_date')
    .orderBy('p.id')
    .execute();
}

export async function recordPurge(
  db: Db,
  row: { organisationId: string; personId: string; category: string; now: string; removed: string },
): Promise<void> {
  await db
    .insertInto('retention_purges')
    .values({
      organisation_id: row.organisationId,
      person_id: row.personId,
      category: row.category,
      purged_at: row.now,
      removed: row.removed,
    })
    .onConflict((oc) => oc.columns(['person_id', 'category']).doNothing())
    .execute();
}

export type Counts = Record<string, number>;

const add = (counts: Counts, key: string, n: number) => {
  if (n > 0) counts[key] = (counts[key] ?? 0) + n;
};

const agreedPhases = ['approved', 'evaluation', 'closed'];

type PlanPart =
  | 'preparations'
  | 'talking_points'
  | 'follow_ups'
  | 'evaluations'
  | 'plan_versions'
  | 'action_comments'
  | 'calendar_events'
  | 'reminders'
  | 'notifications';

/**
 * Removes the development content of a person's POPs (as their employee) and keeps the training records: the facts
 * of each action of an agreed POP that the learning account and the budgets read (kind, name, provider, timing,
 * hours, cost, funding, status, dates, certificate), with the plan's period and phase they are counted by.
 *
 * - POPs never agreed or stopped go entirely (they hold no training record);
 * - preparations, talking points, follow-ups, evaluations, approved versions, comments, calendar events and the
 *   reminders and notifications about these POPs go;
 * - goals keep no text; actions lose their support and follow-up agreements; cancelled actions go; a goal without
 *   actions and a POP without goals go.
 * Idempotent: a second run finds nothing left to remove.
 */
export async function removePlanContent(db: Db, organisationId: string, personId: string, now: string) {
  const counts: Counts = {};
  const plans = await db
    .selectFrom('plans')
    .select(['id', 'phase', 'cancelled'])
    .where('organisation_id', '=', organisationId)
    .where('employee_id', '=', personId)
    .execute();
  const agreed = plans.filter((p) => agreedPhases.includes(p.phase) && !p.cancelled).map((p) => p.id);
  const others = plans.filter((p) => !agreed.includes(p.id)).map((p) => p.id);
  for (const ids of chunks(others)) {
    const result = await db
      .deleteFrom('plans')
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', ids)
      .executeTakeFirst();
    add(counts, 'plans', deleted(result));
  }
  for (const ids of chunks(agreed)) {
    const inPlans = (table: PlanPart) =>
      db
        .deleteFrom(table as 'preparations')
        .where('organisation_id', '=', organisationId)
        .where('plan_id', 'in', ids)
        .executeTakeFirst();
    add(counts, 'preparations', deleted(await inPlans('preparations')));
    add(counts, 'talkingPoints', deleted(await inPlans('talking_points')));
    add(counts, 'followUps', deleted(await inPlans('follow_ups')));
    add(counts, 'evaluations', deleted(await inPlans('evaluations')));
    add(counts, 'versions', deleted(await inPlans('plan_versions')));
    add(counts, 'comments', deleted(await inPlans('action_comments')));
    add(counts, 'calendarEvents', deleted(await inPlans('calendar_events')));
    add(counts, 'reminders', deleted(await inPlans('reminders')));
    add(counts, 'notifications', deleted(await inPlans('notifications')));
    add(
      counts,
      'actions',
      deleted(
        await db
          .deleteFrom('actions')
          .where('organisation_id', '=', organisationId)
          .where('plan_id', 'in', ids)
          .where('status', '=', 'cancelled')
          .executeTakeFirst(),
      ),
    );
    await db
      .updateTable('actions')
      .set((eb) => ({
        support_time: null,
        support_budget: null,
        support_logistics: null,
        support_coach: null,
        follow_up: null,
        carried_from_action_id: null,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('organisation_id', '=', organisationId)
      .where('plan_id', 'in', ids)
      .where((eb) =>
        eb.or([
          eb('support_time', 'is not', null),
          eb('support_budget', 'is not', null),
          eb('support_logistics', 'is not', null),
          eb('support_coach', 'is not', null),
          eb('follow_up', 'is not', null),
          eb('carried_from_action_id', 'is not', null),
        ]),
      )
      .execute();
    add(
      counts,
      'goals',
      deleted(
        await db
          .deleteFrom('goals')
          .where('organisation_id', '=', organisationId)
          .where('plan_id', 'in', ids)
          .where((eb) =>
            eb.not(
              eb.exists(eb.selectFrom('actions as a').select('a.id').whereRef('a.goal_id', '=', 'goals.id')),
            ),
          )
          .executeTakeFirst(),
      ),
    );
    await db
      .updateTable('goals')
      .set((eb) => ({
        title: '',
        description: null,
        reason: null,
        organisation_goal: null,
        competency_id: null,
        measure: null,
        evaluation_result: null,
        evaluation_note: null,
        carried_from_goal_id: null,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('organisation_id', '=', organisationId)
      .where('plan_id', 'in', ids)
      .where((eb) =>
        eb.or([
          eb('title', '!=', ''),
          eb('description', 'is not', null),
          eb('reason', 'is not', null),
          eb('organisation_goal', 'is not', null),
          eb('competency_id', 'is not', null),
          eb('measure', 'is not', null),
          eb('evaluation_result', 'is not', null),
          eb('evaluation_note', 'is not', null),
          eb('carried_from_goal_id', 'is not', null),
        ]),
      )
      .execute();
    add(
      counts,
      'plans',
      deleted(
        await db
          .deleteFrom('plans')
          .where('organisation_id', '=', organisationId)
          .where('id', 'in', ids)
          .where((eb) =>
            eb.not(
              eb.exists(eb.selectFrom('goals as g').select('g.id').whereRef('g.plan_id', '=', 'plans.id')),
            ),
          )
          .executeTakeFirst(),
      ),
    );
    await db
      .updateTable('plans')
      .set((eb) => ({
        conversation_notes: '{}',
        facilities: null,
        disagreement: 0,
        disagreement_comment: null,
        revision_open: 0,
        conversation_at: null,
        evaluation_date: null,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('organisation_id', '=', organisationId)
      .where('id', 'in', ids)
      .where((eb) =>
        eb.or([
          eb('conversation_notes', '!=', '{}'),
          eb('facilities', 'is not', null),
          eb('disagreement_comment', 'is not', null),
          eb('conversation_at', 'is not', null),
          eb('evaluation_date', 'is not', null),
          sql<boolean>`revision_open`,
          sql<boolean>`disagreement`,
        ]),
      )
      .execute();
  }
  return counts;
}

/** Counts the training records (actions of the person's agreed POPs) that remain: what an erasure keeps. */
export async function countTrainingRecords(
  db: Db,
  organisationId: string,
  personId: string,
): Promise<number> {
  const row = await db
    .selectFrom('actions as a')
    .innerJoin('plans as p', 'p.id', 'a.plan_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('a.organisation_id', '=', organisationId)
    .where('p.employee_id', '=', personId)
    .executeTakeFirst();
  const statements = await db
    .selectFrom('balance_statements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(row?.n ?? 0) + Number(statements?.n ?? 0);
}

/** Removes what is left of the person's POPs (the training records), balance statements and learning-account rows. */
export async function removeTrainingRecords(db: Db, organisationId: string, personId: string) {
  const counts: Counts = {};
  const actions = await db
    .selectFrom('actions as a')
    .innerJoin('plans as p', 'p.id', 'a.plan_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('a.organisation_id', '=', organisationId)
    .where('p.employee_id', '=', personId)
    .executeTakeFirst();
  add(counts, 'actions', Number(actions?.n ?? 0));
  add(
    counts,
    'plans',
    deleted(
      await db
        .deleteFrom('plans')
        .where('organisation_id', '=', organisationId)
        .where('employee_id', '=', personId)
        .executeTakeFirst(),
    ),
  );
  add(
    counts,
    'statements',
    deleted(
      await db
        .deleteFrom('balance_statements')
        .where('organisation_id', '=', organisationId)
        .where('person_id', '=', personId)
        .executeTakeFirst(),
    ),
  );
  add(
    counts,
    'learningAccountRows',
    deleted(
      await db
        .deleteFrom('learning_account_exports')
        .where('organisation_id', '=', organisationId)
        .where('person_id', '=', personId)
        .executeTakeFirst(),
    ),
  );
  return counts;
}

/**
 * Closes the account and turns the person record into a pseudonym: sessions, sign-in links, calendar feed,
 * notifications, reminders, email choices, emails in the outbox addressed to them, roles and the password go; the
 * name and email become the pseudonym; function, manager, gender and risk group are cleared. Kept: the team (the
 * budgets count costs per team), employment dates, FTE, work country and language (the training norms and balances
 * of past years count them).
 */
export async function closeAccount(
  db: Db,
  organisationId: string,
  person: Pick<PersonRow, 'id' | 'email_key'>,
  pseudonym: { lastName: string; email: string },
  now: string,
) {
  const counts: Counts = {};
  const byPerson = (table: 'sessions' | 'auth_tokens' | 'calendar_feeds' | 'notification_preferences') =>
    db
      .deleteFrom(table as 'sessions')
      .where('organisation_id', '=', organisationId)
      .where('person_id', '=', person.id)
      .executeTakeFirst();
  add(counts, 'sessions', deleted(await byPerson('sessions')));
  add(counts, 'tokens', deleted(await byPerson('auth_tokens')));
  add(counts, 'calendarFeeds', deleted(await byPerson('calendar_feeds')));
  add(counts, 'emailPreferences', deleted(await byPerson('notification_preferences')));
  add(
    counts,
    'notifications',
    deleted(
      await db
        .deleteFrom('notifications')
        .where('organisation_id', '=', organisationId)
        .where('recipient_id', '=', person.id)
        .executeTakeFirst(),
    ),
  );
  add(
    counts,
    'reminders',
    deleted(
      await db
        .deleteFrom('reminders')
        .where('organisation_id', '=', organisationId)
        .where('recipient_id', '=', person.id)
        .executeTakeFirst(),
    ),
  );
  add(
    counts,
    'emails',
    deleted(
      await db
        .deleteFrom('emails')
        .where('organisation_id', '=', organisationId)
        .where(sql<boolean>`lower(to_address) = ${person.email_key}`)
        .executeTakeFirst(),
    ),
  );
  // When they last read a plan (the audit log keeps the reads themselves, like everything they did).
  await db
    .deleteFrom('plan_reads')
    .where('organisation_id', '=', organisationId)
    .where('reader_id', '=', person.id)
    .execute();
  add(
    counts,
    'roles',
    deleted(
      await db
        .deleteFrom('person_roles')
        .where('organisation_id', '=', organisationId)
        .where('person_id', '=', person.id)
        .executeTakeFirst(),
    ),
  );
  // Nobody keeps them as manager; the version moves, so a form opened before cannot put them back unnoticed.
  await db
    .updateTable('people')
    .set((eb) => ({ manager_id: null, updated_at: now, version: eb('version', '+', 1) }))
    .where('organisation_id', '=', organisationId)
    .where('manager_id', '=', person.id)
    .execute();
  await db
    .updateTable('teams')
    .set((eb) => ({ manager_id: null, updated_at: now, version: eb('version', '+', 1) }))
    .where('organisation_id', '=', organisationId)
    .where('manager_id', '=', person.id)
    .execute();
  const email = pseudonym.email.toLowerCase();
  await db
    .updateTable('people')
    .set((eb) => ({
      first_name: '',
      last_name: pseudonym.lastName,
      email,
      email_key: email,
      search_key: pseudonym.lastName.toLowerCase(),
      function_id: null,
      manager_id: null,
      work_regime: null,
      risk_group: 0,
      gender: null,
      status: 'disabled',
      password_hash: null,
      invited_at: null,
      last_login_at: null,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', person.id)
    .execute();
  return counts;
}

/** Sets or lifts the legal hold with the person's version as guard; false when the version is stale. */
export async function setLegalHold(
  db: Db,
  organisationId: string,
  personId: string,
  version: number,
  hold: { active: boolean; reason: string | null; setBy: string | null; setAt: string | null },
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('people')
    .set((eb) => ({
      legal_hold: hold.active ? 1 : 0,
      legal_hold_reason: hold.reason,
      legal_hold_set_by: hold.setBy,
      legal_hold_set_at: hold.setAt,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('organisation_id', '=', organisationId)
    .where('id', '=', personId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setEndDate(
  db: Db,
  organisationId: string,
  personId: string,
  endDate: string,
): Promise<void> {
  await db
    .updateTable('people')
    .set({ end_date: endDate })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', personId)
    .execute();
}

export async function markErased(
  db: Db,
  organisationId: string,
  personId: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('people')
    .set({ erased_at: now })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', personId)
    .execute();
}
