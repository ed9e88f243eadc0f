import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** ISO-8601 UTC timestamp string on both databases. */
type Timestamp = string;
/** `YYYY-MM-DD`. */
type DateOnly = string;
/** Written as 0/1 (SQLite has no boolean), read as 0/1 or false/true: read through `Boolean()`. */
type Bool = ColumnType<boolean | number, 0 | 1, 0 | 1>;

export interface InstallStateTable {
  key: string;
  value: string;
  created_at: Timestamp;
}

export interface OrganisationTable {
  id: string;
  name: string;
  country: string;
  locale: string;
  time_zone: string;
  is_demo: Bool;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface TeamTable {
  id: string;
  organisation_id: string;
  name: string;
  name_key: string;
  description: string | null;
  parent_id: string | null;
  manager_id: string | null;
  archived_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface JobFunctionTable {
  id: string;
  organisation_id: string;
  name: string;
  name_key: string;
  description: string | null;
  archived_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CompetencyTable {
  id: string;
  organisation_id: string;
  name: string;
  name_key: string;
  description: string | null;
  /** JSON array of behavioural indicators (strings). */
  indicators: string;
  archived_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface FunctionCompetencyTable {
  function_id: string;
  competency_id: string;
  organisation_id: string;
  position: number;
}

export interface PersonTable {
  id: string;
  organisation_id: string;
  first_name: string;
  last_name: string;
  email: string;
  email_key: string;
  search_key: string;
  function_id: string | null;
  team_id: string | null;
  manager_id: string | null;
  start_date: DateOnly | null;
  end_date: DateOnly | null;
  fte: number;
  work_regime: string | null;
  employment_country: string;
  locale: string;
  status: string;
  password_hash: string | null;
  invited_at: Timestamp | null;
  last_login_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PersonRoleTable {
  person_id: string;
  organisation_id: string;
  role: string;
}

export interface SessionTable {
  id: string;
  person_id: string;
  organisation_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuthTokenTable {
  id: string;
  token_hash: string;
  organisation_id: string;
  person_id: string;
  purpose: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface ThrottleTable {
  key: string;
  failures: number;
  window_started_at: Timestamp;
  blocked_until: Timestamp | null;
}

export interface EmailTable {
  id: string;
  organisation_id: string | null;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: string;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

export interface Database {
  install_state: InstallStateTable;
  organisations: OrganisationTable;
  teams: TeamTable;
  job_functions: JobFunctionTable;
  competencies: CompetencyTable;
  function_competencies: FunctionCompetencyTable;
  people: PersonTable;
  person_roles: PersonRoleTable;
  sessions: SessionTable;
  auth_tokens: AuthTokenTable;
  throttles: ThrottleTable;
  emails: EmailTable;
}

export type OrganisationRow = Selectable<OrganisationTable>;
export type TeamRow = Selectable<TeamTable>;
export type JobFunctionRow = Selectable<JobFunctionTable>;
export type CompetencyRow = Selectable<CompetencyTable>;
export type PersonRow = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;
export type SessionRow = Selectable<SessionTable>;
export type EmailRow = Selectable<EmailTable>;
