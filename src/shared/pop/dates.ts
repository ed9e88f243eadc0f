/**
 * Calendar arithmetic for plans, on `YYYY-MM-DD` strings and in the organisation's time zone. Pure: the current
 * moment is always an argument.
 */
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const toUtcDate = (date: string): Date => new Date(`${date}T00:00:00.000Z`);
const fromUtcDate = (d: Date): string =>
  `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

export function addDays(date: string, days: number): string {
  const d = toUtcDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtcDate(d);
}

/** The same day `years` later; 29 February becomes 28 February in a year without it. */
export function addYears(date: string, years: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${pad(y + years, 4)}-${pad(m)}-${pad(Math.min(d, last))}`;
}

/** The same day `months` later (or earlier), clipped to the end of a shorter month. */
export function addMonths(date: string, months: number): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** Monday to Friday. */
export function isWorkingDay(date: string): boolean {
  const day = toUtcDate(date).getUTCDay();
  return day !== 0 && day !== 6;
}

/** Every working day from `from` to `to`, both included. */
export function workingDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to && days.length < 5000; d = addDays(d, 1)) if (isWorkingDay(d)) days.push(d);
  return days;
}

/** Building a formatter costs far more than using one (about a millisecond): one per time zone, kept. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function partsIn(timeZone: string, at: Date): Record<string, number> {
  const parts = formatterFor(timeZone).formatToParts(at);
  return Object.fromEntries(parts.filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
}

/**
 * The last date asked per time zone, with the minute it was asked for: every request of a plan asks for today, and
 * UTC offsets are whole minutes, so a date holds for the whole of its minute.
 */
const lastDates = new Map<string, { minute: number; date: string }>();

/** The calendar date of a moment in a time zone. */
export function dateIn(timeZone: string, at: Date): string {
  const minute = Math.floor(at.getTime() / 60_000);
  const last = lastDates.get(timeZone);
  if (last?.minute === minute) return last.date;
  const p = partsIn(timeZone, at);
  const date = `${pad(p.year ?? 0, 4)}-${pad(p.month ?? 1)}-${pad(p.day ?? 1)}`;
  lastDates.set(timeZone, { minute, date });
  return date;
}

/** The moment a wall-clock time on a date happens in a time zone (summer time included). */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): Date {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const wall = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    hours,
    minutes,
  );
  // The offset at the wall time itself, corrected once for the case where the guess crosses a DST change.
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const p = partsIn(timeZone, new Date(guess));
    const seen = Date.UTC(
      p.year ?? 0,
      (p.month ?? 1) - 1,
      p.day ?? 1,
      p.hour ?? 0,
      p.minute ?? 0,
      p.second ?? 0,
    );
    guess += wall - seen;
  }
  return new Date(guess);
}

/**
 * The default period of a new plan: one calendar year. From October on, the cycle being prepared is next year's.
 */
export function defaultPeriod(today: string): { start: string; end: string } {
  const year = Number(today.slice(0, 4)) + (Number(today.slice(5, 7)) >= 10 ? 1 : 0);
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/** The day both parties share their preparation: `days` before the conversation (seed 002: a week). */
export function exchangeDeadline(
  conversationAt: string | null,
  timeZone: string,
  days: number,
): string | null {
  if (!conversationAt) return null;
  return addDays(dateIn(timeZone, new Date(conversationAt)), -days);
}

/**
 * Conversation moments for `count` people spread evenly over the working days of a window, one hour apart from
 * 09:00 on a day (up to eight a day before a day holds more). Answers ISO timestamps, or null without working days.
 */
export function spreadConversations(
  count: number,
  window: { from: string; to: string },
  timeZone: string,
): string[] | null {
  const days = workingDays(window.from, window.to);
  if (days.length === 0) return null;
  const perDay = new Map<string, number>();
  const moments: string[] = [];
  for (let i = 0; i < count; i++) {
    const day = days[Math.floor((i * days.length) / count)] as string;
    const slot = perDay.get(day) ?? 0;
    perDay.set(day, slot + 1);
    const hour = 9 + (slot % 8);
    const minute = Math.floor(slot / 8) * 15;
    moments.push(zonedTimeToUtc(day, `${pad(hour)}:${pad(minute % 60)}`, timeZone).toISOString());
  }
  return moments;
}
