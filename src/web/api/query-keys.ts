import type { PersonListParams, PlanListParams } from './client.js';

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
  plans: ['plans'] as const,
  planList: (params: PlanListParams) => ['plans', 'list', params] as const,
  plan: (id: string) => ['plans', 'detail', id] as const,
  planVersion: (id: string, number: number) => ['plans', 'version', id, number] as const,
  planDiff: (id: string, a: number, b: number) => ['plans', 'diff', id, a, b] as const,
  carryOver: (id: string) => ['plans', 'carry-over', id] as const,
  templates: ['templates'] as const,
  actionTypes: ['action-types'] as const,
};
