import { randomUUID } from 'node:crypto';
import type {
  DeadlineItem,
  Deadlines,
  LearningAccountExport,
} from '../../../shared/contracts/training-right.js';
import { AppError } from '../../../shared/errors.js';
import { isLocale } from '../../../shared/i18n/locales.js';
import { type Actor, canDeliverLearningAccount } from '../../../shared/policies.js';
import { addDays } from '../../../shared/pop/dates.js';
import { fullName } from '../../../shared/text.js';
import {
  deadlineStatus,
  type LearningAccountKind,
  type LearningAccountRow,
  newHireDueDate,
  parseExportPeriod,
  quarterlyDueDate,
  recordDate,
  yearlyDueDate,
} from '../../../shared/training-right/learning-account.js';
import type { AppContext } from '../../context.js';
import { balancesOf, toTrainingAction, typeLabel } from './training-balances.service.js';
import {
  byDate,
  daysOf,
  hoursOf,
  isFollowed,
  isPlanned,
  plannedBounds,
  yearOf,
} from './training-right.domain.js';
import * as repo from './training-right.repository.js';
import { currentYear, type Employer, loadEmployer } from './training-right.service.js';

/**
 * The deliveries to the federal learning account. They carry each training's name (the action's description):
 * the law asks the employer for it, so this HR-only export is the one place where HR reads action content even when
 * the organisation keeps plan content from HR. It holds training records only (done, or agreed and still to come),
 * never goals, notes, preparations or evaluations.
 */

export interface LearningAccountFile {
  data: LearningAccountExport;
  rows: LearningAccountRow[];
  fileName: string;
}

/** New hires still to report: started since 1 January of last year, up to 60 days ahead, not reported yet, or recent. */
async function newHires(ctx: AppContext, employer: Employer): Promise<repo.BalancePersonRow[]> {
  const db = ctx.database.db;
  const from = `${currentYear(employer) - 1}-01-01`;
  const [candidates, exports] = await Promise.all([
    repo.peopleStartingBetween(db, employer.org.id, from, addDays(employer.today, 60)),
    repo.listExports(db, employer.org.id),
  ]);
  const reported = new Set(exports.filter((e) => e.kind === 'new_hire').map((e) => e.person_id));
  const recent = addDays(employer.today, -60);
  return candidates.filter((p) => !reported.has(p.id) || (p.start_date ?? '') >= recent);
}

export async function exportLearningAccount(
  ctx: AppContext,
  actor: Actor,
  periodText: string,
): Promise<LearningAccountFile> {
  const employer = await loadEmployer(ctx, actor.organisationId);
  if (!canDeliverLearningAccount(actor)) throw new AppError('FORBIDDEN');
  const period = parseExportPeriod(periodText);
  if (!period)
    throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'period', code: 'invalid_format' }] });
  const db = ctx.database.db;
  const organisationId = actor.organisationId;
  const locale = isLocale(employer.org.locale) ? employer.org.locale : 'nl-BE';
  const people =
    period.kind === 'new_hire'
      ? await newHires(ctx, employer)
      : await repo.peopleEmployedIn(db, organisationId, period.year, {
          scope: 'organisation',
          actorId: actor.personId,
          words: [],
        });
  const actionRows = await repo.actionsOfAgreedPlans(db, organisationId);
  const yearOfPerson = (person: repo.BalancePersonRow) =>
    period.kind === 'new_hire' ? Number((person.start_date ?? employer.today).slice(0, 4)) : period.year;

  const rowsByPerson = new Map<string, repo.TrainingActionRow[]>();
  for (const row of actionRows)
    rowsByPerson.set(row.employee_id, [...(rowsByPerson.get(row.employee_id) ?? []), row]);

  const exported: LearningAccountExport['people'] = [];
  for (const person of people) {
    const year = yearOfPerson(person);
    const balance = balancesOf(employer, [person], rowsByPerson.get(person.id) ?? [], year).get(person.id);
    if (!balance) continue;
    const records = (rowsByPerson.get(person.id) ?? []).filter((row) => {
      const action = toTrainingAction(row);
      if (yearOf(action) !== year || !(isFollowed(action) || isPlanned(action))) return false;
      if (period.kind !== 'quarterly') return true;
      const planned = plannedBounds(action.timing);
      const date = recordDate({ ...action, plannedStart: planned.start, plannedEnd: planned.end });
      return date !== null && date >= period.from && date <= period.to;
    });
    if (period.kind === 'quarterly' && records.length === 0) continue;
    exported.push({
      id: person.id,
      email: person.email,
      firstName: person.first_name,
      lastName: person.last_name,
      workRegime: person.work_regime,
      fte: Number(person.fte),
      startDate: person.start_date,
      endDate: person.end_date,
      year,
      daysPerFte: employer.rules(year).daysPerFte,
      entitlementDays: balance.entitlement,
      carriedOverDays: balance.carriedOver,
      remainingDays: balance.remaining,
      trainings: records
        .map((row) => {
          const action = toTrainingAction(row);
          const planned = plannedBounds(action.timing);
          return {
            id: row.id,
            name: row.description,
            type: typeLabel(row, locale),
            learning: row.is_formal ? ('formal' as const) : ('informal' as const),
            startDate: action.actualStart ?? planned.start,
            endDate: action.actualEnd ?? planned.end,
            durationHours: hoursOf(action),
            durationDays: daysOf(action, employer.facts.hoursPerDay),
            followed: isFollowed(action),
            certificate: row.certificate_note,
            countsForTrainingRight: action.counts,
            financing: row.funding_source_name ?? row.funding,
          };
        })
        .sort((a, b) =>
          byDate(
            { start: a.startDate, end: a.endDate, name: a.name },
            { start: b.startDate, end: b.endDate, name: b.name },
          ),
        ),
    });
  }

  const rows: LearningAccountRow[] = exported.flatMap((p): LearningAccountRow[] => {
    const base = {
      personId: p.id,
      email: p.email,
      firstName: p.firstName,
      lastName: p.lastName,
      workRegime: p.workRegime,
      fte: p.fte,
      year: p.year,
      daysPerFte: p.daysPerFte,
      entitlementDays: p.entitlementDays,
      carriedOverDays: p.carriedOverDays,
      remainingDays: p.remainingDays,
    };
    const empty = {
      trainingId: null,
      trainingName: null,
      trainingType: null,
      learning: null,
      startDate: null,
      endDate: null,
      durationHours: null,
      durationDays: null,
      followed: null,
      certificate: null,
      countsForTrainingRight: null,
      financing: null,
    };
    if (p.trainings.length === 0) return [{ ...base, ...empty }];
    return p.trainings.map((t) => ({
      ...base,
      trainingId: t.id,
      trainingName: t.name,
      trainingType: t.type,
      learning: t.learning,
      startDate: t.startDate,
      endDate: t.endDate,
      durationHours: t.durationHours,
      durationDays: t.durationDays,
      followed: t.followed,
      certificate: t.certificate,
      countsForTrainingRight: t.countsForTrainingRight,
      financing: t.financing,
    }));
  });

  const now = ctx.clock.now().toISOString();
  const rule = employer.rules(period.kind === 'new_hire' ? currentYear(employer) : period.year);
  const data: LearningAccountExport = {
    format: 'groeipad-learning-account/1',
    kind: period.kind,
    period: period.label,
    from: period.kind === 'new_hire' ? null : period.from,
    to: period.kind === 'new_hire' ? null : period.to,
    generatedAt: now,
    employer: {
      name: employer.org.name,
      jointCommittee: employer.org.joint_committee,
      averageFte: rule.averageFte,
      sizeBand: rule.sizeBand,
      hoursPerDay: employer.facts.hoursPerDay,
    },
    people: exported,
  };

  await repo.insertExports(
    db,
    period.kind === 'new_hire'
      ? exported.map((p) => ({
          id: randomUUID(),
          organisationId,
          kind: 'new_hire',
          period: p.startDate ?? employer.today,
          personId: p.id,
          exportedBy: actor.personId,
          records: Math.max(1, p.trainings.length),
          now,
        }))
      : [
          {
            id: randomUUID(),
            organisationId,
            kind: period.kind,
            period: period.label,
            personId: null,
            exportedBy: actor.personId,
            records: rows.length,
            now,
          },
        ],
  );
  return { data, rows, fileName: `leerrekening-${period.label}` };
}

