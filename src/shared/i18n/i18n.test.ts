import { describe, expect, it } from 'vitest';
import { errorStatus } from '../errors.js';
import { localeFromAcceptLanguage } from './locales.js';
import { catalogues, interpolate, translate } from './translate.js';

function keys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(tree: unknown): string[] {
  if (typeof tree === 'string') return [tree];
  if (typeof tree !== 'object' || tree === null) return [];
  return Object.values(tree).flatMap(leaves);
}

describe('catalogues', () => {
  it('nl-BE and en have the same keys', () => {
    expect(keys(catalogues.en).sort()).toEqual(keys(catalogues['nl-BE']).sort());
  });

  it('have no empty strings', () => {
    for (const locale of ['nl-BE', 'en'] as const) {
      expect(leaves(catalogues[locale]).filter((s) => s.trim() === '')).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
    for (const key of keys(catalogues['nl-BE'])) {
      expect(placeholders(translate('en', key)), key).toEqual(placeholders(translate('nl-BE', key)));
    }
  });

  it('translate every error code', () => {
    for (const code of Object.keys(errorStatus)) {
      for (const locale of ['nl-BE', 'en'] as const)
        expect(translate(locale, `errors.${code}`)).not.toBe(`errors.${code}`);
    }
  });
});

describe('translate', () => {
  it('interpolates and falls back to the key', () => {
    expect(translate('nl-BE', 'validation.too_long', { max: 200 })).toBe('Hoogstens 200 tekens.');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
    expect(interpolate('{{a}}-{{ b }}', { a: 1 })).toBe('1-');
  });
});

describe('localeFromAcceptLanguage', () => {
  it.each([
    [undefined, 'nl-BE'],
    ['', 'nl-BE'],
    ['en-GB,en;q=0.9', 'en'],
    ['fr-BE,fr;q=0.9,nl;q=0.8,en;q=0.5', 'nl-BE'],
    ['de-DE', 'nl-BE'],
    ['en;q=0.4,nl-NL;q=0.8', 'nl-BE'],
    ['en;q=0.9,nl-NL;q=0.3', 'en'],
  ])('%s -> %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
