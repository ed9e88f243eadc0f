import { describe, expect, it } from 'vitest';
import { documentText } from './document-text.js';
import { attachmentHeader, safeFileName } from './file-name.js';
import { formFields, signatureBlock, writingLines } from './forms.js';
import { preparationFormPdf } from './preparation-form.js';
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

describe('paper forms', () => {
  it('draw as many lines to write on as asked, a line apart', () => {
    const lines = (
      writingLines(3, { spacing: 20, width: 100 }) as { canvas: Array<{ y1: number; x2: number }> }
    ).canvas;
    expect(lines.map((l) => [l.y1, l.x2])).toEqual([
      [20, 100],
      [40, 100],
      [60, 100],
    ]);
    expect((writingLines(0) as { canvas: unknown[] }).canvas).toEqual([]);
  });

  it('print a known value on its line and leave an unknown one blank', () => {
    const table = (
      formFields([
        [
          { label: 'Medewerker', value: 'Zoë' },
          { label: 'Leidinggevende', value: null },
        ],
        [{ label: 'Datum' }],
      ]) as { table: { body: Array<Array<{ text?: string; colSpan?: number }>> } }
    ).table;
    expect(table.body[0]?.map((c) => c.text)).toEqual(['Medewerker', 'Zoë', 'Leidinggevende', ' ']);
    // A single field takes the whole row.
    expect(table.body[1]?.[1]).toMatchObject({ text: ' ', colSpan: 3 });
  });

  it('give each signer a box with their name, or a blank name line', () => {
    const block = JSON.stringify(
      signatureBlock(
        [
          { title: 'Handtekening medewerker', name: 'Jérôme', note: 'Goedgekeurd in Groeipad op 11/01/2027' },
          { title: 'Handtekening leidinggevende', name: null },
        ],
        { name: 'Naam', date: 'Datum' },
      ),
    );
    for (const text of ['Handtekening medewerker', 'Handtekening leidinggevende', 'Jérôme', 'Goedgekeurd in'])
      expect(block).toContain(text);
    expect(block).toContain('"unbreakable":true');
  });
});

describe('preparationFormPdf', () => {
  const setup = {
    organisation: 'vzw De Linde',
    party: 'manager' as const,
    formName: 'Voorbereiding leidinggevende',
    questions: [
      {
        prompt: 'Welke ontwikkelingen zie je in de organisatie?',
        help: 'Denk aan de komende twee jaar',
        competency: false,
      },
      { prompt: 'Communicatie', help: null, competency: true },
    ],
    generatedAt: new Date('2027-03-15T08:05:00.000Z'),
    timeZone: 'Europe/Brussels',
  };

  it('numbers the questions, puts the competencies under their own heading and leaves room for talking points', () => {
    const text = JSON.stringify(preparationFormPdf(setup, documentText('nl-BE')).content);
    const order = [
      'Voorbereiding van de leidinggevende',
      '1. Welke ontwikkelingen zie je in de organisatie?',
      'Denk aan de komende twee jaar',
      'Competenties van de functie',
      '2. Communicatie',
      'Gesprekspunten',
    ].map((part) => text.indexOf(part));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('says a competency form gets the job’s competencies, in the reader’s language', () => {
    const definition = preparationFormPdf(
      { ...setup, questions: [setup.questions[0]!], addsCompetencies: true },
      documentText('en'),
    );
    const text = JSON.stringify(definition.content);
    expect(text).toContain('Preparation of the manager');
    expect(text).toContain('Competencies of the job');
    expect(text).toContain('each with a question of its own');
  });
});
