/** Pure helpers of the export download: what the browser saves the file as, how far a CSV got. */

/** The file name from Content-Disposition (`filename*` first), else a fallback. */
export function fileNameOf(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain?.[1] ?? fallback;
}

/**
 * Counts the line breaks of CSV text that end a record (not those inside quoted fields), across chunks: the state
 * says whether the last chunk ended inside quotes.
 */
export function countCsvRecords(chunk: Uint8Array, state: { inQuotes: boolean }): number {
  let records = 0;
  for (const byte of chunk) {
    if (byte === 0x22) state.inQuotes = !state.inQuotes;
    else if (byte === 0x0a && !state.inQuotes) records += 1;
  }
  return records;
}
