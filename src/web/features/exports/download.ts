import { AppError, isErrorCode } from '../../../shared/errors.js';
import { NetworkError } from '../../api/client.js';
import { currentLocale } from '../../i18n/i18n.js';
import { countCsvRecords, fileNameOf } from './download-progress.js';

export interface DownloadProgress {
  /** Bytes received so far. */
  bytes: number;
  /** Rows the server announced (X-Export-Rows), if any. */
  totalRows: number | null;
  /** Rows received so far; counted for CSV only (XLSX is compressed). */
  rows: number | null;
}

async function errorOf(response: Response): Promise<AppError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    const code = body.error?.code;
    if (code && isErrorCode(code)) {
      const error = new AppError(code);
      if (body.error?.message) error.message = body.error.message;
      return error;
    }
  } catch {
    // not JSON: fall back on the status
  }
  return new AppError(
    response.status === 404 ? 'NOT_FOUND' : response.status === 403 ? 'FORBIDDEN' : 'INTERNAL',
  );
}

/**
 * Downloads an export while reporting progress, then hands the file to the browser. The whole file is kept until
 * it is complete, so a download cut short never leaves half a spreadsheet behind.
 */
export async function downloadExport(
  url: string,
  options: { signal: AbortSignal; fallbackName: string; onProgress: (progress: DownloadProgress) => void },
): Promise<{ fileName: string }> {
  let response: Response;
  try {
    response = await fetch(url, {
      credentials: 'same-origin',
      headers: { 'accept-language': currentLocale() },
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal.aborted) throw cause;
    throw new NetworkError(cause);
  }
  if (!response.ok) throw await errorOf(response);
  const totalHeader = response.headers.get('x-export-rows');
  const totalRows = totalHeader === null ? null : Number(totalHeader);
  const isCsv = (response.headers.get('content-type') ?? '').startsWith('text/csv');
  const fileName = fileNameOf(response.headers.get('content-disposition'), options.fallbackName);
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  let lines = 0;
  const csvState = { inQuotes: false };
  const report = () =>
    options.onProgress({
      bytes,
      totalRows,
      // The header is the first line.
      rows: isCsv ? Math.max(0, lines - 1) : null,
    });
  report();
  if (response.body) {
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value as Uint8Array<ArrayBuffer>);
        bytes += value.byteLength;
        if (isCsv) lines += countCsvRecords(value, csvState);
        report();
      }
    } catch (cause) {
      if (options.signal.aborted) throw cause;
      throw new NetworkError(cause);
    }
  }
  const blob = new Blob(chunks, { type: response.headers.get('content-type') ?? 'application/octet-stream' });
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return { fileName };
}
