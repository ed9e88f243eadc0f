import { parse } from 'csv-parse/sync';
import type { Locale } from '../../../shared/i18n/locales.js';
import { searchKey } from '../../../shared/text.js';

/** Larger files are split by the user: one transaction stays short and the preview stays readable. */
export const MAX_IMPORT_ROWS = 5000;

export interface ImportIssue {
  code: string;
  params?: Record<string, string | number>;
}

export interface CsvRecord {
  /** Line in the file where the record starts (the header is line 1), as a spreadsheet shows it. */
  line: number;
  values: string[];
}

export interface CsvTable {
  headers: string[];
  records: CsvRecord[];
  fileErrors: ImportIssue[];
}

/** Headers and enumerated values compare without case, accents, spaces or punctuation: "E-mail" = "email". */
export const looseKey = (value: string): string => searchKey(value).replace(/[^a-z0-9]+/g, '');

/** Spreadsheets save CSV with the list separator of the user's region: `;` in Belgium, `,` elsewhere. */
export function detectDelimiter(headerLine: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ';' || char === ',' || char === '\t')) counts[char]++;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[';'] >= counts[','] && counts[';'] > 0 ? ';' : ',';
}

/** Spreadsheet exports are named .csv or .txt; anything else (.xlsx, .pdf) would read as garbage. */
export const isAcceptableFileName = (name: string): boolean => /\.(csv|txt)$/i.test(name.trim());

/** Largest import file: a social secretariat's export of a few thousand people stays well below it. */
export const MAX_IMPORT_MEGABYTES = 2;
/** In bytes of UTF-8, as the web app checks before sending (src/web/features/imports/csv-file.ts). */
export const MAX_IMPORT_BYTES = MAX_IMPORT_MEGABYTES * 1_000_000;

/**
 * Starts of files that are not text: a workbook or document renamed to .csv, as the browser reads it as text
 * (zip-based XLSX/ODS/DOCX, PDF, old Excel, images, RTF, HTML, XML).
 */
const binaryStarts = [
  'PK\u0003\u0004',
  '%PDF-',
  '\u00D0\u00CF\u0011\u00E0',
  '\uFFFD\uFFFD\u0011\uFFFD',
  '\u0089PNG',
  '\uFFFDPNG',
  'GIF87a',
  'GIF89a',
  '\u00FF\u00D8\u00FF',
  '\uFFFD\uFFFD\uFFFD',
  '{\\rtf',
];
const markupStart = /^\s*<(\?xml|!doctype html|html)/i;

/** Whether an uploaded file can be a CSV import at all: its name, its size and how it starts. */
export function csvUploadProblem(file: {
  filename: string;
  content: string;
}): { code: 'import_not_csv' | 'import_too_large'; params?: Record<string, number> } | null {
  if (Buffer.byteLength(file.content, 'utf8') > MAX_IMPORT_BYTES)
    return { code: 'import_too_large', params: { max: MAX_IMPORT_MEGABYTES } };
  if (!isAcceptableFileName(file.filename)) return { code: 'import_not_csv' };
  const start = file.content.replace(/^\uFEFF/, '').slice(0, 64);
  if (binaryStarts.some((b) => start.startsWith(b)) || markupStart.test(start))
    return { code: 'import_not_csv' };
  return null;
}

/**
 * Reads CSV text as a spreadsheet or a payroll package exports it: UTF-8 with or without BOM, `;` or `,`, quoted
 * fields with line breaks, CRLF. Text that was not UTF-8 arrives with replacement characters and is refused.
 */
export function readCsv(content: string, maxRows = MAX_IMPORT_ROWS): CsvTable {
  const empty = (issue: ImportIssue): CsvTable => ({ headers: [], records: [], fileErrors: [issue] });
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  // UTF-16 or Latin-1 text decoded as UTF-8 shows up as replacement characters or NUL bytes.
  if (text.includes('\uFFFD') || text.includes('\u0000')) return empty({ code: 'not_utf8' });
  const headerLine = text.split('\n').find((l) => l.trim() !== '');
  if (headerLine === undefined) return empty({ code: 'csv_empty' });
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      delimiter: detectDelimiter(headerLine),
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return empty({ code: 'csv_malformed', params: { reason: reason.slice(0, 200) } });
  }
  const [head, ...body] = parsed;
  if (!head) return empty({ code: 'csv_empty' });
  const records: CsvRecord[] = [];
  for (const { record, info } of body) {
    // csv-parse reports the line where a record ends; line breaks inside quoted fields move its start up.
    const innerBreaks = record.reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
    const values = record.map((v) => v.trim());
    if (values.every((v) => v === '')) continue;
    records.push({ line: info.lines - innerBreaks, values });
  }
  const headers = head.record.map((h) => h.trim());
  if (records.length === 0) return { headers, records, fileErrors: [{ code: 'csv_empty' }] };
  if (records.length > maxRows)
    return { headers, records: [], fileErrors: [{ code: 'csv_too_many_rows', params: { max: maxRows } }] };
  return { headers, records, fileErrors: [] };
}

export interface ColumnSpec<F extends string> {
  field: F;
  aliases: readonly string[];
  required?: boolean;
  /** The column name to show in "missing column" messages. */
  label: Record<Locale, string>;
}

export interface ColumnMap<F extends string> {
  columns: { header: string; field: F | null }[];
  missing: ColumnSpec<F>[];
  /** Value of a field in a record; undefined when the file has no such column. */
  cell(record: CsvRecord, field: F): string | undefined;
}

/** Matches headers to fields by alias; unknown and repeated columns are shown but ignored. */
export function mapColumns<F extends string>(
  headers: string[],
  specs: readonly ColumnSpec<F>[],
): ColumnMap<F> {
  const byAlias = new Map<string, F>();
  for (const spec of specs) for (const alias of spec.aliases) byAlias.set(looseKey(alias), spec.field);
  const index = new Map<F, number>();
  const columns = headers.map((header, i) => {
    const field = byAlias.get(looseKey(header));
    if (field === undefined || index.has(field)) return { header, field: null };
    index.set(field, i);
    return { header, field };
  });
  return {
    columns,
    missing: specs.filter((s) => s.required && !index.has(s.field)),
    cell(record, field) {
      const i = index.get(field);
      return i === undefined ? undefined : (record.values[i] ?? '');
    },
  };
}
