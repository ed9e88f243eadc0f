import dayjs from 'dayjs';

export const dateFormat = 'DD/MM/YYYY';
const dateTimeFormat = 'DD/MM/YYYY HH:mm';

/** A calendar date (`YYYY-MM-DD`) in Belgian notation; no time zone involved. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = dayjs(value.slice(0, 10));
  return date.isValid() ? date.format(dateFormat) : value;
}

/** A moment (ISO timestamp) as date and time in the organisation's time zone. */
export function formatDateTime(value: string | null | undefined, timeZone: string): string {
  if (!value) return '';
  const moment = dayjs(value);
  if (!moment.isValid()) return value;
  try {
    return moment.tz(timeZone).format(dateTimeFormat);
  } catch {
    return moment.format(dateTimeFormat);
  }
}

/** Work fraction (FTE) with a decimal comma in Dutch. */
export function formatFte(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** The time of day of a moment (HH:mm) in the organisation's time zone, e.g. "bewaard om 14:02". */
export function formatTime(value: Date | string, timeZone: string): string {
  const moment = dayjs(value);
  try {
    return moment.tz(timeZone).format('HH:mm');
  } catch {
    return moment.format('HH:mm');
  }
}

/** An amount of money in the person's language (e.g. "€ 1.250,00"). */
export function formatMoney(value: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
}

/** A plain number (hours) with the decimal sign of the language. */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}
