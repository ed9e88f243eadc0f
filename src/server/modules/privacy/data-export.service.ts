import { type AuditAction, type AuditObjectType, auditActions } from '../../../shared/contracts/audit.js';
import type { DataExport, ExportedAuditEvent } from '../../../shared/contracts/privacy.js';
import type { MyTrainingRight } from '../../../shared/contracts/training-right.js';
import { AppError } from '../../../shared/errors.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import { type Actor, canExportOwnData } from '../../../shared/policies.js';
import { dateIn } from '../../../shared/pop/dates.js';
import { retentionCategories, retentionStart } from '../../../shared/privacy/retention.js';
import { roles as allRoles, type Role } from '../../../shared/roles.js';
import { fullName } from '../../../shared/text.js';
import type { AppContext } from '../../context.js';
import { documentText, renderPdf, safeFileName } from '../../documents/index.js';
import { getPlan, getVersion } from '../plans/index.js';
import { getOwnTrainingRight } from '../training-right/index.js';
import { dataExportPdf } from './data-export.pdf.js';
import * as repo from './privacy.repository.js';
import { retentionOf } from './privacy.service.js';

/**
 * Everything Groeipad holds about the signed-in person, at once (GDPR art. 15). The POPs are read through the plan
 * service as their employee reads them on the plan page, so what others wrote about them (the manager's notes,
 * follow-ups, evaluations, comments) is there, and what is private to someone else (the manager's preparation and
 * talking points before they are shared) is not. The access log lists who else read or changed their data.
 */
const isAuditAction = (value: string): value is AuditAction =>
  (auditActions as readonly string[]).includes(value);

function presentAuditRow(row: repo.AuditRow, withChanges: boolean): ExportedAuditEvent {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actor:
      row.actor_id && row.actor_last_name !== null
        ? {
            id: row.actor_id,
            name: fullName({ firstName: row.actor_first_name ?? '', lastName: row.actor_last_name }),
          }
        : null,
    actorRole: (row.actor_role as ExportedAuditEvent['actorRole']) ?? null,
    action: row.action as AuditAction,
    objectType: row.object_type as AuditObjectType,
    objectId: row.object_id,
    planId: row.plan_id,
    changes: withChanges && row.changes ? (JSON.parse(row.changes) as ExportedAuditEvent['changes']) : null,
  };
}

const parseObject = (value: string): Record<string, unknown> => {
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
};

