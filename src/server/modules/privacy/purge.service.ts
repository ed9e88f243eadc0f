import { randomUUID } from 'node:crypto';
import { dateIn, zonedTimeToUtc } from '../../../shared/pop/dates.js';
import {
  auditKeptFrom,
  dueCategories,
  isPersonCategory,
  leftOnOrBefore,
  type PersonCategory,
  personCategories,
} from '../../../shared/privacy/retention.js';
import type { AppContext } from '../../context.js';
import { forgetOldReads, purgeAuditEventsBefore } from '../audit/index.js';
import * as repo from './privacy.repository.js';
import { pseudonymOf, retentionOf } from './privacy.service.js';

/** A claim of a day's run that never finished (the process died) may be taken over after this long. */
const staleClaimMs = 60 * 60 * 1000;

export interface PurgeReport {
  /** Organisations whose run of the day this call made. */
  organisations: number;
  /** People with at least one category removed. */
  people: number;
  auditRows: number;
}

/**
 * Removes what is past its period for one person, in one transaction, under a lock of the person's row: the legal hold
 * is read again there, so a hold set a moment ago wins. Content goes before training records (see `dueCategories`).
 */
async function purgePerson(
  ctx: AppContext,
  organisationId: string,
  personId: string,
  categories: readonly PersonCategory[],
  now: string,
): Promise<PersonCategory[]> {
  const lock = ctx.database.dialect === 'postgresql';
  return ctx.database.db.transaction().execute(async (trx) => {
    const person = await repo.lockPerson(trx, organisationId, personId, lock);
    if (!person || person.legal_hold) return [];
    const done: PersonCategory[] = [];
    for (const category of categories) {
      let removed: repo.Counts;
      if (category === 'plan_content')
        removed = await repo.removePlanContent(trx, organisationId, personId, now);
      else if (category === 'training_records')
        removed = await repo.removeTrainingRecords(trx, organisationId, personId);
      else {
        // Never the last active beheerder: the organisation would be locked out of its own settings.
        const roles = await repo.rolesOf(trx, organisationId, personId);
        if (person.status === 'active' && roles.includes('admin')) {
          const admins = await repo.activeAdminIds(trx, organisationId);
          if (admins.filter((id) => id !== personId).length === 0) continue;
        }
        removed = await repo.closeAccount(trx, organisationId, person, pseudonymOf(personId), now);
      }
      await repo.recordPurge(trx, {
        organisationId,
        personId,
        category,
        now,
        removed: JSON.stringify(removed),
      });
      done.push(category);
    }
    return done;
  });
}

/** The day's run of one organisation, once: false when another runner has (or had) it. */
export async function purgeOrganisation(
  ctx: AppContext,
  organisationId: string,
  now: Date,
): Promise<{ people: number; auditRows: number } | null> {
  const db = ctx.database.db;
  const { organisation, retention } = await retentionOf(db, organisationId);
  const today = dateIn(organisation.time_zone, now);
  const token = randomUUID();
  const at = now.toISOString();
  const claimed = await repo.claimRun(
    db,
    organisationId,
    today,
    token,
    at,
    new Date(now.getTime() - staleClaimMs).toISOString(),
  );
  if (!claimed) return null;
  const report: Record<string, number> = {};
  let people = 0;
  const candidates = await repo.purgeCandidates(
    db,
    organisationId,
    leftOnOrBefore(today, retention),
    personCategories.length,
  );
  for (const candidate of candidates) {
    const done = (await repo.purgesOf(db, organisationId, candidate.id))
      .map((p) => p.category)
      .filter(isPersonCategory);
    const due = dueCategories({
      today,
      leftOn: candidate.end_date,
      retention,
      legalHold: Boolean(candidate.legal_hold),
      done,
    });
    if (due.length === 0) continue;
    const purged = await purgePerson(ctx, organisationId, candidate.id, due, at);
    if (purged.length > 0) people++;
    for (const category of purged) report[category] = (report[category] ?? 0) + 1;
  }
  const keptFrom = auditKeptFrom(
    today,
    retention.audit_log,
    (await repo.countLegalHolds(db, organisationId)) > 0,
  );
  let auditRows = 0;
  if (keptFrom !== null) {
    const before = zonedTimeToUtc(keptFrom, '00:00', organisation.time_zone).toISOString();
    auditRows = await purgeAuditEventsBefore(db, ctx.database.dialect, organisationId, before);
  }
  if (auditRows > 0) report.audit_log = auditRows;
  await forgetOldReads(db, organisationId, now);
  await repo.finishRun(
    db,
    organisationId,
    today,
    token,
    ctx.clock.now().toISOString(),
    JSON.stringify(report),
  );
  return { people, auditRows };
}

/**
 * The daily purge of every organisation (the job runner calls it on every pass; each organisation runs once a day,
 * claimed in `privacy_purge_runs`, so several runners never purge the same day twice). One organisation's failure is
 * logged and does not stop the others.
 */
export async function runPrivacyPurge(ctx: AppContext, now: Date): Promise<PurgeReport> {
  const report: PurgeReport = { organisations: 0, people: 0, auditRows: 0 };
  for (const organisationId of await repo.organisationIds(ctx.database.db)) {
    try {
      const run = await purgeOrganisation(ctx, organisationId, now);
      if (!run) continue;
      report.organisations++;
      report.people += run.people;
      report.auditRows += run.auditRows;
    } catch (error) {
      ctx.logger.error({ err: error, organisationId }, 'privacy purge failed');
    }
  }
  return report;
}
