import type { trustNlBE } from './trust.nl-be.js';

/** Strings of one area (en): trust — limits on uploads and on expensive requests. */
export const trustEn: typeof trustNlBE = {
  errors: {
    EXPORT_RATE_LIMITED:
      'You requested many exports or PDFs in a short time. Try again in {{seconds}} seconds.',
    import_too_large:
      'The file is too large: an import may be at most {{max}} MB. Split the rows over several files.',
    import_not_csv:
      'This is not a CSV file. Save it from your spreadsheet as ‘CSV (semicolon or comma separated)’ and try again.',
  },
  email: {},
  web: {},
};
