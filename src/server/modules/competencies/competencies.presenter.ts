import type { Competency } from '../../../shared/contracts/organisation.js';
import type { CompetencyRow } from '../../db/schema.js';

/** The indicators column holds a JSON array; anything else reads as no indicators rather than failing a page. */
export function parseIndicators(value: string): string[] {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function presentCompetency(row: CompetencyRow): Competency {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    indicators: parseIndicators(row.indicators),
    active: row.archived_at === null,
    version: Number(row.version),
  };
}
