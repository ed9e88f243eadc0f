import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Locale } from '../../shared/i18n/locales.js';
import { documentFont } from './pdf.js';

/**
 * Builders for Groeipad's documents: an A4 page with the organisation in the header and page numbers in the footer,
 * and the few blocks documents are made of (title, headings, paragraphs, key-value blocks, tables whose header row
 * repeats on every page). They take text that is already translated (see `documentText`), so one builder serves
 * every language; `renderPdf` turns the result into bytes.
 */
export interface DocumentSetup {
  /** The document's title: its metadata and the header's right-hand side. */
  title: string;
  /** Shown top left on every page and as the document's author. */
  organisation: string;
  language: Locale;
  /** Bottom left on every page, e.g. "Aangemaakt op 12/03/2027 10:04". */
  footerNote: string;
  /** "Pagina 2 van 5", in the document's language. */
  pageLabel: (page: number, pages: number) => string;
  content: Content[];
  orientation?: 'portrait' | 'landscape';
  subject?: string;
}

const colours = { text: '#1f2933', muted: '#52606d', rule: '#c5ced8', headerFill: '#e6ecf2' };

export function a4Document(setup: DocumentSetup): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: setup.orientation ?? 'portrait',
    pageMargins: [40, 56, 40, 52],
    language: setup.language,
    displayTitle: true,
    info: {
      title: setup.title,
      author: setup.organisation,
      creator: 'Groeipad',
      producer: 'Groeipad',
      ...(setup.subject ? { subject: setup.subject } : {}),
    },
    header: () => ({
      margin: [40, 22, 40, 0],
      columns: [
        { text: setup.organisation, style: 'pageHeader', width: '*' },
        { text: setup.title, style: 'pageHeader', alignment: 'right', width: 'auto' },
      ],
    }),
    footer: (currentPage: number, pageCount: number) => ({
      margin: [40, 14, 40, 0],
      columns: [
        { text: setup.footerNote, style: 'pageFooter', width: '*' },
        {
          text: setup.pageLabel(currentPage, pageCount),
          style: 'pageFooter',
          alignment: 'right',
          width: 'auto',
        },
      ],
    }),
    content: setup.content,
    defaultStyle: { font: documentFont, fontSize: 9.5, color: colours.text, lineHeight: 1.15 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 10.5, color: colours.muted, margin: [0, 0, 0, 12] },
      heading: { fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
      subheading: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
      paragraph: { margin: [0, 0, 0, 6] },
      muted: { color: colours.muted },
      tableHeader: { bold: true, fillColor: colours.headerFill },
      keyLabel: { color: colours.muted },
      pageHeader: { fontSize: 8, color: colours.muted },
      pageFooter: { fontSize: 8, color: colours.muted },
    },
  };
}

/** Rows up to which a section (heading, introduction, table) is kept on one page. */
export const keepTogetherRows = 15;

/**
 * A section: its heading, introduction and table. A short one is kept on one page, so a heading never ends a page on
 * its own; a longer one may break, and its table's header row repeats on the next page.
 */
export function section(blocks: Content[], rows: number): Content {
  return rows <= keepTogetherRows ? { stack: blocks, unbreakable: true } : { stack: blocks };
}

export function title(text: string, subtitle?: string): Content[] {
  return [{ text, style: 'title' }, ...(subtitle ? [{ text: subtitle, style: 'subtitle' } as Content] : [])];
}

export const heading = (text: string): Content => ({ text, style: 'heading', headlineLevel: 1 });
export const subheading = (text: string): Content => ({ text, style: 'subheading', headlineLevel: 2 });

export const paragraph = (text: string, options: { muted?: boolean } = {}): Content => ({
  text,
  style: options.muted ? ['paragraph', 'muted'] : 'paragraph',
});

export const bulletList = (items: readonly string[]): Content => ({
  ul: [...items],
  margin: [0, 0, 0, 6],
});

/** Label and value pairs, two columns without borders. */
export function keyValues(rows: readonly (readonly [string, string])[]): Content {
  return {
    table: {
      widths: ['auto', '*'],
      body: rows.map(([label, value]) => [{ text: label, style: 'keyLabel' }, { text: value }]),
    },
    layout: {
      defaultBorder: false,
      paddingLeft: (i: number) => (i === 0 ? 0 : 12),
      paddingRight: () => 0,
      paddingTop: () => 1.5,
      paddingBottom: () => 1.5,
    },
    margin: [0, 0, 0, 8],
  };
}

export interface TableColumn {
  header: string;
  /** A fixed width in points, '*' to share the rest, or 'auto' (the default). */
  width?: number | '*' | 'auto';
  align?: 'left' | 'right';
}

export type TableValue = string | number | null;

/**
 * A table whose header row repeats on every page; numbers are given as text already formatted for the document's
 * language. Without rows it shows `emptyText` instead. (Unbreakable rows double the layout time of long tables.)
 */
export function dataTable(options: {
  columns: readonly TableColumn[];
  rows: readonly (readonly TableValue[])[];
  emptyText: string;
  /** Rows drawn in bold at the end (totals). */
  footerRows?: readonly (readonly TableValue[])[];
}): Content {
  if (options.rows.length === 0) return paragraph(options.emptyText, { muted: true });
  const cell = (value: TableValue, column: TableColumn | undefined, bold = false): TableCell => ({
    text: value === null ? '' : String(value),
    alignment: column?.align ?? 'left',
    ...(bold ? { bold: true } : {}),
  });
  const header = options.columns.map(
    (column): TableCell => ({
      text: column.header,
      style: 'tableHeader',
      alignment: column.align ?? 'left',
    }),
  );
  const body = options.rows.map((row) => row.map((value, i) => cell(value, options.columns[i])));
  const footer = (options.footerRows ?? []).map((row) =>
    row.map((value, i) => cell(value, options.columns[i], true)),
  );
  return {
    table: {
      headerRows: 1,
      widths: options.columns.map((c) => c.width ?? 'auto'),
      body: [header, ...body, ...footer],
    },
    layout: {
      hLineWidth: (i: number, node) => (i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.4),
      vLineWidth: () => 0,
      hLineColor: () => colours.rule,
      paddingLeft: () => 4,
      paddingRight: () => 4,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    margin: [0, 0, 0, 10],
  };
}
