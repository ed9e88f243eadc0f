import type { Locale } from '../../shared/i18n/locales.js';
import { translate } from '../../shared/i18n/translate.js';

type Params = Record<string, string | number | undefined>;

/** Words, numbers, amounts and dates of one document, in the document's language. */
export interface DocumentText {
  locale: Locale;
  t(key: string, params?: Params): string;
  number(value: number, maximumFractionDigits?: number): string;
  money(value: number, currency?: string): string;
  /** `YYYY-MM-DD` in Belgian notation (DD/MM/YYYY), as everywhere in Groeipad. */
  date(value: string | null | undefined): string;
  /** A moment as date and time in the organisation's time zone. */
  dateTime(value: Date | string, timeZone: string): string;
}

const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-BE' : 'nl-BE');

export function documentText(locale: Locale): DocumentText {
  const numbers = new Map<number, Intl.NumberFormat>();
  const moneys = new Map<string, Intl.NumberFormat>();
  return {
    locale,
    t: (key, params) => translate(locale, key, params),
    number(value, maximumFractionDigits = 2) {
      let format = numbers.get(maximumFractionDigits);
      if (!format) {
        format = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits });
        numbers.set(maximumFractionDigits, format);
      }
      return format.format(value);
    },
    money(value, currency = 'EUR') {
      let format = moneys.get(currency);
      if (!format) {
        format = new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency });
        moneys.set(currency, format);
      }
      return format.format(value);
    },
    date(value) {
      if (!value) return '';
      const [y, m, d] = value.slice(0, 10).split('-');
      return y && m && d ? `${d}/${m}/${y}` : value;
    },
    dateTime(value, timeZone) {
      const parts = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).formatToParts(typeof value === 'string' ? new Date(value) : value);
      const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
      return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
    },
  };
}
