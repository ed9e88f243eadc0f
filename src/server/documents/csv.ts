import { csvLine } from '../../shared/spreadsheet.js';
import type { Sheet, SheetValue } from './xlsx.js';

export const csvContentType = 'text/csv; charset=utf-8';

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell the way Excel in Belgium reads it: decimal comma, dd/mm/yyyy; text is neutralised by `csvLine`. */
function csvCell(value: SheetValue): string | number | null {
  if (value === null) return null;
  if (value instanceof Date)
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return Number.isInteger(value) ? value : String(Math.round(value * 100) / 100).replace('.', ',');
  }
  return value;
}

/**
 * The sheets of a report as one CSV file (UTF-8 with BOM, `;`): each sheet a section with its name, its header row,
 * its rows and footer rows, and an empty line between sections. For reports whose parts have different columns, such
 * as the training plan; long tables of one shape stream through `src/server/exports` instead.
 */
export function renderCsv(sheets: readonly Sheet[]): Buffer {
  const lines: string[] = ['\ufeff'];
  sheets.forEach((sheet, index) => {
    if (index > 0) lines.push('\r\n');
    lines.push(csvLine([sheet.name]));
    lines.push(csvLine(sheet.columns.map((column) => column.header)));
    for (const row of [...sheet.rows, ...(sheet.footerRows ?? [])]) lines.push(csvLine(row.map(csvCell)));
  });
  return Buffer.from(lines.join(''), 'utf8');
}
