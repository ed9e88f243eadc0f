import { describe, expect, it } from 'vitest';
import { safeFileName } from './stream-table.js';

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
