/**
 * A key for case- and accent-insensitive comparison and search on both databases: SQLite's lower() and LIKE do not
 * fold e-umlaut and friends, so Groeipad stores this normalised form next to names and emails.
 */
export function searchKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`.trim();
}
