import { describe, expect, it } from 'vitest';
import { csvField, csvLine, neutraliseCell } from './spreadsheet.js';

describe('neutraliseCell', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+32 470 12 34 56', "'+32 470 12 34 56"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['Opleiding conflicthantering', 'Opleiding conflicthantering'],
    ['', ''],
  ])('%j -> %j', (input, output) => {
    expect(neutraliseCell(input)).toBe(output);
  });
});

describe('csvField', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    [12.5, '12.5'],
    [-3, '-3'],
    [Number.NaN, ''],
    [true, '1'],
    ['a;b', '"a;b"'],
    ['zei "ja"', '"zei ""ja"""'],
    ['twee\nregels', '"twee\nregels"'],
    ['=1+1', "'=1+1"],
    ['=1;2', `"'=1;2"`],
  ] as const)('%j -> %j', (input, output) => {
    expect(csvField(input)).toBe(output);
  });

  it('writes a line with CRLF', () => {
    expect(csvLine(['Zoë', 3, null])).toBe('Zoë;3;\r\n');
  });
});
