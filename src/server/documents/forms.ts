import type { Content, TableCell } from 'pdfmake/interfaces.js';

/**
 * Blocks of paper forms: fields with a line to write on, ruled lines for answers, a grid table with empty rows and
 * signature boxes. A value that is known is printed on the line; one that is not leaves the line blank.
 */

/** The width between the margins of an A4 page in portrait (595 pt less 2 × 40 pt). */
export const portraitWidth = 515;

const lineColour = '#8795a1';
const gridColour = '#9aa5b1';

/** Ruled lines to write an answer on by hand. */
export function writingLines(count: number, options: { spacing?: number; width?: number } = {}): Content {
  const spacing = options.spacing ?? 20;
  const width = options.width ?? portraitWidth;
  return {
    canvas: Array.from({ length: Math.max(0, count) }, (_, i) => ({
      type: 'line' as const,
      x1: 0,
      y1: spacing * (i + 1),
      x2: width,
      y2: spacing * (i + 1),
      lineWidth: 0.5,
      lineColor: lineColour,
    })),
    margin: [0, 0, 0, 10],
  };
}

export interface FormField {
  label: string;
  /** Printed on the line; null or absent leaves it blank to fill in by hand. */
  value?: string | null;
}

const labelCell = (field: FormField): TableCell => ({
  text: field.label,
  style: 'keyLabel',
  border: [false, false, false, false],
  noWrap: true,
});
const lineCell = (field: FormField, colSpan?: number): TableCell => ({
  text: field.value?.trim() ? field.value : ' ',
  border: [false, false, false, true],
  ...(colSpan ? { colSpan } : {}),
});

/**
 * Labelled fields, two to a row ("Medewerker ____  Leidinggevende ____"); a row with one field gives its line the
 * whole width.
 */
export function formFields(rows: readonly (readonly [FormField, FormField?])[]): Content {
  const body: TableCell[][] = rows.map(([first, second]) =>
    second
      ? [labelCell(first), lineCell(first), labelCell(second), lineCell(second)]
      : [labelCell(first), lineCell(first, 3), {}, {}],
  );
  return {
    table: { widths: ['auto', '*', 'auto', '*'], body },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0,
      hLineColor: () => lineColour,
      paddingLeft: (i: number) => (i === 0 ? 0 : i === 2 ? 14 : 4),
      paddingRight: () => 4,
      paddingTop: () => 8,
      paddingBottom: () => 2,
    },
    margin: [0, 0, 0, 12],
  };
}

export interface GridColumn {
  header: string;
  /** A fixed width in points or '*' to share the rest. */
  width: number | '*';
}

/**
 * A table with every border drawn, as on a paper form: the header row repeats on every page, cells may span rows
 * (give `{}` for the cells they cover), and `blankRows` empty rows of `blankRowHeight` follow to write in.
 */
export function gridTable(options: {
  columns: readonly GridColumn[];
  rows: readonly (readonly TableCell[])[];
  blankRows?: number;
  blankRowHeight?: number;
}): Content {
  const header = options.columns.map((c): TableCell => ({ text: c.header, style: 'tableHeader' }));
  const blank = Array.from({ length: options.blankRows ?? 0 }, () =>
    options.columns.map((): TableCell => ({ text: ' ' })),
  );
  const filled = 1 + options.rows.length;
  const blankHeight = options.blankRowHeight ?? 44;
  return {
    table: {
      headerRows: 1,
      widths: options.columns.map((c) => c.width),
      body: [header, ...options.rows.map((row) => [...row]), ...blank],
      heights: (row: number) => (row >= filled ? blankHeight : 'auto'),
    },
    layout: {
      hLineWidth: () => 0.6,
      vLineWidth: () => 0.6,
      hLineColor: () => gridColour,
      vLineColor: () => gridColour,
      paddingLeft: () => 4,
      paddingRight: () => 4,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    margin: [0, 0, 0, 12],
  };
}

export interface SignatureBox {
  /** "Handtekening medewerker". */
  title: string;
  /** Printed on the name line; null leaves it blank. */
  name: string | null;
  /** Printed on the date line; null leaves it blank (the date of signing is written by hand). */
  date?: string | null;
  /** A muted line under the box, e.g. when the person approved in the application. */
  note?: string | null;
}

/** Boxes side by side to sign in, each with a name and a date line; kept together on one page. */
export function signatureBlock(
  boxes: readonly SignatureBox[],
  labels: { name: string; date: string },
): Content {
  const box = (b: SignatureBox): TableCell => ({
    stack: [
      { text: b.title, bold: true, margin: [0, 0, 0, 0] },
      { text: ' ', margin: [0, 0, 0, 42] },
      formFields([[{ label: labels.name, value: b.name }], [{ label: labels.date, value: b.date ?? null }]]),
      ...(b.note ? [{ text: b.note, style: 'muted', fontSize: 8 } as Content] : []),
    ],
  });
  return {
    table: { widths: boxes.map(() => '*'), body: [boxes.map(box)], dontBreakRows: true },
    layout: {
      hLineWidth: () => 0.8,
      vLineWidth: () => 0.8,
      hLineColor: () => gridColour,
      vLineColor: () => gridColour,
      paddingLeft: () => 10,
      paddingRight: () => 10,
      paddingTop: () => 8,
      paddingBottom: () => 6,
    },
    unbreakable: true,
    margin: [0, 4, 0, 10],
  };
}
