import { randomUUID } from 'node:crypto';
import type {
  BalanceList,
  BalanceListQuery,
  MyTrainingRight,
  OwnTraining,
  SendStatementsResult,
} from '../../../shared/contracts/training-right.js';
import { AppError } from '../../../shared/errors.js';
import { isLocale, type Locale } from '../../../shared/i18n/locales.js';
import { translate } from '../../../shared/i18n/translate.js';
import { type Actor, canDeliverLearningAccount, trainingBalanceScopeOf } from '../../../shared/policies.js';
import { isBuiltInActionType } from '../../../shared/pop/action-types.js';
import type { Timing } from '../../../shared/pop/timing.js';
import { type ActionStatus, actionStatuses } from '../../../shared/pop/vocabulary.js';
import { searchKey } from '../../../shared/text.js';
import { round2 } from '../../../shared/training-right/entitlement.js';
import type { AppContext } from '../../context.js';
import {
  byDate,
  daysOf,
  hoursOf,
  isFollowed,
  isPlanned,
  type PersonYearBalance,
  personBalance,
  plannedBounds,
  type TrainingAction,
  yearOf,
} from './training-right.domain.js';
import { statementEmail } from './training-right.email.js';
import { presentBalance } from './training-right.presenter.js';
import * as repo from './training-right.repository.js';
import { currentYear, type Employer, loadEmployer } from './training-right.service.js';

function parseTiming(text: string | null): Timing | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as Timing;
  } catch {
    return null;
  }
}

const numberOrNull = (value: number | string | null): number | null =>
  value === null ? null : Number(value);

export function toTrainingAction(row: repo.TrainingActionRow): TrainingAction {
  return {
    id: row.id,
    planId: row.plan_id,
    employeeId: row.employee_id,
    planPhase: row.phase,
    planCancelled: Boolean(row.cancelled),
    planPeriodStart: row.period_start,
    status: row.status,
    timing: parseTiming(row.timing),
    hours: numberOrNull(row.hours),
    actualHours: numberOrNull(row.actual_hours),
    actualStart: row.actual_start,
    actualEnd: row.actual_end,
    counts: Boolean(row.counts_for_training_right),
  };
}

/** The name of an action's kind: a built-in one from the catalogue, else the organisation's own name. */
export function typeLabel(row: repo.TrainingActionRow, locale: Locale): string {
  if (isBuiltInActionType(row.type)) return translate(locale, `pop.actionTypes.${row.type}`);
  return (locale === 'en' ? row.type_name_en : null) ?? row.type_name_nl ?? row.type;
}

/** Every person's balance of `year` from the rows of one request. */
export function balancesOf(
  employer: Employer,
  people: readonly repo.BalancePersonRow[],
  actionRows: readonly repo.TrainingActionRow[],
  year: number,
): Map<string, PersonYearBalance> {
  const byPerson = new Map<string, TrainingAction[]>();
  for (const row of actionRows) {
    const action = toTrainingAction(row);
    byPerson.set(action.employeeId, [...(byPerson.get(action.employeeId) ?? []), action]);
  }
  const result = new Map<string, PersonYearBalance>();
  for (const person of people) {
    result.set(
      person.id,
      personBalance(
        employer.facts,
        employer.rules,
        { id: person.id, fte: Number(person.fte), startDate: person.start_date, endDate: person.end_date },
        byPerson.get(person.id) ?? [],
        year,
      ),
    );
  }
  return result;
}

const yearContextOf = (employer: Employer, year: number) => {
  const rule = employer.rules(year);
  return {
    year,
    daysPerFte: rule.daysPerFte,
    sizeBand: rule.sizeBand,
    hoursPerDay: employer.facts.hoursPerDay,
    carryOver: employer.facts.carryOver,
  };
};

/** Balances: everyone for HR and the beheerder, the people they manage for a manager. Numbers only, no content. */
export async function listBalances(
  ctx: AppContext,
  actor: Actor,
  query: BalanceListQuery,
): Promise<BalanceList> {
  const employer = await loadEmployer(ctx, actor.organisationId);
  const scope = trainingBalanceScopeOf(actor);
  if (scope === 'none') throw new AppError('FORBIDDEN');
  const year = query.year ?? currentYear(employer);
  const db = ctx.database.db;
  // A NUL byte would make PostgreSQL refuse the query; other control characters simply separate words.
  const words = searchKey((query.q ?? '').replace(/\p{Cc}/gu, ' '))
    .split(' ')
    .filter((w) => w !== '');
  const [people, actionRows, statements] = await Promise.all([
    repo.peopleEmployedIn(db, actor.organisationId, year, {
      scope,
      actorId: actor.personId,
      words,
      ...(query.teamId ? { teamId: query.teamId } : {}),
    }),
    repo.actionsOfAgreedPlans(db, actor.organisationId),
    repo.statementsOfYear(db, actor.organisationId, year),
  ]);
  const balances = balancesOf(employer, people, actionRows, year);
  const sentAt = new Map(statements.map((s) => [s.person_id, s.sent_at]));
  const items = people.map((person) =>
    presentBalance(person, balances.get(person.id) as PersonYearBalance, sentAt.get(person.id) ?? null),
  );
  const sum = (pick: (b: (typeof items)[number]) => number) => round2(items.reduce((s, b) => s + pick(b), 0));
  return {
    ...yearContextOf(employer, year),
    items: items.slice(query.offset, query.offset + query.limit),
    total: items.length,
    totals: {
      entitlement: sum((b) => b.entitlement),
      followed: sum((b) => b.followed),
      planned: sum((b) => b.planned),
    },
  };
}

