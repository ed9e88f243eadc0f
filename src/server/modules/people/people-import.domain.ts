import { email as emailSchema } from '../../../shared/contracts/common.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import { type Actor, canAssignRole } from '../../../shared/policies.js';
import { roles as allRoles, type Country, type Role } from '../../../shared/roles.js';
import { emailKey, fullName, searchKey } from '../../../shared/text.js';
import {
  type ColumnSpec,
  type CsvRecord,
  hasControlCharacters,
  type ImportChange,
  type ImportIssue,
  type ImportPlan,
  mapColumns,
  type PlannedRow,
  parseCountry,
  parseFte,
  parseImportDate,
  parseLanguage,
  parseRoles,
  type RowIssue,
  settleAction,
  shown,
} from '../imports/index.js';

export type PersonField =
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'function'
  | 'team'
  | 'manager'
  | 'startDate'
  | 'endDate'
  | 'fte'
  | 'workRegime'
  | 'employmentCountry'
  | 'locale'
  | 'roles';

/** Headers as Belgian social secretariats and Dutch payroll packages export them, and their English names. */
export const personColumns: readonly ColumnSpec<PersonField>[] = [
  {
    field: 'firstName',
    aliases: ['voornaam', 'first name', 'firstname', 'given name'],
    required: true,
    label: { 'nl-BE': 'voornaam', en: 'first name' },
  },
  {
    field: 'lastName',
    aliases: ['achternaam', 'familienaam', 'naam', 'last name', 'lastname', 'surname'],
    required: true,
    label: { 'nl-BE': 'achternaam', en: 'last name' },
  },
  {
    field: 'email',
    aliases: ['e-mail', 'email', 'e-mailadres', 'emailadres', 'e-mail address', 'email address'],
    required: true,
    label: { 'nl-BE': 'e-mail', en: 'email' },
  },
  {
    field: 'function',
    aliases: ['functie', 'function', 'job'],
    label: { 'nl-BE': 'functie', en: 'function' },
  },
  {
    field: 'team',
    aliases: ['afdeling', 'team', 'dienst', 'department'],
    label: { 'nl-BE': 'afdeling', en: 'team' },
  },
  {
    field: 'manager',
    aliases: ['leidinggevende', 'manager'],
    label: { 'nl-BE': 'leidinggevende', en: 'manager' },
  },
  {
    field: 'startDate',
    aliases: ['startdatum', 'datum in dienst', 'in dienst', 'start date'],
    label: { 'nl-BE': 'startdatum', en: 'start date' },
  },
  {
    field: 'endDate',
    aliases: ['einddatum', 'datum uit dienst', 'uit dienst', 'end date'],
    label: { 'nl-BE': 'einddatum', en: 'end date' },
  },
  {
    field: 'fte',
    aliases: ['tewerkstellingsbreuk', 'fte', 'tewerkstelling'],
    label: { 'nl-BE': 'tewerkstellingsbreuk', en: 'fte' },
  },
  {
    field: 'workRegime',
    aliases: ['regime', 'werkregime', 'work regime'],
    label: { 'nl-BE': 'werkregime', en: 'work regime' },
  },
  { field: 'employmentCountry', aliases: ['land', 'country'], label: { 'nl-BE': 'land', en: 'country' } },
  { field: 'locale', aliases: ['taal', 'language'], label: { 'nl-BE': 'taal', en: 'language' } },
  { field: 'roles', aliases: ['rollen', 'roles', 'rol', 'role'], label: { 'nl-BE': 'rollen', en: 'roles' } },
];

export interface ExistingPerson {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  emailKey: string;
  functionId: string | null;
  teamId: string | null;
  managerId: string | null;
  startDate: string | null;
  endDate: string | null;
  fte: number;
  workRegime: string | null;
  employmentCountry: Country;
  locale: Locale;
  status: 'active' | 'disabled';
  version: number;
  roles: Role[];
}

/** A team or function of the organisation: id, name and its case- and accent-insensitive key. */
export interface NamedRef {
  id: string;
  name: string;
  key: string;
}

export interface PeopleImportState {
  actor: Actor;
  people: readonly ExistingPerson[];
  teams: readonly NamedRef[];
  functions: readonly NamedRef[];
  /** Email keys used by people of other organisations. */
  emailsElsewhere: ReadonlySet<string>;
  defaults: { employmentCountry: Country; locale: Locale };
  locale: Locale;
}

/** A person's values as the import writes them; teams and functions by name key, the manager by email key. */
export interface PersonValues {
  firstName: string;
  lastName: string;
  email: string;
  functionKey: string | null;
  teamKey: string | null;
  managerKey: string | null;
  startDate: string | null;
  endDate: string | null;
  fte: number;
  workRegime: string | null;
  employmentCountry: Country;
  locale: Locale;
  roles: Role[];
}

