import type { JobFunction } from '../../../shared/contracts/organisation.js';
import type { JobFunctionView, LinkedCompetency } from './job-functions.repository.js';

export function presentJobFunction(
  row: JobFunctionView,
  competencies: readonly LinkedCompetency[],
): JobFunction {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    competencies: competencies.map((c) => ({ id: c.id, name: c.name })),
    peopleCount: Number(row.people_count ?? 0),
    active: row.archived_at === null,
    version: Number(row.version),
  };
}
