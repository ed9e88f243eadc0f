import { describe, expect, it } from 'vitest';
import { contentDisposition, safeFileName } from './stream-table.js';

describe('safeFileName', () => {
  it.each([
    ['pop-overzicht-2027-03-01', 'pop-overzicht-2027-03-01'],
    ['Ontwikkeldoelen Zoë & Noah', 'Ontwikkeldoelen-Zoe-Noah'],
    ['../../etc/passwd', 'etc-passwd'],
    ['a"b\r\nc;d', 'a-b-c-d'],
    ['', 'export'],
    ['ééé', 'eee'],
    ['x'.repeat(300), 'x'.repeat(100)],
  ])('%s', (name, expected) => {
    expect(safeFileName(name)).toBe(expected);
  });
});

describe('contentDisposition', () => {
  it('names the file twice, plainly and in RFC 5987 form', () => {
    expect(contentDisposition('acties-2027.xlsx')).toBe(
      `attachment; filename="acties-2027.xlsx"; filename*=UTF-8''acties-2027.xlsx`,
    );
  });
});
