import { describe, expect, it } from 'vitest';
import { renderCsv } from './csv.js';

describe('renderCsv', () => {
  const text = (sheets: Parameters<typeof renderCsv>[0]) => renderCsv(sheets).toString('utf8');

  it('writes each sheet as a section with its name and header, with a BOM and CRLF', () => {
    const csv = text([
      {
        name: 'Samenvatting',
        columns: [{ header: 'Onderdeel' }, { header: 'Waarde' }],
        rows: [['Jaar', 2027]],
      },
      {
        name: 'Per afdeling',
        columns: [{ header: 'Afdeling' }, { header: 'Uren' }],
        rows: [['Woonbegeleiding', 12.5]],
        footerRows: [['Totaal', 12.5]],
      },
    ]);
    expect(csv).toBe(
      '\ufeffSamenvatting\r\nOnderdeel;Waarde\r\nJaar;2027\r\n\r\nPer afdeling\r\nAfdeling;Uren\r\nWoonbegeleiding;12,5\r\nTotaal;12,5\r\n',
    );
  });

  it.each([
    ['a formula', '=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['a plus sign', '+32 2 123', "'+32 2 123"],
    ['a separator', 'A; B', '"A; B"'],
    ['a line break', 'a\nb', '"a\nb"'],
    ['an empty cell', null, ''],
    ['a day', new Date(Date.UTC(2027, 2, 15)), '15/03/2027'],
    ['money', 1450.005, '1450,01'],
    ['an integer', 3, '3'],
  ])('writes %s safely', (_label, value, expected) => {
    const csv = text([{ name: 'S', columns: [{ header: 'H' }], rows: [[value]] }]);
    expect(csv.split('\r\n')[2]).toBe(expected);
  });
});