const isActionStatus = (value: string): value is ActionStatus =>
  (actionStatuses as readonly string[]).includes(value);

/** The signed-in person's own balance and their trainings of the year, with whether each counts. */
export async function getMine(
  ctx: AppContext,
  actor: Actor,
  year: number | undefined,
  locale: Locale,
): Promise<MyTrainingRight> {
  const employer = await loadEmployer(ctx, actor.organisationId);
  const y = year ?? currentYear(employer);
  const db = ctx.database.db;
  const [person] = await repo.peopleEmployedIn(db, actor.organisationId, y, {
    scope: 'self',
    actorId: actor.personId,
    words: [],
  });
  const self = person ?? (await repo.findBalancePerson(db, actor.organisationId, actor.personId));
  if (!self) throw new AppError('NOT_FOUND');
  const [actionRows, statements] = await Promise.all([
    repo.actionsOfAgreedPlans(db, actor.organisationId, actor.personId),
    repo.statementsOfYear(db, actor.organisationId, y),
  ]);
  const balance = balancesOf(employer, [self], actionRows, y).get(self.id) as PersonYearBalance;
  const trainings: OwnTraining[] = actionRows
    .map((row) => ({ row, action: toTrainingAction(row) }))
    .filter(({ action }) => yearOf(action) === y && (isFollowed(action) || isPlanned(action)))
    .map(({ row, action }) => {
      const planned = plannedBounds(action.timing);
      const hours = hoursOf(action);
      return {
        id: row.id,
        planId: row.plan_id,
        description: row.description,
        type: row.type,
        typeLabel: typeLabel(row, locale),
        status: isActionStatus(row.status) ? row.status : 'planned',
        hours,
        days: daysOf(action, employer.facts.hoursPerDay),
        start: action.actualStart ?? planned.start,
        end: action.actualEnd ?? planned.end,
        counts: action.counts,
      };
    })
    .sort((a, b) => byDate({ ...a, name: a.description }, { ...b, name: b.description }));
  return {
    ...yearContextOf(employer, y),
    balance: presentBalance(self, balance, statements.find((s) => s.person_id === self.id)?.sent_at ?? null),
    trainings,
  };
}

const localeOf = (value: string): Locale => (isLocale(value) ? value : 'nl-BE');

/**
 * Emails every active person employed in `year` their balance statement, once per person and year: the row in
 * balance_statements is claimed before the email leaves, so two HR people clicking at once send one email each.
 */
export async function sendStatements(
  ctx: AppContext,
  actor: Actor,
  input: { year: number },
): Promise<SendStatementsResult> {
  const employer = await loadEmployer(ctx, actor.organisationId);
  if (!canDeliverLearningAccount(actor)) throw new AppError('FORBIDDEN');
  const db = ctx.database.db;
  const year = input.year;
  const [employed, actionRows, activeCount] = await Promise.all([
    repo.peopleEmployedIn(db, actor.organisationId, year, {
      scope: 'organisation',
      actorId: actor.personId,
      words: [],
    }),
    repo.actionsOfAgreedPlans(db, actor.organisationId),
    repo.countActivePeople(db, actor.organisationId),
  ]);
  const people = employed.filter((p) => p.status === 'active');
  const balances = balancesOf(employer, people, actionRows, year);
  const rule = employer.rules(year);
  let sent = 0;
  let alreadySent = 0;
  for (const person of people) {
    const claimed = await repo.claimStatement(db, {
      id: randomUUID(),
      organisationId: actor.organisationId,
      personId: person.id,
      year,
      sentBy: actor.personId,
      now: ctx.clock.now().toISOString(),
    });
    if (!claimed) {
      alreadySent++;
      continue;
    }
    const locale = localeOf(person.locale);
    const message = statementEmail(locale, {
      // A name is one line of words wherever it appears.
      name: person.first_name.replace(/\s+/g, ' ').trim(),
      organisation: employer.org.name,
      year,
      daysPerFte: rule.daysPerFte,
      fte: Number(person.fte),
      balance: balances.get(person.id) as PersonYearBalance,
      carryOver: employer.facts.carryOver,
      url: `${ctx.config.publicUrl}/`,
    });
    await ctx.mailer.send({
      organisationId: actor.organisationId,
      kind: 'training-balance-statement',
      to: person.email,
      toName: `${person.first_name} ${person.last_name}`,
      ...message,
    });
    sent++;
  }
  return { year, sent, alreadySent, notEmployed: Math.max(0, activeCount - people.length) };
}
