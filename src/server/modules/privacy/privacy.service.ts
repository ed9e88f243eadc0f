import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  ErasureInput,
  ErasureRecord,
  LegalHoldInput,
  PersonPrivacy,
  RecordsOfProcessing,
  RetentionSettingsView,
  UpdateRetentionInput,
} from '../../../shared/contracts/privacy.js';
import { AppError } from '../../../shared/errors.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import { translate } from '../../../shared/i18n/translate.js';
import { type Actor, canManagePrivacy, canReadRecordsOfProcessing } from '../../../shared/policies.js';
import { dateIn } from '../../../shared/pop/dates.js';
import {
  processingActivities,
  retentionLines,
  securityMeasures,
} from '../../../shared/privacy/records-of-processing.js';
import {
  countryRetention,
  dueOn,
  effectiveRetention,
  legalMinimum,
  noRetentionSettings,
  personCategories,
  type Retention,
  type RetentionSettings,
  retentionBounds,
  retentionCategories,
  retentionErrors,
  retentionStart,
} from '../../../shared/privacy/retention.js';
import type { Country } from '../../../shared/roles.js';
import { fullName } from '../../../shared/text.js';
import type { AppContext } from '../../context.js';
import type { Database, PersonErasureRow } from '../../db/schema.js';
import { recordAudit, recordChange } from '../audit/index.js';
import * as repo from './privacy.repository.js';

type Db = Kysely<Database>;

export const asCountry = (value: string): Country => (value === 'NL' ? 'NL' : 'BE');

const nameOf = (first: string | null, last: string | null): string =>
  fullName({ firstName: first ?? '', lastName: last ?? '' });

export function settingsOf(row: repo.RetentionValues | undefined): RetentionSettings {
  if (!row) return noRetentionSettings;
  return {
    plan_content: row.plan_content_months,
    training_records: row.training_records_months,
    accounts: row.accounts_months,
    audit_log: row.audit_log_months,
  };
}

/** The organisation's country, its periods as chosen and as in force. */
export async function retentionOf(
  db: Db,
  organisationId: string,
): Promise<{
  organisation: repo.OrganisationFacts;
  country: Country;
  settings: RetentionSettings;
  retention: Retention;
}> {
  const [organisation, row] = await Promise.all([
    repo.findOrganisationFacts(db, organisationId),
    repo.findRetentionSettings(db, organisationId),
  ]);
  if (!organisation) throw new AppError('NOT_FOUND');
  const country = asCountry(organisation.country);
  const settings = settingsOf(row);
  return { organisation, country, settings, retention: effectiveRetention(country, settings) };
}

function requirePrivacyManager(actor: Actor): void {
  if (!canManagePrivacy(actor)) throw new AppError('FORBIDDEN');
}

// Retention periods.

export async function getRetentionSettings(ctx: AppContext, actor: Actor): Promise<RetentionSettingsView> {
  requirePrivacyManager(actor);
  const db = ctx.database.db;
  const [{ country, settings, retention }, row, disabled, holds, run] = await Promise.all([
    retentionOf(db, actor.organisationId),
    repo.findRetentionSettings(db, actor.organisationId),
    repo.countDisabledWithoutEndDate(db, actor.organisationId),
    repo.countLegalHolds(db, actor.organisationId),
    repo.lastFinishedRun(db, actor.organisationId),
  ]);
  return {
    country,
    categories: retentionCategories.map((category) => ({
      category,
      months: settings[category],
      defaultMonths: countryRetention[country][category],
      effectiveMonths: retention[category],
      minimumMonths: legalMinimum[country][category] ?? null,
      maximumMonths: retentionBounds[category].max,
      startsAt: retentionStart[category],
    })),
    disabledWithoutEndDate: disabled,
    legalHolds: holds,
    lastRun: run
      ? {
          day: run.day,
          finishedAt: run.finished_at,
          removed: run.report ? (JSON.parse(run.report) as Record<string, number>) : {},
        }
      : null,
    updatedAt: row?.updated_at ?? null,
    updatedBy:
      row?.updated_by && row.updated_by_last_name !== null
        ? { id: row.updated_by, name: nameOf(row.updated_by_first_name, row.updated_by_last_name) }
        : null,
    version: row ? Number(row.version) : 1,
  };
}

