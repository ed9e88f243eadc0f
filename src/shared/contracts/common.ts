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

export const id = z.uuid();
export const idParams = z.strictObject({ id });
export type IdParams = z.infer<typeof idParams>;

export const version = z.number().int().min(1);
export const isoDate = z.iso.date();
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
    retryAfterSeconds: z.number().optional(),
    requestId: z.string().optional(),
  }),
});
