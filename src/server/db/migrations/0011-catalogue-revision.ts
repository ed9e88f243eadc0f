import { type Kysely, sql } from 'kysely';
import { columnTypes } from './column-types.js';

/**
 * `organisations.catalogue_revision`: a counter the database moves whenever the organisation's structure and
 * catalogues change: teams, functions and their competency profiles, competencies, own action types, and people
 * (joining, leaving, their names, team, manager, function and status; not their last sign-in). With the plans'
 * fingerprint it tells whether a team view answered earlier is still the answer without reading the people, teams
 * and profiles again (decisions/0006). Whichever code path writes, another process or a person at the database.
 */
const catalogueTables = [
  'teams',
  'job_functions',
  'function_competencies',
  'competencies',
  'action_types',
] as const;
const events = ['insert', 'update', 'delete'] as const;
const personColumns = ['first_name', 'last_name', 'team_id', 'manager_id', 'function_id', 'status'] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .alterTable('organisations')
    .addColumn('catalogue_revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  const bump = 'UPDATE organisations SET catalogue_revision = catalogue_revision + 1';

  if (t.isPostgres) {
    await sql
      .raw(`
      CREATE FUNCTION groeipad_catalogue_revision_rows() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${bump} WHERE id IN (SELECT organisation_id FROM changed_rows);
        RETURN NULL;
      END
      $$`)
      .execute(db);
    for (const table of [...catalogueTables, 'people'])
      for (const event of events) {
        // A person's other columns (last sign-in, preferences) change often and show nowhere in a team view.
        if (table === 'people' && event === 'update') continue;
        await sql
          .raw(`
          CREATE TRIGGER ${table}_catalogue_revision_${event}
          AFTER ${event.toUpperCase()} ON ${table}
          REFERENCING ${event === 'delete' ? 'OLD' : 'NEW'} TABLE AS changed_rows
          FOR EACH STATEMENT EXECUTE FUNCTION groeipad_catalogue_revision_rows()`)
          .execute(db);
      }
    await sql
      .raw(`
      CREATE FUNCTION groeipad_catalogue_revision_person() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${bump} WHERE id = NEW.organisation_id;
        RETURN NULL;
      END
      $$`)
      .execute(db);
    await sql
      .raw(`
      CREATE TRIGGER people_catalogue_revision_update
      AFTER UPDATE OF ${personColumns.join(', ')} ON people FOR EACH ROW
      WHEN (${personColumns.map((c) => `NEW.${c} IS DISTINCT FROM OLD.${c}`).join(' OR ')})
      EXECUTE FUNCTION groeipad_catalogue_revision_person()`)
      .execute(db);
  } else {
    for (const table of [...catalogueTables, 'people'])
      for (const event of events) {
        const row = event === 'delete' ? 'OLD' : 'NEW';
        const when =
          table === 'people' && event === 'update'
            ? `OF ${personColumns.join(', ')} ON people WHEN ${personColumns.map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ')}`
            : `ON ${table}`;
        await sql
          .raw(`
          CREATE TRIGGER ${table}_catalogue_revision_${event} AFTER ${event.toUpperCase()} ${when}
          BEGIN ${bump} WHERE id = ${row}.organisation_id; END`)
          .execute(db);
      }
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function down(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  for (const table of [...catalogueTables, 'people'])
    for (const event of events) {
      const name = `${table}_catalogue_revision_${event}`;
      await sql.raw(t.isPostgres ? `DROP TRIGGER ${name} ON ${table}` : `DROP TRIGGER ${name}`).execute(db);
    }
  if (t.isPostgres)
    for (const fn of ['groeipad_catalogue_revision_rows', 'groeipad_catalogue_revision_person'])
      await sql.raw(`DROP FUNCTION ${fn}()`).execute(db);
  await db.schema.alterTable('organisations').dropColumn('catalogue_revision').execute();
}