export async function updateRetentionSettings(
  ctx: AppContext,
  actor: Actor,
  input: UpdateRetentionInput,
): Promise<RetentionSettingsView> {
  requirePrivacyManager(actor);
  const db = ctx.database.db;
  const now = ctx.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const { country, settings } = await retentionOf(trx, actor.organisationId);
    const row = await repo.findRetentionSettings(trx, actor.organisationId);
    const currentVersion = row ? Number(row.version) : 1;
    if (input.version !== currentVersion) throw new AppError('VERSION_CONFLICT', { currentVersion });
    const next: RetentionSettings = {
      plan_content: input.planContent !== undefined ? input.planContent : settings.plan_content,
      training_records:
        input.trainingRecords !== undefined ? input.trainingRecords : settings.training_records,
      accounts: input.accounts !== undefined ? input.accounts : settings.accounts,
      audit_log: input.auditLog !== undefined ? input.auditLog : settings.audit_log,
    };
    const errors = retentionErrors(country, next);
    if (errors.length > 0)
      throw new AppError('VALIDATION_FAILED', {
        fields: errors.map((e) => ({
          path: e.path,
          code: e.code,
          ...(e.params ? { params: e.params } : {}),
        })),
      });
    const values: repo.RetentionValues = {
      plan_content_months: next.plan_content,
      training_records_months: next.training_records,
      accounts_months: next.accounts,
      audit_log_months: next.audit_log,
    };
    const saved = row
      ? await repo.updateRetentionSettings(
          trx,
          actor.organisationId,
          input.version,
          values,
          actor.personId,
          now,
        )
      : await repo.insertRetentionSettings(trx, actor.organisationId, values, actor.personId, now);
    if (!saved) {
      const latest = await repo.findRetentionSettings(trx, actor.organisationId);
      throw new AppError('VERSION_CONFLICT', { currentVersion: latest ? Number(latest.version) : 1 });
    }
    const months = (r: RetentionSettings) => ({
      planContentMonths: r.plan_content,
      trainingRecordsMonths: r.training_records,
      accountsMonths: r.accounts,
      auditLogMonths: r.audit_log,
    });
    await recordChange(trx, {
      organisationId: actor.organisationId,
      actor,
      action: 'organisation.retention_changed',
      objectType: 'organisation',
      objectId: actor.organisationId,
      before: months(settings),
      after: months(next),
      at: ctx.clock.now(),
    });
  });
  return getRetentionSettings(ctx, actor);
}

// One person.

function presentErasure(row: PersonErasureRow, erasedByName: string | null): ErasureRecord {
  return {
    id: row.id,
    personId: row.person_id,
    pseudonym: row.pseudonym,
    erasedAt: row.erased_at,
    erasedBy: row.erased_by && erasedByName !== null ? { id: row.erased_by, name: erasedByName } : null,
    reason: row.reason,
    kept: JSON.parse(row.kept) as ErasureRecord['kept'],
    removed: JSON.parse(row.removed) as ErasureRecord['removed'],
  };
}

/** Another organisation's person is simply not found; anyone but the beheerder is refused. */
async function requirePerson(db: Db, actor: Actor, personId: string) {
  requirePrivacyManager(actor);
  const person = await repo.findPerson(db, actor.organisationId, personId);
  if (!person) throw new AppError('NOT_FOUND');
  return person;
}

export async function getPersonPrivacy(
  ctx: AppContext,
  actor: Actor,
  personId: string,
): Promise<PersonPrivacy> {
  const db = ctx.database.db;
  const person = await requirePerson(db, actor, personId);
  const [{ retention }, purges, erasure] = await Promise.all([
    retentionOf(db, actor.organisationId),
    repo.purgesOf(db, actor.organisationId, personId),
    repo.latestErasureOf(db, actor.organisationId, personId),
  ]);
  const names = await repo.personNames(
    db,
    actor.organisationId,
    [person.legal_hold_set_by, erasure?.erased_by].filter((id): id is string => !!id),
  );
  const name = (id: string | null | undefined) => {
    const found = id ? names.get(id) : undefined;
    return found ? nameOf(found.first_name, found.last_name) : null;
  };
  const setByName = name(person.legal_hold_set_by);
  return {
    personId: person.id,
    name: nameOf(person.first_name, person.last_name),
    status: person.status === 'disabled' ? 'disabled' : 'active',
    endDate: person.end_date,
    legalHold: {
      active: Boolean(person.legal_hold),
      reason: person.legal_hold_reason,
      setAt: person.legal_hold_set_at,
      setBy:
        person.legal_hold_set_by && setByName !== null
          ? { id: person.legal_hold_set_by, name: setByName }
          : null,
    },
    categories: personCategories.map((category) => ({
      category,
      months: retention[category],
      dueOn: person.end_date ? dueOn(person.end_date, retention[category]) : null,
      purgedAt: purges.find((p) => p.category === category)?.purged_at ?? null,
    })),
    erasure: erasure ? presentErasure(erasure, name(erasure.erased_by)) : null,
    version: Number(person.version),
  };
}

