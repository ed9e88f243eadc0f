import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/policies.js';
import { readCsv } from '../imports/index.js';
import { type ExistingPerson, type PeopleImportState, planPeopleImport } from './people-import.domain.js';

const admin: Actor = { personId: 'admin', organisationId: 'org', roles: ['employee', 'admin'] };
const existing = (over: Partial<ExistingPerson>): ExistingPerson => ({
  id: 'p1',
  firstName: 'Ada',
  lastName: 'Beheer',
  email: 'ada@example.org',
  emailKey: 'ada@example.org',
  functionId: null,
  teamId: null,
  managerId: null,
  startDate: null,
  endDate: null,
  fte: 1,
  workRegime: null,
  employmentCountry: 'BE',
  locale: 'nl-BE',
  status: 'active',
  version: 3,
  roles: ['employee', 'admin'],
  ...over,
});
const state = (over: Partial<PeopleImportState> = {}): PeopleImportState => ({
  actor: admin,
  people: [existing({})],
  teams: [{ id: 't1', name: 'Woonbegeleiding', key: 'woonbegeleiding' }],
  functions: [],
  emailsElsewhere: new Set(),
  defaults: { employmentCountry: 'BE', locale: 'nl-BE' },
  locale: 'nl-BE',
  ...over,
});

describe('planPeopleImport', () => {
  it('creates new people with defaults and matches known ones by email', () => {
    const plan = planPeopleImport(
      readCsv(
        'voornaam;achternaam;e-mail;afdeling\nAda;Beheer;ADA@example.org;Woonbegeleiding\nZoë;Peeters;zoe@example.org;Atelier\n',
      ),
      state(),
    );
    expect(plan.rows.map((r) => r.action)).toEqual(['update', 'create']);
    expect(plan.rows[0]?.changes).toEqual([{ field: 'team', from: null, to: 'Woonbegeleiding' }]);
    expect(plan.rows[0]?.write).toMatchObject({
      kind: 'update',
      id: 'p1',
      version: 3,
      values: { teamKey: 'woonbegeleiding' },
    });
    expect(plan.rows[1]?.write).toMatchObject({
      kind: 'create',
      values: { fte: 1, employmentCountry: 'BE', locale: 'nl-BE', roles: ['employee'], teamKey: 'atelier' },
    });
    expect(plan.newTeams).toEqual([{ key: 'atelier', name: 'Atelier' }]);
  });

  it('refuses to take away the last active beheerder', () => {
    const plan = planPeopleImport(
      readCsv('voornaam;achternaam;e-mail;rollen\nAda;Beheer;ada@example.org;medewerker\n'),
      state(),
    );
    expect(plan.rows[0]?.errors).toEqual([{ field: 'roles', code: 'last_admin' }]);
    expect(plan.rows[0]?.write).toBeUndefined();
  });

  it('does not let HR grant the beheerder role through a file', () => {
    const hr: Actor = { personId: 'hr', organisationId: 'org', roles: ['employee', 'hr'] };
    const plan = planPeopleImport(
      readCsv('voornaam;achternaam;e-mail;rollen\nNieuw;Iemand;n@example.org;medewerker, beheerder\n'),
      state({ actor: hr }),
    );
    expect(plan.rows[0]?.errors).toEqual([
      { field: 'roles', code: 'role_not_allowed', params: { role: 'admin' } },
    ]);
  });

  it('refuses line breaks and other control characters in names', () => {
    const plan = planPeopleImport(
      readCsv('voornaam;achternaam;e-mail;afdeling\n"Twee\nregels";B;b@example.org;"Team\u0007"\n'),
      state(),
    );
    expect(plan.rows[0]?.errors).toEqual([
      { field: 'firstName', code: 'invalid_format' },
      { field: 'team', code: 'invalid_format' },
    ]);
  });

  it('names missing columns in the language of the request', () => {
    const plan = planPeopleImport(readCsv('voornaam;e-mail\nA;a@example.org\n'), state({ locale: 'en' }));
    expect(plan.fileErrors).toEqual([{ code: 'csv_missing_column', params: { column: 'last name' } }]);
  });
});
