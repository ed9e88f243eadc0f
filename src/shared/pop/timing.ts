/**
 * When an action takes place, as people write it in a POP form: a date, a date range, a quarter ("Q1 2027") or
 * doorlopend (continuous).
 */
export type Timing =
  | { kind: 'date'; date: string }
  | { kind: 'range'; from: string; to: string }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'ongoing' };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** First and last day covered by a timing (`YYYY-MM-DD`); ongoing has no end. */
export function timingBounds(timing: Timing): { start: string | null; end: string | null } {
  switch (timing.kind) {
    case 'date':
      return { start: timing.date, end: timing.date };
    case 'range':
      return { start: timing.from, end: timing.to };
    case 'quarter': {
      const firstMonth = (timing.quarter - 1) * 3 + 1;
      const lastMonth = firstMonth + 2;
      return {
        start: `${timing.year}-${pad(firstMonth)}-01`,
        end: `${timing.year}-${pad(lastMonth)}-${pad(lastDayOfMonth(timing.year, lastMonth))}`,
      };
    }
    case 'ongoing':
      return { start: null, end: null };
  }
}

/** Reads "Q1 2027", "q1-2027", "2027 Q1", "K1 2027" (kwartaal). */
export function parseQuarter(text: string): { year: number; quarter: 1 | 2 | 3 | 4 } | null {
  const match = /^\s*(?:[QK]([1-4])[\s\-/]*(\d{4})|(\d{4})[\s\-/]*[QK]([1-4]))\s*$/i.exec(text);
  if (!match) return null;
  const quarter = Number(match[1] ?? match[4]) as 1 | 2 | 3 | 4;
  const year = Number(match[2] ?? match[3]);
  return { year, quarter };
}

/** `YYYY-MM-DD` -> `DD/MM/YYYY`, the Belgian way of writing a date. */
export const formatDateBe = (date: string): string => {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
};

export function formatTiming(timing: Timing, words: { ongoing: string; quarter: string }): string {
  switch (timing.kind) {
    case 'date':
      return formatDateBe(timing.date);
    case 'range':
      return `${formatDateBe(timing.from)} – ${formatDateBe(timing.to)}`;
    case 'quarter':
      return `${words.quarter}${timing.quarter} ${timing.year}`;
    case 'ongoing':
      return words.ongoing;
  }
}