export async function setLegalHold(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  input: LegalHoldInput,
): Promise<PersonPrivacy> {
  const db = ctx.database.db;
  await requirePerson(db, actor, personId);
  if (input.legalHold && !input.reason)
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'reason', code: 'required' }] });
  const now = ctx.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    const before = await repo.findPerson(trx, actor.organisationId, personId);
    const saved = await repo.setLegalHold(
      trx,
      actor.organisationId,
      personId,
      input.version,
      {
        active: input.legalHold,
        reason: input.legalHold ? (input.reason ?? null) : null,
        setBy: actor.personId,
        setAt: now,
      },
      now,
    );
    if (!saved) {
      const latest = await repo.findPerson(trx, actor.organisationId, personId);
      if (!latest) throw new AppError('NOT_FOUND');
      throw new AppError('VERSION_CONFLICT', { currentVersion: Number(latest.version) });
    }
    // The reason may name a case or a person: it stays on the person's record, not in the log.
    await recordChange(trx, {
      organisationId: actor.organisationId,
      actor,
      action: 'person.legal_hold_changed',
      objectType: 'person',
      objectId: personId,
      subjectPersonId: personId,
      before: { legalHold: Boolean(before?.legal_hold) },
      after: { legalHold: input.legalHold },
      always: true,
      at: ctx.clock.now(),
    });
  });
  return getPersonPrivacy(ctx, actor, personId);
}

/** The pseudonym an erased or purged person is known by: language-neutral, traceable to the erasure record. */
export function pseudonymOf(personId: string): { lastName: string; email: string } {
  return { lastName: `#${personId.slice(0, 8)}`, email: `erased-${personId}@groeipad.invalid` };
}

/** The legal duty a category of records stays for after an erasure, per country. */
const keptBasis = (country: Country) => ({
  training_records: country === 'BE' ? 'learning_account_be' : 'fiscal_records_nl',
  audit_log: 'accountability',
});

/**
 * Erasure on request (art. 17): the person's development content, preparations, notes, notifications, sessions,
 * sign-in links and the emails in the outbox addressed to them go; the record becomes a pseudonym. The training
 * records a legal duty requires stay, linked to the pseudonym; the audit log keeps its rows for its own period
 * (it is append-only). Someone without an end date gets the day of the erasure as one. A record of the erasure says who, when, why and what was kept. Refused under a legal hold.
 */
