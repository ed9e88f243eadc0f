import type { Kysely } from 'kysely';
import type { Role } from '../../../shared/roles.js';
import { emailKey, searchKey } from '../../../shared/text.js';
import type { Database, NewPerson } from '../../db/schema.js';

type Db = Kysely<Database>;

export interface PersonInsert {
  id: string;
  organisationId: string;
  firstName: string;
  lastName: string;
  email: string;
  functionId?: string | null;
  teamId?: string | null;
  managerId?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  fte?: number;
  workRegime?: string | null;
  employmentCountry: string;
  locale: string;
  passwordHash?: string | null;
  now: string;
}

export const personSearchKey = (p: { firstName: string; lastName: string; email: string }): string =>
  searchKey(`${p.firstName} ${p.lastName} ${p.email}`);

export function personRow(p: PersonInsert): NewPerson {
  return {
    id: p.id,
    organisation_id: p.organisationId,
    first_name: p.firstName,
    last_name: p.lastName,
    email: p.email.trim(),
    email_key: emailKey(p.email),
    search_key: personSearchKey(p),
    function_id: p.functionId ?? null,
    team_id: p.teamId ?? null,
    manager_id: p.managerId ?? null,
    start_date: p.startDate ?? null,
    end_date: p.endDate ?? null,
    fte: p.fte ?? 1,
    work_regime: p.workRegime ?? null,
    employment_country: p.employmentCountry,
    locale: p.locale,
    status: 'active',
    password_hash: p.passwordHash ?? null,
    invited_at: null,
    last_login_at: null,
    created_at: p.now,
    updated_at: p.now,
  };
}

export async function insertPerson(db: Db, person: PersonInsert): Promise<void> {
  await db.insertInto('people').values(personRow(person)).execute();
}

export async function emailInUse(db: Db, email: string, exceptPersonId?: string): Promise<boolean> {
  let query = db.selectFrom('people').select('id').where('email_key', '=', emailKey(email));
  if (exceptPersonId) query = query.where('id', '!=', exceptPersonId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function replaceRoles(
  db: Db,
  organisationId: string,
  personId: string,
  roles: readonly Role[],
): Promise<void> {
  await db
    .deleteFrom('person_roles')
    .where('person_id', '=', personId)
    .where('organisation_id', '=', organisationId)
    .execute();
  if (roles.length === 0) return;
  await db
    .insertInto('person_roles')
    .values(
      [...new Set(roles)].map((role) => ({ person_id: personId, organisation_id: organisationId, role })),
    )
    .execute();
}
