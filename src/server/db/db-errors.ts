/**
 * A unique constraint refused the write (SQLite: SQLITE_CONSTRAINT_UNIQUE or _PRIMARYKEY; PostgreSQL: 23505).
 * Services check uniqueness first for a friendly message; this catches the race where two requests pass that check.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** Which constraint or column a unique violation names, to tell an email clash from a name clash. */
export function violationMentions(error: unknown, needle: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { message?: unknown; constraint?: unknown; detail?: unknown };
  return [e.message, e.constraint, e.detail].some((v) => typeof v === 'string' && v.includes(needle));
}
