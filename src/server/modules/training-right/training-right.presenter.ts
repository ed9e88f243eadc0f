import {
  type ConsultationBody,
  consultationBodies,
  type DayNormView,
  type TrainingBalance,
  type TrainingRightSettings,
} from '../../../shared/contracts/training-right.js';
import { fullName } from '../../../shared/text.js';
import { legalDaysPerFte } from '../../../shared/training-right/entitlement.js';
import type { OrganisationRow, TrainingDayNormRow } from '../../db/schema.js';
import type { EmployerFacts, PersonYearBalance, YearRule } from './training-right.domain.js';
import type { BalancePersonRow } from './training-right.repository.js';

export function presentNorm(row: TrainingDayNormRow, legal: number): DayNormView {
  return {
    year: Number(row.year),
    daysPerFte: Number(row.days_per_fte),
    note: row.note,
    legalDaysPerFte: legal,
    version: Number(row.version),
  };
}

const isConsultationBody = (value: string | null): value is ConsultationBody =>
  value !== null && (consultationBodies as readonly string[]).includes(value);

export function presentSettings(
  employer: { org: OrganisationRow; facts: EmployerFacts; rules: (year: number) => YearRule },
  year: number,
  norms: readonly TrainingDayNormRow[],
): TrainingRightSettings {
  const { org, facts } = employer;
  const rule = employer.rules(year);
  return {
    year,
    averageFte: facts.enteredAverageFte,
    computedAverageFte: rule.computedAverageFte,
    sizeBand: rule.sizeBand,
    legalDaysPerFte: legalDaysPerFte(year, rule.sizeBand),
    daysPerFte: rule.daysPerFte,
    daysPerFteSource: rule.source,
    jointCommittee: org.joint_committee,
    carryOver: facts.carryOver,
    hoursPerDay: facts.hoursPerDay,
    consultationBody: isConsultationBody(org.consultation_body) ? org.consultation_body : null,
    norms: norms.map((n) =>
      presentNorm(n, legalDaysPerFte(Number(n.year), employer.rules(Number(n.year)).sizeBand)),
    ),
    version: Number(org.version),
  };
}

export function presentBalance(
  person: BalancePersonRow,
  balance: PersonYearBalance,
  statementSentAt: string | null,
): TrainingBalance {
  return {
    personId: person.id,
    name: fullName({ firstName: person.first_name, lastName: person.last_name }),
    teamId: person.team_id,
    teamName: person.team_name,
    fte: Number(person.fte),
    workRegime: person.work_regime,
    startDate: person.start_date,
    endDate: person.end_date,
    months: balance.months,
    entitlement: balance.entitlement,
    carriedOver: balance.carriedOver,
    available: balance.available,
    planned: balance.planned,
    followed: balance.followed,
    remaining: balance.remaining,
    lapsingAtYearEnd: balance.lapsingAtYearEnd,
    withoutHours: balance.withoutHours,
    statementSentAt,
  };
}
