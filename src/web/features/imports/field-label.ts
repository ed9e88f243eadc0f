import { useTranslation } from 'react-i18next';
import { isLocale } from '../../../shared/i18n/locales.js';
import { roles } from '../../../shared/roles.js';
import { formatDate, formatFte } from '../../i18n/format.js';
import { currentLocale } from '../../i18n/i18n.js';

/** The Dutch (or English) name of a field the server reports by its identifier; unknown ones stay as they are. */
export function useFieldLabel(): (field: string) => string {
  const { t, i18n } = useTranslation();
  return (field: string) => {
    if (!field) return t('imports.wholeRow');
    const key = `imports.fields.${field}`;
    return i18n.exists(key) ? t(key as 'imports.fields.email') : field;
  };
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Values in a preview as people read them elsewhere in Groeipad: Belgian dates, decimal comma, names of codes. */
export function useImportValue(): (field: string, value: string) => string {
  const { t } = useTranslation();
  return (field: string, value: string) => {
    if (isoDate.test(value)) return formatDate(value);
    if (field === 'fte' && /^\d+(\.\d+)?$/.test(value)) return formatFte(Number(value), currentLocale());
    if ((field === 'employmentCountry' || field === 'country') && (value === 'BE' || value === 'NL')) {
      return t(`countries.${value}`);
    }
    if ((field === 'locale' || field === 'language') && isLocale(value)) return t(`locales.${value}`);
    if (field === 'roles') {
      const parts = value.split(/[\s,;|]+/).filter(Boolean);
      if (parts.every((p) => (roles as readonly string[]).includes(p))) {
        return parts.map((p) => t(`roles.${p as (typeof roles)[number]}`)).join(', ');
      }
    }
    return value;
  };
}
