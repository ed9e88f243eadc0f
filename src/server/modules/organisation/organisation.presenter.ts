import type { Organisation } from '../../../shared/contracts/organisation.js';
import { isLocale } from '../../../shared/i18n/locales.js';
import type { OrganisationRow } from '../../db/schema.js';

export function presentOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    country: row.country === 'NL' ? 'NL' : 'BE',
    locale: isLocale(row.locale) ? row.locale : 'nl-BE',
    timeZone: row.time_zone,
    isDemo: Boolean(row.is_demo),
    hrSeesPlanContent: Boolean(row.hr_sees_plan_content),
    exchangeDays: Number(row.exchange_days),
    version: row.version,
  };
}
