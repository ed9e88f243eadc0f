import { en } from './en.js';
import type { Locale } from './locales.js';
import { nlBE } from './nl-be.js';

export type Catalogue = typeof nlBE;
export const catalogues: Record<Locale, Catalogue> = { 'nl-BE': nlBE, en };

type Params = Record<string, string | number | undefined>;

function lookup(tree: unknown, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Interpolates `{{name}}` placeholders, the syntax i18next uses on the web, so one catalogue serves both. */
export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = params[name];
    return value === undefined ? '' : String(value);
  });
}

/** Server-side translation (emails, error messages, PDFs). Falls back to nl-BE, then to the key itself. */
export function translate(locale: Locale, key: string, params?: Params): string {
  const template = lookup(catalogues[locale], key) ?? lookup(catalogues['nl-BE'], key);
  return template === undefined ? key : interpolate(template, params);
}

export function hasKey(locale: Locale, key: string): boolean {
  return lookup(catalogues[locale], key) !== undefined;
}
