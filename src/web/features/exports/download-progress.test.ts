import { describe, expect, it } from 'vitest';
import { countCsvRecords, fileNameOf } from './download-progress.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('fileNameOf', () => {
  it.each([
    [`attachment; filename="acties-2027.csv"; filename*=UTF-8''acties-2027.csv`, 'acties-2027.csv'],
    [`attachment; filename*=UTF-8''ontwikkeldoelen%20Zo%C3%AB.xlsx`, 'ontwikkeldoelen Zoë.xlsx'],
    ['attachment; filename="pop.csv"', 'pop.csv'],
    [`attachment; filename*=UTF-8''%E0%A4%A`, 'export.csv'],
    [null, 'export.csv'],
  ])('%s', (header, expected) => {
    expect(fileNameOf(header, 'export.csv')).toBe(expected);
  });
});

describe('countCsvRecords', () => {
  it('counts record ends, not line breaks inside quoted fields, across chunks', () => {
    const state = { inQuotes: false };
    const first = countCsvRecords(bytes('Naam;Omschrijving\r\nZoë;"een\nlange'), state);
    expect(first).toBe(1);
    expect(state.inQuotes).toBe(true);
    const second = countCsvRecords(bytes(' tekst ""met"" quotes"\r\nNoah;kort\r\n'), state);
    expect(second).toBe(2);
    expect(state.inQuotes).toBe(false);
  });
});
