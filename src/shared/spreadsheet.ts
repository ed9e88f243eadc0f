/**
 * Text that a spreadsheet would read as a formula (CSV/formula injection, OWASP): a cell starting with = + - @ or a
 * tab or carriage return gets a leading apostrophe, so Excel and LibreOffice show it as text. Numbers stay numbers.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV field (RFC 4180): neutralised, quoted when it holds a separator, quote or line break. */
export function csvField(value: string | number | boolean | null | undefined, separator = ';'): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  const text = neutraliseCell(value);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line ending in CRLF. */
export const csvLine = (
  values: readonly (string | number | boolean | null | undefined)[],
  separator = ';',
): string => `${values.map((v) => csvField(v, separator)).join(separator)}\r\n`;
