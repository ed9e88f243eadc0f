import { describe, expect, it } from 'vitest';
import { documentText } from './document-text.js';
import { attachmentHeader, safeFileName } from './file-name.js';
import { sheetName } from './xlsx.js';

describe('safeFileName', () => {
  it.each([
    [['Opleidingsplan', 2027, 'vzw Café Zoë'], 'pdf', 'opleidingsplan-2027-vzw-cafe-zoe.pdf'],
    [['../../etc/passwd', '"quoted"\r\nX-Injected: 1'], 'xlsx', 'etc-passwd-quoted-x-injected-1.xlsx'],
    [['', '***'], 'pdf', 'document.pdf'],
    [['Łódź & Ærø'], 'pdf', 'odz-r.pdf'],
  ] as const)('%j -> %s', (parts, extension, expected) => {
    expect(safeFileName(parts, extension)).toBe(expected);
  });

  it('keeps names short', () => {
    expect(safeFileName(['x'.repeat(300)], 'pdf').length).toBeLessThanOrEqual(124);
  });
});

describe('attachmentHeader', () => {
  it('carries an ASCII name and the exact one', () => {
    expect(attachmentHeader('plan-2027.pdf')).toBe(
      `attachment; filename="plan-2027.pdf"; filename*=UTF-8''plan-2027.pdf`,
    );
    expect(attachmentHeader('zoë "x".pdf')).toBe(
      `attachment; filename="zo_ _x_.pdf"; filename*=UTF-8''zo%C3%AB%20%22x%22.pdf`,
    );
  });
});

describe('sheetName', () => {
  it.each([
    ['Samenvatting', 'Samenvatting'],
    ['Per soort: [actie]?', 'Per soort   actie'],
    ['Een heel erg lange naam voor een werkblad', 'Een heel erg lange naam voor ee'],
    ['', 'Sheet'],
  ])('%s -> %s', (name, expected) => {
    expect(sheetName(name)).toBe(expected);
  });

  it('never gives two sheets the same name', () => {
    expect(sheetName('Doelgroepen', new Set(['doelgroepen']))).toBe('Doelgroepen 2');
  });
});

describe('documentText', () => {
  it('writes numbers, money and dates the Belgian way', () => {
    const nl = documentText('nl-BE');
    expect(nl.number(1234.5)).toBe('1.234,5');
    expect(nl.money(1300)).toBe('€\u00a01.300,00');
    expect(nl.date('2027-03-15')).toBe('15/03/2027');
    expect(nl.dateTime('2027-03-15T08:05:00.000Z', 'Europe/Brussels')).toBe('15/03/2027 09:05');
    expect(nl.t('trainingPlan.titleYear', { year: 2027 })).toBe('Opleidingsplan 2027');
    expect(documentText('en').t('trainingPlan.titleYear', { year: 2027 })).toBe('Training plan 2027');
  });
});
