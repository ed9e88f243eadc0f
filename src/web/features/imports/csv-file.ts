/** The server accepts at most 2,000,000 characters per upload. */
export const maxCsvBytes = 2_000_000;

export type CsvReadResult =
  | { ok: true; filename: string; content: string }
  | { ok: false; reason: 'not_utf8' | 'too_large' | 'empty' };

/** Reads the file in the browser; only UTF-8 text is accepted (a leading byte-order mark is dropped). */
export async function readCsvFile(file: File): Promise<CsvReadResult> {
  if (file.size > maxCsvBytes) return { ok: false, reason: 'too_large' };
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { ok: false, reason: 'not_utf8' };
  }
  if (!content.trim()) return { ok: false, reason: 'empty' };
  return { ok: true, filename: file.name, content };
}
