import type { Person } from '../../../shared/contracts/organisation.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import type { Gender } from '../../../shared/pop/training-plan.js';
import type { Country, Role } from '../../../shared/roles.js';
import type { CreatePersonInput } from '../../api/client.js';

export interface PersonFormValues {
  firstName: string;
  lastName: string;
  email: string;
  functionId: string | null;
  teamId: string | null;
  managerId: string | null;
  startDate: string | null;
  endDate: string | null;
  fte: number | string;
  workRegime: string;
  employmentCountry: Country;
  locale: Locale;
  roles: Role[];
  invite: boolean;
  /** HR-only facts for the training plan's counts. */
  riskGroup: boolean;
  gender: Gender | null;
}

export function emptyPersonValues(defaults: { country: Country; locale: Locale }): PersonFormValues {
  return {
    firstName: '',
    lastName: '',
    email: '',
    functionId: null,
    teamId: null,
    managerId: null,
    startDate: null,
    endDate: null,
    fte: 1,
    workRegime: '',
    employmentCountry: defaults.country,
    locale: defaults.locale,
    roles: ['employee'],
    invite: true,
    riskGroup: false,
    gender: null,
  };
}

export function personToValues(person: Person): PersonFormValues {
  return {
    firstName: person.firstName,
    lastName: person.lastName,
    email: person.email,
    functionId: person.functionId,
    teamId: person.teamId,
    managerId: person.managerId,
    startDate: person.startDate,
    endDate: person.endDate,
    fte: person.fte,
    workRegime: person.workRegime ?? '',
    employmentCountry: person.employmentCountry,
    locale: person.locale,
    roles: person.roles,
    invite: false,
    riskGroup: person.riskGroup ?? false,
    gender: person.gender ?? null,
  };
}

/** The fields both the create and the update body share. */
export function valuesToBody(values: PersonFormValues): Omit<CreatePersonInput, 'invite'> {
  const fte = typeof values.fte === 'number' ? values.fte : Number(String(values.fte).replace(',', '.'));
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    email: values.email.trim(),
    functionId: values.functionId,
    teamId: values.teamId,
    managerId: values.managerId,
    startDate: values.startDate,
    endDate: values.endDate,
    fte,
    workRegime: values.workRegime.trim() || null,
    employmentCountry: values.employmentCountry,
    locale: values.locale,
    roles: values.roles,
    riskGroup: values.riskGroup,
    gender: values.gender,
  };
}

type Translate = (key: 'validation.fte_range' | 'validation.end_before_start') => string;

/** Checks beyond the shared rules: the work fraction range and an end date after the start date. */
export function personExtraRules(t: Translate) {
  return {
    fte: (value: number | string) => {
      const n = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
      return Number.isFinite(n) && n >= 0.01 && n <= 1 ? null : t('validation.fte_range');
    },
    endDate: (value: string | null, values: PersonFormValues) =>
      value && values.startDate && value < values.startDate ? t('validation.end_before_start') : null,
  };
}