const kinds: readonly LearningAccountKind[] = ['yearly', 'quarterly', 'new_hire'];
const asKind = (value: string): LearningAccountKind =>
  (kinds as readonly string[]).includes(value) ? (value as LearningAccountKind) : 'yearly';

/**
 * The deliveries due in `year`, with whether an export covered each: the yearly one (30 January), the quarter
 * before and the first three of the year (end of the following month), and every new hire (60 days after starting).
 */
export async function listDeadlines(ctx: AppContext, actor: Actor, yearInput?: number): Promise<Deadlines> {
  const employer = await loadEmployer(ctx, actor.organisationId);
  if (!canDeliverLearningAccount(actor)) throw new AppError('FORBIDDEN');
  const db = ctx.database.db;
  const year = yearInput ?? currentYear(employer);
  const [exports, hires] = await Promise.all([
    repo.listExports(db, actor.organisationId),
    repo.peopleStartingBetween(
      db,
      actor.organisationId,
      addDays(`${year}-01-01`, -60),
      addDays(`${year}-12-31`, -60),
    ),
  ]);
  const latest = (match: (e: repo.ExportView) => boolean) => exports.find(match)?.exported_at ?? null;
  const item = (
    kind: LearningAccountKind,
    period: string,
    dueDate: string,
    exportedAt: string | null,
    person: repo.BalancePersonRow | null = null,
  ): DeadlineItem => ({
    kind,
    period,
    personId: person?.id ?? null,
    personName: person ? fullName({ firstName: person.first_name, lastName: person.last_name }) : null,
    dueDate,
    status: deadlineStatus(dueDate, exportedAt !== null, employer.today),
    exportedAt,
  });
  const quarter = (y: number, q: 1 | 2 | 3 | 4) =>
    item(
      'quarterly',
      `${y}-Q${q}`,
      quarterlyDueDate(y, q),
      latest((e) => e.kind === 'quarterly' && e.period === `${y}-Q${q}`),
    );
  const items: DeadlineItem[] = [
    item(
      'yearly',
      String(year),
      yearlyDueDate(year),
      latest((e) => e.kind === 'yearly' && e.period === String(year)),
    ),
    quarter(year - 1, 4),
    quarter(year, 1),
    quarter(year, 2),
    quarter(year, 3),
    ...hires.map((person) =>
      item(
        'new_hire',
        person.start_date ?? '',
        newHireDueDate(person.start_date ?? ''),
        latest((e) => e.kind === 'new_hire' && e.person_id === person.id),
        person,
      ),
    ),
  ].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.period.localeCompare(b.period));
  return {
    year,
    today: employer.today,
    items,
    recentExports: exports.slice(0, 10).map((e) => ({
      id: e.id,
      kind: asKind(e.kind),
      period: e.period,
      exportedAt: e.exported_at,
      exportedBy:
        e.exported_by_first_name !== null
          ? fullName({ firstName: e.exported_by_first_name, lastName: e.exported_by_last_name ?? '' })
          : null,
      records: Number(e.records),
    })),
  };
}
