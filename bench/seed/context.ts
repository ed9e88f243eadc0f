import type { Kysely } from 'kysely';
import type { Dialect } from '../../src/server/db/connection.js';
import type { Database } from '../../src/server/db/schema.js';
import type { Prng } from './prng.js';
import type { BatchWriter } from './writer.js';

/** The known accounts the benchmark signs in with; every generated person shares this password. */
export const benchPassword = 'Groeipad-Bench-2026';
export const benchEmails = {
  employee: 'medewerker@bench.groeipad.example',
  manager: 'leidinggevende@bench.groeipad.example',
  hr: 'hr@bench.groeipad.example',
} as const;
export const benchDomain = 'zorggroep-scheldeland.example';

export interface TeamInfo {
  id: string;
  name: string;
  parentId: string | null;
  managerId: string | null;
  kind: 'direction' | 'department' | 'leaf';
}

export interface PersonInfo {
  id: string;
  firstName: string;
  lastName: string;
  teamId: string;
  managerId: string | null;
  functionId: string;
  startDate: string;
  fte: number;
  roles: Array<'employee' | 'manager' | 'hr' | 'admin'>;
  /** Which bench account this person is, if any. */
  bench?: keyof typeof benchEmails;
}

export interface TemplateInfo {
  id: string;
  party: 'employee' | 'manager';
  name: string;
  /** The questions as a plan's preparation copies them (JSON text), and their ids. */
  questionsJson: string;
  questionIds: string[];
}

/** What the benchmark runner needs to know about the generated organisation. */
export interface BenchFixture {
  people: number;
  dialect: Dialect;
  databaseUrl: string;
  seed: number;
  today: string;
  year: number;
  organisationId: string;
  password: string;
  users: Record<keyof typeof benchEmails, { email: string; personId: string }>;
  /** The bench employee's plan of this year: goals, actions, follow-ups and versions. */
  fullPlanId: string;
  /** The bench manager's team of exactly 25 people. */
  benchTeamId: string;
  benchTeamSize: number;
  /** Plans of the bench team in voorbereiding or gesprek (content editable): where the write benchmark saves goals. */
  writablePlanIds: string[];
  counts: Record<string, number>;
  seconds: Record<string, number>;
}

export interface SeedContext {
  db: Kysely<Database>;
  dialect: Dialect;
  rng: Prng;
  writer: BatchWriter;
  size: number;
  today: string;
  year: number;
  /** Everyone's password hash: computed once (argon2id takes ~16 ms) and reused. */
  passwordHash: string;
  organisationId: string;
  competencies: Array<{ id: string; name: string }>;
  functions: Array<{ id: string; name: string; competencyIds: string[] }>;
  teams: TeamInfo[];
  people: PersonInfo[];
  fundingSources: Array<{ id: string; kind: string }>;
  templates: TemplateInfo[];
  bench: Partial<BenchFixture> & { writablePlanIds: string[] };
}

/** One group of tables. Generators run in order; a later one may read what an earlier one put in the context. */
export interface Generator {
  name: string;
  run(ctx: SeedContext): Promise<void>;
}