export async function erasePerson(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  input: ErasureInput,
): Promise<ErasureRecord> {
  requirePrivacyManager(actor);
  const db = ctx.database.db;
  const now = ctx.clock.now();
  const at = now.toISOString();
  const id = randomUUID();
  const lock = ctx.database.dialect === 'postgresql';
  await db.transaction().execute(async (trx) => {
    const person = await repo.lockPerson(trx, actor.organisationId, personId, lock);
    if (!person) throw new AppError('NOT_FOUND');
    if (person.id === actor.personId)
      throw new AppError('INVALID_STATE', { params: { messageKey: 'ERASE_SELF' } });
    if (Number(person.version) !== input.version)
      throw new AppError('VERSION_CONFLICT', { currentVersion: Number(person.version) });
    if (person.legal_hold)
      throw new AppError('INVALID_STATE', { params: { messageKey: 'LEGAL_HOLD_ACTIVE' } });
    if (person.erased_at) throw new AppError('INVALID_STATE', { params: { messageKey: 'ALREADY_ERASED' } });
    const { country, organisation } = await retentionOf(trx, actor.organisationId);
    const content = await repo.removePlanContent(trx, actor.organisationId, personId, at);
    const pseudonym = pseudonymOf(personId);
    const account = await repo.closeAccount(trx, actor.organisationId, person, pseudonym, at);
    // Without an end date, the employment ends for Groeipad on the day of the erasure: the training records that stay
    // keep counting in that year's balances, and their own period starts.
    if (person.end_date === null)
      await repo.setEndDate(trx, actor.organisationId, personId, dateIn(organisation.time_zone, now));
    const training = await repo.countTrainingRecords(trx, actor.organisationId, personId);
    // That it happened, by whom and when; the reason stays in the erasure record.
    await recordAudit(trx, {
      organisationId: actor.organisationId,
      actor,
      action: 'person.erased',
      objectType: 'person',
      objectId: personId,
      subjectPersonId: personId,
      at: now,
    });
    const auditRows = await repo.countAuditRows(trx, actor.organisationId, personId);
    for (const [category, removed] of [
      ['plan_content', content],
      ['accounts', account],
    ] as const)
      await repo.recordPurge(trx, {
        organisationId: actor.organisationId,
        personId,
        category,
        now: at,
        removed: JSON.stringify(removed),
      });
    const basis = keptBasis(country);
    const kept: ErasureRecord['kept'] = [
      ...(training > 0
        ? [{ category: 'training_records' as const, count: training, basis: basis.training_records }]
        : []),
      ...(auditRows > 0
        ? [{ category: 'audit_log' as const, count: auditRows, basis: basis.audit_log }]
        : []),
    ];
    const removed: Record<string, number> = { ...content };
    for (const [kind, count] of Object.entries(account)) removed[kind] = (removed[kind] ?? 0) + count;
    await repo.insertErasure(trx, {
      id,
      organisation_id: actor.organisationId,
      person_id: personId,
      pseudonym: pseudonym.lastName,
      erased_at: at,
      erased_by: actor.personId,
      reason: input.reason,
      kept: JSON.stringify(kept),
      removed: JSON.stringify(removed),
    });
    await repo.markErased(trx, actor.organisationId, personId, at);
  });
  const record = await repo.latestErasureOf(db, actor.organisationId, personId);
  if (!record) throw new AppError('NOT_FOUND');
  const names = await repo.personNames(db, actor.organisationId, [actor.personId]);
  const self = names.get(actor.personId);
  return presentErasure(record, self ? nameOf(self.first_name, self.last_name) : null);
}

// The records of processing.

export async function getRecordsOfProcessing(
  ctx: AppContext,
  actor: Actor,
  locale: Locale,
): Promise<RecordsOfProcessing> {
  if (!canReadRecordsOfProcessing(actor, { organisationId: actor.organisationId }))
    throw new AppError('NOT_FOUND');
  const { organisation, country, settings, retention } = await retentionOf(
    ctx.database.db,
    actor.organisationId,
  );
  const facts = {
    country,
    hrSeesPlanContent: Boolean(organisation.hr_sees_plan_content),
    settings,
    retention,
  };
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(locale, `privacy.ropa.${key}`, params);
  const period = (months: number, startsAt: 'leaving' | 'event') => t(`period.${startsAt}`, { months });
  return {
    organisation: { name: organisation.name, country },
    generatedAt: ctx.clock.now().toISOString(),
    controller: t('controller', { organisation: organisation.name }),
    activities: processingActivities(facts).map((activity) => ({
      key: activity.key,
      name: t(`activities.${activity.key}.name`),
      purpose: t(`activities.${activity.key}.purpose`),
      legalBasis: t(`basis.${activity.legalBasis}`),
      dataSubjects: activity.dataSubjects.map((key) => t(`subjects.${key}`)),
      dataCategories: activity.dataCategories.map((key) => t(`data.${key}`)),
      recipients: activity.recipients.map((key) => t(`recipients.${key}`)),
      retention: period(activity.months, activity.startsAt),
    })),
    retention: retentionLines(facts).map((line) => ({
      category: line.category,
      label: t(`categories.${line.category}`),
      months: line.months,
      isDefault: line.isDefault,
      startsAt: line.startsAt,
      basis: t(`retentionBasis.${line.basis}`),
    })),
    measures: securityMeasures.map((key) => t(`measures.${key}`)),
    transfers: t('transfers'),
  };
}
