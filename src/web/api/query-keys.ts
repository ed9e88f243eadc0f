import type { PersonListParams } from './client.js';

/** Query keys in one place, so invalidations after a save reach every list that shows the changed data. */
export const queryKeys = {
  setup: ['setup'] as const,
  me: ['me'] as const,
  token: (token: string) => ['token', token] as const,
  organisation: ['organisation'] as const,
  teams: ['teams'] as const,
  team: (id: string) => ['teams', id] as const,
  functions: ['functions'] as const,
  jobFunction: (id: string) => ['functions', id] as const,
  competencies: ['competencies'] as const,
  competency: (id: string) => ['competencies', id] as const,
  people: ['people'] as const,
  personList: (params: PersonListParams) => ['people', 'list', params] as const,
  person: (id: string) => ['people', 'detail', id] as const,
  importJob: (jobId: string) => ['imports', jobId] as const,
  outbox: ['outbox'] as const,
};
