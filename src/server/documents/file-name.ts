/**
 * Download names. A name is built from words (an organisation, a year) that may hold any character; the header
 * carries a plain ASCII fallback and the exact name in RFC 5987 form, so no quote, slash or line break in a word can
 * break out of the header or point outside the download folder.
 */
export function safeFileName(parts: readonly (string | number)[], extension: string): string {
  const base = parts
    .map((part) =>
      String(part)
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .toLowerCase(),
    )
    .filter((part) => part !== '')
    .join('-')
    .slice(0, 120)
    .replace(/-+$/, '');
  return `${base || 'document'}.${extension.replace(/[^a-z0-9]/gi, '')}`;
}

/** `attachment; filename="..."; filename*=UTF-8''...` for a name made by `safeFileName`. */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export const pdfContentType = 'application/pdf';
export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