export async function buildDataExport(ctx: AppContext, actor: Actor, locale: Locale): Promise<DataExport> {
  if (!canExportOwnData(actor, { id: actor.personId, organisationId: actor.organisationId }))
    throw new AppError('NOT_FOUND');
  const db = ctx.database.db;
  const organisationId = actor.organisationId;
  const me = actor.personId;
  const person = await repo.findPersonView(db, organisationId, me);
  if (!person) throw new AppError('NOT_FOUND');
  const { organisation, country, retention } = await retentionOf(db, organisationId);

  const [roles, sessions, feed, planIds, managed, statements, notifications, preferences, emails, about, by] =
    await Promise.all([
      repo.rolesOf(db, organisationId, me),
      repo.sessionsOf(db, organisationId, me),
      repo.calendarFeedOf(db, organisationId, me),
      repo.planIdsAsEmployee(db, organisationId, me),
      repo.plansAsManager(db, organisationId, me),
      repo.statementsOf(db, organisationId, me),
      repo.notificationsOf(db, organisationId, me),
      repo.preferencesOf(db, organisationId, me),
      repo.emailsTo(db, organisationId, person.email_key),
      repo.auditRowsOf(db, organisationId, me, 'about'),
      repo.auditRowsOf(db, organisationId, me, 'by'),
    ]);

  const plans: DataExport['plans'] = [];
  for (const planId of planIds) {
    const { permissions: _p, allowedEvents: _e, today: _t, ...plan } = await getPlan(ctx, actor, planId);
    const versionSnapshots = [];
    for (const version of plan.versions)
      versionSnapshots.push(await getVersion(ctx, actor, planId, version.number));
    plans.push({ ...plan, versionSnapshots });
  }

  // Belgium: the training-days balance of every year with a training, and of this year.
  const years: MyTrainingRight[] = [];
  if (country === 'BE') {
    const thisYear = Number(dateIn(organisation.time_zone, ctx.clock.now()).slice(0, 4));
    const trainingYears = await repo.trainingYearsOf(db, organisationId, me);
    for (const year of [...new Set([...trainingYears, thisYear])].sort((a, b) => a - b))
      years.push(await getOwnTrainingRight(ctx, actor, year, locale));
  }

  const roleList = allRoles.filter((role) => roles.includes(role)) as Role[];
  return {
    format: 'groeipad-data-export',
    formatVersion: 1,
    generatedAt: ctx.clock.now().toISOString(),
    organisation: { id: organisation.id, name: organisation.name, country },
    person: {
      id: person.id,
      firstName: person.first_name,
      lastName: person.last_name,
      email: person.email,
      function: person.function_name,
      team: person.team_name,
      manager:
        person.manager_id && person.manager_last_name !== null
          ? {
              id: person.manager_id,
              name: fullName({
                firstName: person.manager_first_name ?? '',
                lastName: person.manager_last_name,
              }),
            }
          : null,
      startDate: person.start_date,
      endDate: person.end_date,
      fte: Number(person.fte),
      workRegime: person.work_regime,
      employmentCountry: person.employment_country,
      locale: person.locale,
      riskGroup: Boolean(person.risk_group),
      gender: person.gender,
      legalHold: Boolean(person.legal_hold),
      createdAt: person.created_at,
    },
    account: {
      roles: roleList,
      status: person.status === 'disabled' ? 'disabled' : 'active',
      hasPassword: person.password_hash !== null,
      invitedAt: person.invited_at,
      lastLoginAt: person.last_login_at,
      sessions: sessions.map((s) => ({
        createdAt: s.created_at,
        lastSeenAt: s.last_seen_at,
        expiresAt: s.expires_at,
        ip: s.ip,
        userAgent: s.user_agent,
      })),
      calendarFeed: feed ? { createdAt: feed.created_at, lastUsedAt: feed.last_used_at } : null,
    },
    plans,
    managedPlans: managed.map((p) => ({
      id: p.id,
      employee: { id: p.employee_id, name: fullName({ firstName: p.first_name, lastName: p.last_name }) },
      periodStart: p.period_start,
      periodEnd: p.period_end,
      phase: p.phase,
    })),
    training: {
      years,
      statements: statements.map((s) => ({ year: Number(s.year), sentAt: s.sent_at })),
    },
    notifications: notifications.map((n) => ({
      kind: n.kind,
      createdAt: n.created_at,
      readAt: n.read_at,
      link: n.link,
      params: parseObject(n.params),
    })),
    emailPreferences: preferences.map((p) => ({ kind: p.kind, mode: p.mode })),
    emails: emails.map((e) => ({
      kind: e.kind,
      subject: e.subject,
      status: e.status,
      createdAt: e.created_at,
      sentAt: e.sent_at,
    })),
    accessLog: about.filter((row) => isAuditAction(row.action)).map((row) => presentAuditRow(row, true)),
    // Their own acts name the object, not the changes: those may hold other people's data.
    ownActions: by.filter((row) => isAuditAction(row.action)).map((row) => presentAuditRow(row, false)),
    retention: retentionCategories.map((category) => ({
      category,
      months: retention[category],
      startsAt: retentionStart[category],
    })),
  };
}

export interface ExportFile {
  fileName: string;
  bytes: Buffer;
}

export async function exportOwnDataJson(
  ctx: AppContext,
  actor: Actor,
  locale: Locale,
): Promise<{ fileName: string; data: DataExport }> {
  const data = await buildDataExport(ctx, actor, locale);
  const today = ctx.clock.now().toISOString().slice(0, 10);
  return {
    fileName: safeFileName(['groeipad', data.person.firstName, data.person.lastName, today], 'json'),
    data,
  };
}

/** The same export as a readable PDF in the reader's language. */
export async function exportOwnDataPdf(ctx: AppContext, actor: Actor, locale: Locale): Promise<ExportFile> {
  const data = await buildDataExport(ctx, actor, locale);
  const { organisation } = await retentionOf(ctx.database.db, actor.organisationId);
  const text = documentText(locale);
  const definition = dataExportPdf(data, text, {
    generatedAt: ctx.clock.now(),
    timeZone: organisation.time_zone,
  });
  const today = ctx.clock.now().toISOString().slice(0, 10);
  return {
    fileName: safeFileName(
      [text.t('privacy.pdf.fileName'), data.person.firstName, data.person.lastName, today],
      'pdf',
    ),
    bytes: await renderPdf(definition),
  };
}
