import type { Person } from '../../../shared/contracts/organisation.js';
import { isLocale } from '../../../shared/i18n/locales.js';
import { isGender } from '../../../shared/pop/training-plan.js';
import { roles as allRoles, type Role } from '../../../shared/roles.js';
import { fullName } from '../../../shared/text.js';
import type { PersonView } from './people.repository.js';

/** `withTrainingFacts`: the caller is HR or the beheerder; for anyone else risk group and gender stay out. */
export function presentPerson(row: PersonView, roles: readonly Role[], withTrainingFacts = false): Person {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    functionId: row.function_id,
    functionName: row.function_id ? row.function_name : null,
    teamId: row.team_id,
    teamName: row.team_id ? row.team_name : null,
    managerId: row.manager_id,
    managerName:
      row.manager_id && row.manager_first_name !== null
        ? fullName({ firstName: row.manager_first_name, lastName: row.manager_last_name ?? '' })
        : null,
    startDate: row.start_date,
    endDate: row.end_date,
    fte: Number(row.fte),
    workRegime: row.work_regime,
    employmentCountry: row.employment_country === 'NL' ? 'NL' : 'BE',
    locale: isLocale(row.locale) ? row.locale : 'nl-BE',
    roles: allRoles.filter((role) => roles.includes(role)),
    status: row.status === 'disabled' ? 'disabled' : 'active',
    hasAccount: Boolean(row.has_account),
    invitedAt: row.invited_at,
    lastLoginAt: row.last_login_at,
    ...(withTrainingFacts
      ? { riskGroup: Boolean(row.risk_group), gender: isGender(row.gender) ? row.gender : null }
      : {}),
    version: Number(row.version),
  };
}
