import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { csvLine, neutraliseCell } from '../../shared/spreadsheet.js';
import { csvContentType } from '../documents/csv.js';
import { attachmentHeader, xlsxContentType } from '../documents/file-name.js';

/**
 * Streams a table to the reply as CSV (UTF-8 with BOM, `;`, decimal comma: what Excel in Belgium opens without an
 * import wizard) or XLSX (exceljs' streaming writer). Rows arrive from an async iterator that reads the database
 * page by page, so an export of 300,000 rows never holds more than one page in memory. Every text cell goes through
 * `neutraliseCell` (formula injection).
 *
 * Authorise and validate before calling: once the first byte is sent an error can only cut the download short.
 */
export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export type CellValue = string | number | boolean | null | undefined;

/** How a column's values are written: text, a number, a calendar day (`YYYY-MM-DD`), a moment (ISO), yes/no. */
export type ColumnKind = 'text' | 'number' | 'date' | 'datetime' | 'boolean';

export interface ExportColumn<Row> {
  key: string;
  header: string;
  kind: ColumnKind;
  value: (row: Row) => CellValue;
  /** Width in characters in XLSX. */
  width?: number;
}

export interface ExportTable<Row> {
  /** Without extension; made safe here. */
  fileName: string;
  sheetName: string;
  columns: readonly ExportColumn<Row>[];
  rows: AsyncIterable<Row>;
  /** Rows the export will hold, sent as `X-Export-Rows` so a download can show its progress. */
  totalRows?: number;
  /** Moments are written as the wall-clock time of this zone. */
  timeZone: string;
  /** Yes/no in the reader's language. */
  words: { yes: string; no: string };
}

const mimeTypes: Record<ExportFormat, string> = { csv: csvContentType, xlsx: xlsxContentType };

/** An ASCII file name without path, quote or control characters; accents are dropped rather than refused. */
export function safeFileName(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 100);
  return ascii || 'export';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Building a formatter costs about a millisecond, 300,000 times over in a big export: one per time zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock parts of a moment in a time zone. */
function wallClock(iso: string, timeZone: string) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(iso));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
  };
}

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value.slice(0, 10));

/** A value as CSV text: Belgian dates and decimal comma; yes/no in words. */
function csvValue(kind: ColumnKind, value: CellValue, table: ExportTable<unknown>): string | number | null {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      if (!Number.isFinite(n)) return null;
      return Number.isInteger(n) ? n : String(n).replace('.', ',');
    }
    case 'boolean':
      return value ? table.words.yes : table.words.no;
    case 'date': {
      const text = String(value);
      if (!isDay(text)) return text;
      return `${text.slice(8, 10)}/${text.slice(5, 7)}/${text.slice(0, 4)}`;
    }
    case 'datetime': {
      const c = wallClock(String(value), table.timeZone);
      return `${pad(c.day)}/${pad(c.month)}/${c.year} ${pad(c.hour)}:${pad(c.minute)}`;
    }
    case 'text':
      return String(value);
  }
}

/** A value as an XLSX cell: real numbers and dates (shown the Belgian way), neutralised text. */
function xlsxValue(kind: ColumnKind, value: CellValue, table: ExportTable<unknown>): ExcelJS.CellValue {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'number': {
      const n = typeof value === 'number' ? value : Number(value);
      return Number.isFinite(n) ? n : null;
    }
    case 'boolean':
      return value ? table.words.yes : table.words.no;
    case 'date': {
      const text = String(value);
      if (!isDay(text)) return neutraliseCell(text);
      return new Date(
        Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10))),
      );
    }
    case 'datetime': {
      // Excel has no time zones: the cell holds the wall-clock time of the organisation.
      const c = wallClock(String(value), table.timeZone);
      return new Date(Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute));
    }
    case 'text':
      return neutraliseCell(String(value));
  }
}

const csvChunkSize = 64 * 1024;

async function* csvChunks<Row>(table: ExportTable<Row>): AsyncGenerator<string> {
  const t = table as ExportTable<unknown>;
  let buffer = `\uFEFF${csvLine(table.columns.map((c) => c.header))}`;
  for await (const row of table.rows) {
    buffer += csvLine(table.columns.map((c) => csvValue(c.kind, c.value(row), t)));
    if (buffer.length >= csvChunkSize) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

const xlsxFormats: Partial<Record<ColumnKind, string>> = {
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
};

async function writeXlsx<Row>(table: ExportTable<Row>, out: PassThrough): Promise<void> {
  const t = table as ExportTable<unknown>;
  // exceljs loads on the first workbook, so a server that makes none starts faster and smaller.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Groeipad';
  const sheet = workbook.addWorksheet(table.sheetName.slice(0, 31) || 'Export', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.columns.map((c) => {
    const numFmt = xlsxFormats[c.kind];
    return {
      header: neutraliseCell(c.header),
      key: c.key,
      width: c.width ?? Math.min(40, Math.max(12, c.header.length + 2)),
      ...(numFmt ? { style: { numFmt } } : {}),
    };
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  let written = 0;
  for await (const row of table.rows) {
    sheet.addRow(table.columns.map((c) => xlsxValue(c.kind, c.value(row), t))).commit();
    written += 1;
    // The zip stream has no backpressure of its own: wait while the client has not read what was written.
    if (written % 500 === 0 && out.writableNeedDrain) await once(out, 'drain');
  }
  sheet.commit();
  await workbook.commit();
}

/** Sends the table as a download in the chosen format; answers the reply for the route to return. */
export function streamTable<Row>(
  reply: FastifyReply,
  format: ExportFormat,
  table: ExportTable<Row>,
): FastifyReply {
  const fileName = `${safeFileName(table.fileName)}.${format}`;
  reply
    .header('content-type', mimeTypes[format])
    .header('content-disposition', attachmentHeader(fileName))
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff');
  if (table.totalRows !== undefined) reply.header('x-export-rows', String(table.totalRows));
  if (format === 'csv') return reply.send(Readable.from(csvChunks(table)));
  const out = new PassThrough();
  writeXlsx(table, out).catch((error: unknown) => {
    reply.log.error({ err: error }, 'xlsx export failed');
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return reply.send(out);
}
