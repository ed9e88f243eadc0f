import { describe, expect, it } from 'vitest';
import {
  parseCountry,
  parseFte,
  parseImportDate,
  parseLanguage,
  parseRoles,
  splitIndicators,
} from './import-values.domain.js';

describe('import values', () => {
  it.each([
    ['2024-01-31', '2024-01-31'],
    ['31/01/2024', '2024-01-31'],
    ['1-2-2024', '2024-02-01'],
    ['01.02.2024', '2024-02-01'],
    ['2024-02-01 00:00:00', '2024-02-01'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2023', null],
    ['31/04/2024', null],
    ['2024/01/31', null],
    ['morgen', null],
  ])('date %j -> %j', (input, expected) => {
    expect(parseImportDate(input)).toBe(expected);
  });

  it.each([
    ['0,8', { fte: 0.8 }],
    ['0.8', { fte: 0.8 }],
    ['80%', { fte: 0.8 }],
    ['80', { fte: 0.8 }],
    ['1', { fte: 1 }],
    ['100 %', { fte: 1 }],
    ['50', { fte: 0.5 }],
    ['0', { code: 'fte_range' }],
    ['150%', { code: 'fte_range' }],
    ['veel', { code: 'invalid_format' }],
  ])('fte %j -> %j', (input, expected) => {
    expect(parseFte(input)).toEqual(expected);
  });

  it.each([
    ['België', 'BE'],
    ['be', 'BE'],
    ['Nederland', 'NL'],
    ['The Netherlands', 'NL'],
    ['Frankrijk', null],
  ])('country %j -> %j', (input, expected) => {
    expect(parseCountry(input)).toBe(expected);
  });

  it.each([
    ['nl', 'nl-BE'],
    ['NL-be', 'nl-BE'],
    ['Nederlands', 'nl-BE'],
    ['en', 'en'],
    ['Engels', 'en'],
    ['fr', null],
  ])('language %j -> %j', (input, expected) => {
    expect(parseLanguage(input)).toBe(expected);
  });

  it('reads role lists in Dutch or English and names unknown words', () => {
    expect(parseRoles('medewerker, Leidinggevende')).toEqual({ roles: ['employee', 'manager'], unknown: [] });
    expect(parseRoles('HR; beheerder | admin')).toEqual({ roles: ['hr', 'admin'], unknown: [] });
    expect(parseRoles('medewerker, baas')).toEqual({ roles: ['employee'], unknown: ['baas'] });
  });

  it('splits indicators on pipes and line breaks', () => {
    expect(splitIndicators(' Een | Twee\nDrie\n\n|')).toEqual(['Een', 'Twee', 'Drie']);
  });
});
