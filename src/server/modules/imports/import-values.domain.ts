import { type Locale, locales } from '../../../shared/i18n/locales.js';
import type { Country, Role } from '../../../shared/roles.js';
import { looseKey } from './csv.domain.js';

/** `YYYY-MM-DD`, `DD/MM/YYYY`, `DD-MM-YYYY` or `DD.MM.YYYY`, optionally followed by a midnight time. */
export function parseImportDate(value: string): string | null {
  const text = value.trim().replace(/[ T]00:00(:00(\.0+)?)?$/, '');
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [iso[1], iso[2], iso[3]]
    : local
      ? [local[3], local[2], local[1]]
      : [undefined, undefined, undefined];
  if (!year || !month || !day) return null;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2200 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** `0,8`, `0.8`, `80%` and `80` all mean four fifths; payroll exports use any of them. */
export function parseFte(value: string): { fte: number } | { code: 'invalid_format' | 'fte_range' } {
  const text = value.trim().replace(/\s+/g, '');
  const isPercent = text.endsWith('%');
  const number = Number(text.replace('%', '').replace(',', '.'));
  if (text === '' || text === '%' || !Number.isFinite(number)) return { code: 'invalid_format' };
  const fraction = isPercent || number > 1 ? number / 100 : number;
  const rounded = Math.round(fraction * 10_000) / 10_000;
  return rounded >= 0.01 && rounded <= 1 ? { fte: rounded } : { code: 'fte_range' };
}

const countryAliases: Record<string, Country> = {
  be: 'BE',
  bel: 'BE',
  belgie: 'BE',
  belgium: 'BE',
  belgique: 'BE',
  belgien: 'BE',
  nl: 'NL',
  nld: 'NL',
  nederland: 'NL',
  netherlands: 'NL',
  thenetherlands: 'NL',
  paysbas: 'NL',
};

export const parseCountry = (value: string): Country | null => countryAliases[looseKey(value)] ?? null;

const languageAliases: Record<string, Locale> = {
  nl: 'nl-BE',
  nlbe: 'nl-BE',
  nederlands: 'nl-BE',
  vlaams: 'nl-BE',
  dutch: 'nl-BE',
  en: 'en',
  engb: 'en',
  enus: 'en',
  engels: 'en',
  english: 'en',
};

export function parseLanguage(value: string): Locale | null {
  const key = looseKey(value);
  return languageAliases[key] ?? locales.find((l) => looseKey(l) === key) ?? null;
}

const roleAliases: Record<string, Role> = {
  medewerker: 'employee',
  werknemer: 'employee',
  employee: 'employee',
  leidinggevende: 'manager',
  manager: 'manager',
  teamleider: 'manager',
  hr: 'hr',
  personeelsverantwoordelijke: 'hr',
  beheerder: 'admin',
  admin: 'admin',
  administrator: 'admin',
};

/** A list such as "medewerker, leidinggevende"; unknown words are returned so the row can say which. */
export function parseRoles(value: string): { roles: Role[]; unknown: string[] } {
  const roles: Role[] = [];
  const unknown: string[] = [];
  for (const part of value.split(/[,;|/+]+/)) {
    const word = part.trim();
    if (word === '') continue;
    const role = roleAliases[looseKey(word)];
    if (!role) unknown.push(word);
    else if (!roles.includes(role)) roles.push(role);
  }
  return { roles, unknown };
}

/** Behavioural indicators in one cell: separated by `|` or by line breaks. */
export const splitIndicators = (value: string): string[] =>
  value
    .split(/[|\n]+/)
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** Control characters have no place in a name; a description keeps its tabs and line breaks. */
export const hasControlCharacters = (value: string, options: { multiLine?: boolean } = {}): boolean =>
  options.multiLine ? /[^\P{Cc}\t\n\r]/u.test(value) : /\p{Cc}/u.test(value);
