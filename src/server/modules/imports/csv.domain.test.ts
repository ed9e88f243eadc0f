import { describe, expect, it } from 'vitest';
import {
  csvUploadProblem,
  detectDelimiter,
  isAcceptableFileName,
  looseKey,
  MAX_IMPORT_BYTES,
  mapColumns,
  readCsv,
} from './csv.domain.js';

describe('readCsv', () => {
  it('reads semicolons, a BOM, CRLF and quoted line breaks, numbering lines as a spreadsheet does', () => {
    const table = readCsv('\uFEFFnaam;omschrijving\r\nA;"een\r\ntwee"\r\n\r\nB;"met ; erin"\r\n;\r\n');
    expect(table.headers).toEqual(['naam', 'omschrijving']);
    expect(table.records).toEqual([
      { line: 2, values: ['A', 'een\ntwee'] },
      { line: 5, values: ['B', 'met ; erin'] },
    ]);
    expect(table.fileErrors).toEqual([]);
  });

  it('reads commas and trims values', () => {
    expect(readCsv('a,b\n 1 , 2 \n').records).toEqual([{ line: 2, values: ['1', '2'] }]);
  });

  it.each([
    ['', 'csv_empty'],
    ['naam;omschrijving\n', 'csv_empty'],
    ['naam\nJ\uFFFDr\uFFFDme\n', 'not_utf8'],
    ['\u0000n\u0000a\u0000a\u0000m\n', 'not_utf8'],
    ['a;b\n"open;x\n', 'csv_malformed'],
  ])('reports %j as %s', (content, code) => {
    expect(readCsv(content).fileErrors.map((e) => e.code)).toEqual([code]);
  });

  it('refuses more rows than the limit', () => {
    expect(readCsv('a\n1\n2\n3\n', 2).fileErrors).toEqual([
      { code: 'csv_too_many_rows', params: { max: 2 } },
    ]);
  });
});

describe('columns', () => {
  it.each([
    ['voornaam;naam;e-mail', ';'],
    ['first name,last name,email', ','],
    ['"a;b",c,d', ','],
    ['a\tb\tc', '\t'],
    ['naam', ','],
  ])('detects the delimiter of %j', (line, delimiter) => {
    expect(detectDelimiter(line)).toBe(delimiter);
  });

  it('matches headers without case, accents or punctuation and ignores unknown and repeated ones', () => {
    const map = mapColumns(
      ['E-MAIL', 'Rijksregisternummer', 'email', 'Voornaam'],
      [
        { field: 'email', aliases: ['e-mail'], required: true, label: { 'nl-BE': 'e-mail', en: 'email' } },
        { field: 'first', aliases: ['voornaam'], label: { 'nl-BE': 'voornaam', en: 'first name' } },
        {
          field: 'last',
          aliases: ['achternaam'],
          required: true,
          label: { 'nl-BE': 'achternaam', en: 'last name' },
        },
      ],
    );
    expect(map.columns.map((c) => c.field)).toEqual(['email', null, null, 'first']);
    expect(map.missing.map((m) => m.field)).toEqual(['last']);
    expect(map.cell({ line: 2, values: ['x@y.be', '', '', 'Zoë'] }, 'first')).toBe('Zoë');
    expect(map.cell({ line: 2, values: ['x@y.be'] }, 'last')).toBeUndefined();
    expect(looseKey(' Datum in dienst ')).toBe('datumindienst');
  });

  it.each([
    ['export.csv', true],
    ['EXPORT.TXT', true],
    ['export.xlsx', false],
    ['csv', false],
  ])('accepts the file name %s: %s', (name, expected) => {
    expect(isAcceptableFileName(name)).toBe(expected);
  });

  it.each([
    ['a CSV file', 'mensen.csv', 'Voornaam;Naam\nZoë;Peeters\n', null],
    ['a CSV file with a BOM', 'mensen.csv', '\uFEFFVoornaam;Naam\n', null],
    ['a Latin-1 file (refused later with its own message)', 'mensen.csv', 'Zo\uFFFD;Peeters', null],
    ['another extension', 'mensen.xlsx', 'Voornaam;Naam\n', 'import_not_csv'],
    ['a workbook renamed to .csv', 'mensen.csv', 'PK\u0003\u0004\u0014\u0000\u0006\u0000', 'import_not_csv'],
    ['a PDF renamed to .csv', 'mensen.csv', '%PDF-1.7\n%\uFFFD', 'import_not_csv'],
    ['an old Excel file', 'mensen.csv', '\uFFFD\uFFFD\u0011\uFFFD\uFFFD\u001A', 'import_not_csv'],
    ['a web page', 'mensen.txt', '<!DOCTYPE html><html>', 'import_not_csv'],
    ['one byte too many', 'mensen.csv', 'a'.repeat(MAX_IMPORT_BYTES + 1), 'import_too_large'],
    ['exactly the limit', 'mensen.csv', 'a'.repeat(MAX_IMPORT_BYTES), null],
    [
      'the limit in multi-byte characters',
      'mensen.csv',
      'é'.repeat(MAX_IMPORT_BYTES / 2 + 1),
      'import_too_large',
    ],
  ])('checks an upload: %s', (_, filename, content, expected) => {
    expect(csvUploadProblem({ filename, content })?.code ?? null).toBe(expected);
  });
});
