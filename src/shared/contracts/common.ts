import { z } from 'zod';

/**
 * Control characters are refused: PostgreSQL cannot store U+0000 at all, and line breaks have no place in a name.
 * Longer texts (descriptions) keep their tabs and line breaks.
 */
const singleLine = /^[^\p{Cc}]*$/u;
const multiLine = /^(?:\P{Cc}|[\t\n\r])*$/u;

/** Trimmed single-line text with a length limit; empty strings are refused where text is required. */
export const text = (max: number) => z.string().trim().min(1).max(max).regex(singleLine);
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(multiLine)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

/** Required text that may span several lines (descriptions, answers, comments). */
export const multilineText = (max: number) => z.string().trim().min(1).max(max).regex(multiLine);
/** Text that may be empty and span lines, kept as typed (autosaved answers). */
export const draftText = (max: number) => z.string().max(max).regex(multiLine);

export const id = z.uuid();
export const idParams = z.strictObject({ id });
export type IdParams = z.infer<typeof idParams>;

/** Row versions are 32-bit integers in the database (PostgreSQL `integer`): larger numbers are refused, not sent. */
export const maxVersion = 2_147_483_647;
export const version = z.number().int().min(1).max(maxVersion);
/** A version in a query string (`DELETE ...?version=3`). */
export const versionInQuery = z.coerce.number().int().min(1).max(maxVersion);
/**
 * Calendar days and moments between the years 1900 and 2999: the databases disagree outside a sane range (PostgreSQL
 * has no year 0 and answered 500), and no POP date lies there.
 */
const inYearRange = (value: string) => {
  // A malformed value already failed the format check: one message per field.
  if (!/^\d{4}-/.test(value)) return true;
  const year = Number(value.slice(0, 4));
  return year >= 1900 && year <= 2999;
};
export const isoDate = z.iso.date().refine(inYearRange, { params: { code: 'invalid_date' } });
/** A moment with its offset (`2027-03-15T09:00:00+01:00` or UTC `Z`); stored as UTC. */
export const isoDateTime = z.iso
  .datetime({ offset: true })
  .refine(inYearRange, { params: { code: 'invalid_date' } });
export const email = z.string().trim().max(254).pipe(z.email());

/** Passwords: 8..128 characters; common ones are refused by the server. */
export const password = z.string().min(8).max(128);

export const versioned = { version };

export const okResponse = z.object({ ok: z.literal(true) });

export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z
      .array(z.object({ path: z.string(), code: z.string(), message: z.string().optional() }))
      .optional(),
    currentVersion: z.number().optional(),
    current: z.unknown().optional(),
    retryAfterSeconds: z.number().optional(),
    requestId: z.string().optional(),
  }),
});