export type PersonWrite =
  | { kind: 'create'; emailKey: string; values: PersonValues }
  | {
      kind: 'update';
      emailKey: string;
      id: string;
      version: number;
      /** Only the values that change. */
      values: Partial<PersonValues>;
      /** The whole person after the change (for the search key). */
      next: PersonValues;
    };

export interface PlannedPersonRow extends PlannedRow {
  write?: PersonWrite;
}

export interface PeopleImportPlan extends ImportPlan<PlannedPersonRow> {
  newTeams: { key: string; name: string }[];
  newFunctions: { key: string; name: string }[];
}

const LIMITS = { name: 100, email: 254, reference: 120, workRegime: 100 };

/** What one line of the file says; undefined means "not given" (an empty cell leaves the current value). */
interface ParsedRow {
  line: number;
  errors: RowIssue[];
  firstName: string;
  lastName: string;
  email: string;
  key: string;
  functionName?: string;
  teamName?: string;
  managerKey?: string;
  startDate?: string;
  endDate?: string;
  fte?: number;
  workRegime?: string;
  employmentCountry?: Country;
  locale?: Locale;
  roles?: Role[];
}

function parseRecord(
  record: CsvRecord,
  cell: (r: CsvRecord, f: PersonField) => string | undefined,
): ParsedRow {
  const errors: RowIssue[] = [];
  const value = (field: PersonField): string | undefined => {
    const v = cell(record, field);
    return v === undefined || v === '' ? undefined : v;
  };
  const text = (field: PersonField, max: number, required = false): string | undefined => {
    const v = value(field);
    if (v === undefined) {
      if (required) errors.push({ field, code: 'required' });
      return undefined;
    }
    if (v.length > max) errors.push({ field, code: 'too_long', params: { max } });
    else if (hasControlCharacters(v)) errors.push({ field, code: 'invalid_format' });
    return v;
  };
  const row: ParsedRow = {
    line: record.line,
    errors,
    firstName: text('firstName', LIMITS.name, true) ?? '',
    lastName: text('lastName', LIMITS.name, true) ?? '',
    email: text('email', LIMITS.email, true) ?? '',
    key: '',
  };
  if (row.email !== '') {
    if (emailSchema.safeParse(row.email).success) row.key = emailKey(row.email);
    else errors.push({ field: 'email', code: 'invalid_email' });
  }
  const functionName = text('function', LIMITS.reference);
  if (functionName !== undefined) row.functionName = functionName;
  const teamName = text('team', LIMITS.reference);
  if (teamName !== undefined) row.teamName = teamName;
  const manager = value('manager');
  if (manager !== undefined) {
    if (emailSchema.safeParse(manager).success) row.managerKey = emailKey(manager);
    else errors.push({ field: 'manager', code: 'invalid_email' });
  }
  for (const field of ['startDate', 'endDate'] as const) {
    const v = value(field);
    if (v === undefined) continue;
    const date = parseImportDate(v);
    if (date) row[field] = date;
    else errors.push({ field, code: 'csv_invalid_date' });
  }
  const fte = value('fte');
  if (fte !== undefined) {
    const parsed = parseFte(fte);
    if ('fte' in parsed) row.fte = parsed.fte;
    else errors.push({ field: 'fte', code: parsed.code });
  }
  const workRegime = text('workRegime', LIMITS.workRegime);
  if (workRegime !== undefined) row.workRegime = workRegime;
  const country = value('employmentCountry');
  if (country !== undefined) {
    const parsed = parseCountry(country);
    if (parsed) row.employmentCountry = parsed;
    else errors.push({ field: 'employmentCountry', code: 'invalid_value' });
  }
  const language = value('locale');
  if (language !== undefined) {
    const parsed = parseLanguage(language);
    if (parsed) row.locale = parsed;
    else errors.push({ field: 'locale', code: 'invalid_value' });
  }
  const roles = value('roles');
  if (roles !== undefined) {
    const parsed = parseRoles(roles);
    if (parsed.unknown.length > 0) errors.push({ field: 'roles', code: 'invalid_value' });
    else if (parsed.roles.length > 0) row.roles = parsed.roles;
  }
  return row;
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) =>
  a.length === b.length && a.every((r) => b.includes(r));
const rolesText = (roles: readonly Role[]) => allRoles.filter((r) => roles.includes(r)).join(', ');

/**
 * What importing a people file would do, row by row, without writing: matched by email address (update, showing
 * only what changes) or new (create); unknown teams and functions are created; the manager is an email address of
 * someone in the organisation or in the same file. Pure: the caller loads the state and carries out the plan.
 */
