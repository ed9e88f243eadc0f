import { neutraliseCell } from '../../shared/spreadsheet.js';

/**
 * Spreadsheets (XLSX) with exceljs. Every text cell goes through `neutraliseCell`, so a description that starts with
 * `=` or `+` stays text in Excel and LibreOffice instead of running as a formula; numbers stay numbers with a format.
 */
/** A `Date` is a calendar day (give it at UTC midnight). */
export type SheetValue = string | number | Date | null;

export interface SheetColumn {
  header: string;
  /** Width in characters. */
  width?: number;
  kind?: 'text' | 'integer' | 'decimal' | 'money' | 'date';
}

export interface Sheet {
  name: string;
  columns: readonly SheetColumn[];
  rows: readonly (readonly SheetValue[])[];
  /** Rows in bold after the data (totals). */
  footerRows?: readonly (readonly SheetValue[])[];
}

const formats: Record<NonNullable<SheetColumn['kind']>, string | undefined> = {
  text: undefined,
  integer: '#,##0',
  decimal: '#,##0.0#',
  money: '"€" #,##0.00',
  date: 'dd/mm/yyyy',
};

/** Excel refuses sheet names over 31 characters or with `[]:*?/\`. */
export function sheetName(name: string, taken: ReadonlySet<string> = new Set()): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++)
    candidate = `${base.slice(0, 31 - String(n).length - 1)} ${n}`;
  return candidate;
}

const cellValue = (value: SheetValue): string | number | Date | null =>
  typeof value === 'string' ? neutraliseCell(value) : value;

export async function renderXlsx(options: {
  sheets: readonly Sheet[];
  title: string;
  creator: string;
  created: Date;
}): Promise<Buffer> {
  // exceljs loads on the first workbook, so a server that makes none starts faster and smaller.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = neutraliseCell(options.creator);
  workbook.title = neutraliseCell(options.title);
  workbook.created = options.created;
  workbook.modified = options.created;
  const taken = new Set<string>();
  for (const sheet of options.sheets) {
    const name = sheetName(sheet.name, taken);
    taken.add(name.toLowerCase());
    const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((column, i) => ({
      key: `c${i}`,
      header: neutraliseCell(column.header),
      width: column.width ?? 16,
      ...(formats[column.kind ?? 'text'] ? { style: { numFmt: formats[column.kind ?? 'text'] } } : {}),
    }));
    worksheet.getRow(1).font = { bold: true };
    for (const row of sheet.rows) worksheet.addRow(row.map(cellValue));
    for (const row of sheet.footerRows ?? []) worksheet.addRow(row.map(cellValue)).font = { bold: true };
    if (sheet.rows.length > 0 && sheet.columns.length > 0)
      worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
