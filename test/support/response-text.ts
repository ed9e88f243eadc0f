import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';

const run = promisify(execFile);

/** The text of a PDF as `pdftotext` (poppler) reads it. */
export async function pdfText(bytes: Buffer): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'groeipad-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    const { stdout } = await run('/usr/bin/pdftotext', ['-q', '-enc', 'UTF-8', file, '-'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every cell of every sheet of an XLSX file, one cell a line. */
export async function xlsxText(bytes: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const lines: string[] = [];
  workbook.eachSheet((sheet) => {
    lines.push(sheet.name);
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        lines.push(cell.text);
      });
    });
  });
  return lines.join('\n');
}

const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1') === '%PDF-';
const isZip = (bytes: Buffer) => bytes[0] === 0x50 && bytes[1] === 0x4b;

/**
 * What a person would read in an answer: JSON, CSV and iCalendar as sent, an XLSX file's cells, a PDF's text. The
 * PDF text is followed by the same text without white space, so a word the layout broke over two lines is found
 * too.
 */
export async function responseText(response: LightMyRequestResponse): Promise<string> {
  const bytes = response.rawPayload;
  if (isPdf(bytes)) {
    const text = await pdfText(bytes);
    return `${text}\n${text.replace(/\s+/g, '')}`;
  }
  if (isZip(bytes)) return xlsxText(bytes);
  return bytes.toString('utf8');
}
