/** Belgian notation, as the date pickers show and read it (a dayjs pattern: see components/date-field.tsx). */
export const dateFormat = 'DD/MM/YYYY';

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date (`YYYY-MM-DD`) in Belgian notation; no time zone involved. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const match = isoDate.exec(value.slice(0, 10));
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}

/** Building a formatter costs far more than using one: one per time zone, kept (`''`: the device's own zone). */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = {
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    };
    try {
      formatter = new Intl.DateTimeFormat('en-GB', { ...options, ...(timeZone ? { timeZone } : {}) });
    } catch {
      // An unknown time zone: the device's own, rather than nothing.
      formatter = formatterFor('');
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Day, month, year, hour and minute of a moment on the wall clock of a time zone; null for an invalid moment. */
function wallClock(value: Date | string, timeZone: string): Record<string, string> | null {
  const moment = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(moment.getTime())) return null;
  const parts = formatterFor(timeZone).formatToParts(moment);
  return Object.fromEntries(parts.map((p) => [p.type, p.value]));
}

/** A moment (ISO timestamp) as date and time in the organisation's time zone. */
export function formatDateTime(value: string | null | undefined, timeZone: string): string {
  if (!value) return '';
  const p = wallClock(value, timeZone);
  return p ? `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}` : value;
}

/** The time of day of a moment (HH:mm) in the organisation's time zone, e.g. "bewaard om 14:02". */
export function formatTime(value: Date | string, timeZone: string): string {
  const p = wallClock(value, timeZone);
  return p ? `${p.hour}:${p.minute}` : '';
}

/** Work fraction (FTE) with a decimal comma in Dutch. */
export function formatFte(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** An amount of money in the person's language (e.g. "€ 1.250,00"). */
export function formatMoney(value: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value);
}

/** A plain number (hours) with the decimal sign of the language. */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}