export function planPeopleImport(
  table: { headers: string[]; records: CsvRecord[]; fileErrors: ImportIssue[] },
  state: PeopleImportState,
): PeopleImportPlan {
  const map = mapColumns(table.headers, personColumns);
  const fileErrors = [
    ...table.fileErrors,
    ...(table.fileErrors.length === 0
      ? map.missing.map((m) => ({ code: 'csv_missing_column', params: { column: m.label[state.locale] } }))
      : []),
  ];
  const empty = { columns: map.columns, rows: [], fileErrors, newTeams: [], newFunctions: [] };
  if (fileErrors.length > 0) return empty;

  const parsed = table.records.map((record) => parseRecord(record, map.cell));
  const byEmail = new Map(state.people.map((p) => [p.emailKey, p]));
  const byId = new Map(state.people.map((p) => [p.id, p]));
  const teamsByKey = new Map(state.teams.map((t) => [t.key, t]));
  const teamsById = new Map(state.teams.map((t) => [t.id, t]));
  const functionsByKey = new Map(state.functions.map((f) => [f.key, f]));
  const functionsById = new Map(state.functions.map((f) => [f.id, f]));

  const fileRows = new Map<string, ParsedRow>();
  for (const row of parsed) {
    if (row.key === '') continue;
    const earlier = fileRows.get(row.key);
    if (earlier)
      row.errors.push({ field: 'email', code: 'duplicate_in_file', params: { line: earlier.line } });
    else fileRows.set(row.key, row);
    if (state.emailsElsewhere.has(row.key)) row.errors.push({ field: 'email', code: 'email_taken' });
  }

  const newTeams = new Map<string, string>();
  const newFunctions = new Map<string, string>();
  const managerName = (key: string | null): string | null => {
    if (key === null) return null;
    const person = byEmail.get(key) ?? fileRows.get(key);
    return person ? fullName(person) || person.email : key;
  };
  const keyOfPerson = (id: string | null) => (id ? (byId.get(id)?.emailKey ?? null) : null);

  const planned = parsed.map((row) => {
    const current = row.key ? byEmail.get(row.key) : undefined;
    const changes: ImportChange[] = [];
    const notes: ImportChange[] = [];
    const reference = (
      name: string | undefined,
      known: Map<string, NamedRef>,
      created: Map<string, string>,
      note: string,
    ): string | undefined => {
      if (name === undefined) return undefined;
      const key = searchKey(name);
      if (!known.has(key) && !created.has(key)) {
        created.set(key, name);
        notes.push({ field: note, from: null, to: name });
      }
      return key;
    };
    const functionKey = reference(row.functionName, functionsByKey, newFunctions, 'newFunction');
    const teamKey = reference(row.teamName, teamsByKey, newTeams, 'newTeam');
    if (row.managerKey !== undefined) {
      if (row.managerKey === row.key) row.errors.push({ field: 'manager', code: 'manager_self' });
      else if (!byEmail.has(row.managerKey) && !fileRows.has(row.managerKey))
        row.errors.push({ field: 'manager', code: 'unknown_reference' });
    }

    const before: PersonValues | null = current
      ? {
          firstName: current.firstName,
          lastName: current.lastName,
          email: current.email,
          functionKey: current.functionId ? (functionsById.get(current.functionId)?.key ?? null) : null,
          teamKey: current.teamId ? (teamsById.get(current.teamId)?.key ?? null) : null,
          managerKey: keyOfPerson(current.managerId),
          startDate: current.startDate,
          endDate: current.endDate,
          fte: current.fte,
          workRegime: current.workRegime,
          employmentCountry: current.employmentCountry,
          locale: current.locale,
          roles: current.roles,
        }
      : null;
    const base: PersonValues = before ?? {
      firstName: '',
      lastName: '',
      email: row.email,
      functionKey: null,
      teamKey: null,
      managerKey: null,
      startDate: null,
      endDate: null,
      fte: 1,
      workRegime: null,
      employmentCountry: state.defaults.employmentCountry,
      locale: state.defaults.locale,
      roles: ['employee'],
    };
    const after: PersonValues = {
      firstName: row.firstName || base.firstName,
      lastName: row.lastName || base.lastName,
      email: before ? base.email : row.email,
      functionKey: functionKey ?? base.functionKey,
      teamKey: teamKey ?? base.teamKey,
      managerKey: row.managerKey ?? base.managerKey,
      startDate: row.startDate ?? base.startDate,
      endDate: row.endDate ?? base.endDate,
      fte: row.fte ?? base.fte,
      workRegime: row.workRegime ?? base.workRegime,
      employmentCountry: row.employmentCountry ?? base.employmentCountry,
      locale: row.locale ?? base.locale,
      roles: row.roles ?? base.roles,
    };
    if (after.startDate && after.endDate && after.endDate < after.startDate)
      row.errors.push({ field: 'endDate', code: 'end_before_start' });
    const refused = allRoles.find(
      (role) =>
        after.roles.includes(role) !== (before?.roles ?? []).includes(role) &&
        !canAssignRole(state.actor, role),
    );
    if (refused) row.errors.push({ field: 'roles', code: 'role_not_allowed', params: { role: refused } });

    const nameOf = (key: string | null, known: Map<string, NamedRef>, created: Map<string, string>) =>
      key === null ? null : (known.get(key)?.name ?? created.get(key) ?? key);
    const differs: Partial<PersonValues> = {};
    const compare = <K extends keyof PersonValues>(
      field: K,
      label: string,
      show: (v: PersonValues[K]) => string | null,
      equal: (a: PersonValues[K], b: PersonValues[K]) => boolean = (a, b) => a === b,
    ) => {
      if (before && equal(before[field], after[field])) return;
      if (!before && show(after[field]) === null) return;
      (differs as Record<K, PersonValues[K]>)[field] = after[field];
      changes.push({ field: label, from: before ? show(before[field]) : null, to: show(after[field]) });
    };
    compare('firstName', 'firstName', shown);
    compare('lastName', 'lastName', shown);
    if (!before) compare('email', 'email', shown);
    compare('functionKey', 'function', (k) => nameOf(k, functionsByKey, newFunctions));
    compare('teamKey', 'team', (k) => nameOf(k, teamsByKey, newTeams));
    compare('managerKey', 'manager', managerName);
    compare('startDate', 'startDate', shown);
    compare('endDate', 'endDate', shown);
    compare('fte', 'fte', shown, (a, b) => Math.abs(a - b) < 1e-6);
    compare('workRegime', 'workRegime', shown);
    compare('employmentCountry', 'employmentCountry', shown);
    compare('locale', 'locale', shown);
    compare('roles', 'roles', rolesText, sameRoles);

    const label =
      fullName({ firstName: after.firstName, lastName: after.lastName }) || row.email || `#${row.line}`;
    const write: PersonWrite | undefined = !current
      ? { kind: 'create', emailKey: row.key, values: after }
      : changes.length > 0
        ? {
            kind: 'update',
            emailKey: row.key,
            id: current.id,
            version: current.version,
            values: differs,
            next: after,
          }
        : undefined;
    return {
      row,
      after,
      planned: {
        line: row.line,
        action: !current ? ('create' as const) : write ? ('update' as const) : ('unchanged' as const),
        label,
        changes: [...notes, ...changes],
        errors: row.errors,
        ...(write ? { write } : {}),
      } satisfies PlannedPersonRow,
    };
  });

  // Managers as they will be after the import: a chain that leads back to the person is a cycle.
  const managerAfter = new Map(state.people.map((p) => [p.emailKey, keyOfPerson(p.managerId)]));
  for (const { row, after } of planned) if (row.key) managerAfter.set(row.key, after.managerKey);
  for (const { row, after, planned: p } of planned) {
    if (!row.key || row.managerKey === undefined || row.managerKey === row.key || p.errors.length > 0)
      continue;
    const seen = new Set<string>();
    for (
      let cursor = after.managerKey;
      cursor !== null && !seen.has(cursor);
      cursor = managerAfter.get(cursor) ?? null
    ) {
      if (cursor === row.key) {
        row.errors.push({ field: 'manager', code: 'manager_cycle' });
        break;
      }
      seen.add(cursor);
    }
  }

  // The file may not take away the last active beheerder.
  const activeAdmins = state.people.filter((p) => p.status === 'active' && p.roles.includes('admin'));
  const demoted = planned.filter(
    ({ row, after }) => activeAdmins.some((a) => a.emailKey === row.key) && !after.roles.includes('admin'),
  );
  if (activeAdmins.length > 0 && demoted.length >= activeAdmins.length)
    for (const { row } of demoted) row.errors.push({ field: 'roles', code: 'last_admin' });

  const rows = planned.map(({ planned: p }): PlannedPersonRow => {
    if (p.errors.length === 0) return p;
    const { write: _dropped, ...rest } = p;
    return settleAction({ ...rest, changes: [] });
  });
  const writes = rows.flatMap((r) => (r.write ? [r.write.values] : []));
  const used = (created: Map<string, string>, field: 'functionKey' | 'teamKey') => {
    const keys = new Set(writes.map((values) => values[field]));
    return [...created].filter(([key]) => keys.has(key)).map(([key, name]) => ({ key, name }));
  };
  return {
    columns: map.columns,
    rows,
    fileErrors,
    newTeams: used(newTeams, 'teamKey'),
    newFunctions: used(newFunctions, 'functionKey'),
  };
}
