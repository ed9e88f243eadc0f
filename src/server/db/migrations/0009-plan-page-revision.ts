import { type Kysely, sql } from 'kysely';
import { columnTypes } from './column-types.js';

/**
 * `plans.page_revision`: a counter the database moves whenever anything the plan page shows changes, whichever code path
 * writes (a service, a job, the retention purge, an import, another process). Together with the plan row itself it
 * tells whether a plan page answered earlier is still the answer, without reading the plan's content again.
 *
 * It moves on every change of the plan row itself, on every insert, update and delete of a row that belongs to the plan (preparations, talking points,
 * goals, actions, comments, follow-ups and their entries, evaluations, versions); when a plan names it as its
 * previous plan (the page links to the next one); when a person's name or team changes (names on the plan and on
 * its comments); when a team or a competency is renamed. It is not the plan's `version`: that one guards edits of
 * the plan row and approvals, and must not move when a comment is added.
 */
const planTables = [
  'preparations',
  'talking_points',
  'goals',
  'actions',
  'action_comments',
  'follow_ups',
  'follow_up_entries',
  'evaluations',
  'plan_versions',
] as const;

const events = ['insert', 'update', 'delete'] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .alterTable('plans')
    .addColumn('page_revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  /** The plans a renamed person appears on: as employee, as manager, as the author of a comment. */
  const plansOfPerson = (person: string) => `
    employee_id = ${person} OR manager_id = ${person}
    OR id IN (SELECT plan_id FROM action_comments WHERE author_id = ${person})`;
  const plansOfTeam = (team: string) => `employee_id IN (SELECT id FROM people WHERE team_id = ${team})`;
  const plansOfCompetency = (competency: string) =>
    `id IN (SELECT plan_id FROM goals WHERE competency_id = ${competency})`;

  if (t.isPostgres) {
    // Statement-level triggers with transition tables: a statement that writes many rows moves each plan once.
    await sql`
      CREATE FUNCTION groeipad_plan_revision_rows() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE plans SET page_revision = page_revision + 1
        WHERE id IN (SELECT plan_id FROM changed_rows WHERE plan_id IS NOT NULL);
        RETURN NULL;
      END
      $$`.execute(db);
    for (const table of planTables)
      for (const event of events) {
        const transition = event === 'delete' ? 'OLD' : 'NEW';
        await sql
          .raw(`
          CREATE TRIGGER ${table}_plan_revision_${event}
          AFTER ${event.toUpperCase()} ON ${table}
          REFERENCING ${transition} TABLE AS changed_rows
          FOR EACH STATEMENT EXECUTE FUNCTION groeipad_plan_revision_rows()`)
          .execute(db);
      }
    await sql
      .raw(`
      CREATE FUNCTION groeipad_plan_revision_links() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'plans' THEN
          UPDATE plans SET page_revision = page_revision + 1 WHERE id IN (
            CASE WHEN TG_OP <> 'DELETE' THEN NEW.previous_plan_id END,
            CASE WHEN TG_OP <> 'INSERT' THEN OLD.previous_plan_id END);
        ELSIF TG_TABLE_NAME = 'people' THEN
          UPDATE plans SET page_revision = page_revision + 1 WHERE ${plansOfPerson('NEW.id')};
        ELSIF TG_TABLE_NAME = 'teams' THEN
          UPDATE plans SET page_revision = page_revision + 1 WHERE ${plansOfTeam('NEW.id')};
        ELSE
          UPDATE plans SET page_revision = page_revision + 1 WHERE ${plansOfCompetency('NEW.id')};
        END IF;
        RETURN NULL;
      END
      $$`)
      .execute(db);
    await sql`
      CREATE FUNCTION groeipad_plan_revision_self() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.page_revision = OLD.page_revision THEN
          NEW.page_revision := OLD.page_revision + 1;
        END IF;
        RETURN NEW;
      END
      $$`.execute(db);
    await sql`
      CREATE TRIGGER plans_page_revision BEFORE UPDATE ON plans
      FOR EACH ROW EXECUTE FUNCTION groeipad_plan_revision_self()`.execute(db);
    const link = async (name: string, when: string, on: string, condition: string) =>
      sql
        .raw(`
        CREATE TRIGGER ${name} AFTER ${when} ON ${on} FOR EACH ROW
        ${condition ? `WHEN (${condition})` : ''}
        EXECUTE FUNCTION groeipad_plan_revision_links()`)
        .execute(db);
    await link('plans_next_plan_insert', 'INSERT', 'plans', 'NEW.previous_plan_id IS NOT NULL');
    await link('plans_next_plan_delete', 'DELETE', 'plans', 'OLD.previous_plan_id IS NOT NULL');
    await link(
      'plans_next_plan_update',
      'UPDATE OF previous_plan_id',
      'plans',
      'NEW.previous_plan_id IS DISTINCT FROM OLD.previous_plan_id',
    );
    await link(
      'people_plan_revision',
      'UPDATE OF first_name, last_name, team_id',
      'people',
      'NEW.first_name IS DISTINCT FROM OLD.first_name OR NEW.last_name IS DISTINCT FROM OLD.last_name ' +
        'OR NEW.team_id IS DISTINCT FROM OLD.team_id',
    );
    await link('teams_plan_revision', 'UPDATE OF name', 'teams', 'NEW.name IS DISTINCT FROM OLD.name');
    await link(
      'competencies_plan_revision',
      'UPDATE OF name',
      'competencies',
      'NEW.name IS DISTINCT FROM OLD.name',
    );
  } else {
    const bump = (where: string) => `UPDATE plans SET page_revision = page_revision + 1 WHERE ${where};`;
    for (const table of planTables)
      for (const event of events) {
        const row = event === 'delete' ? 'OLD' : 'NEW';
        const moved = event === 'update' ? bump('id = OLD.plan_id AND OLD.plan_id IS NOT NEW.plan_id') : '';
        await sql
          .raw(`
          CREATE TRIGGER ${table}_plan_revision_${event} AFTER ${event.toUpperCase()} ON ${table}
          BEGIN
            ${bump(`id = ${row}.plan_id`)}
            ${moved}
          END`)
          .execute(db);
      }
    const link = async (name: string, when: string, on: string, condition: string, body: string) =>
      sql
        .raw(`CREATE TRIGGER ${name} AFTER ${when} ON ${on} WHEN ${condition} BEGIN ${body} END`)
        .execute(db);
    // A change of the plan row that did not move the revision itself moves it (the nested update does).
    await link(
      'plans_page_revision',
      'UPDATE',
      'plans',
      'NEW.page_revision = OLD.page_revision',
      bump('id = NEW.id'),
    );
    await link(
      'plans_next_plan_insert',
      'INSERT',
      'plans',
      'NEW.previous_plan_id IS NOT NULL',
      bump('id = NEW.previous_plan_id'),
    );
    await link(
      'plans_next_plan_delete',
      'DELETE',
      'plans',
      'OLD.previous_plan_id IS NOT NULL',
      bump('id = OLD.previous_plan_id'),
    );
    await link(
      'plans_next_plan_update',
      'UPDATE OF previous_plan_id',
      'plans',
      'NEW.previous_plan_id IS NOT OLD.previous_plan_id',
      bump('id IN (NEW.previous_plan_id, OLD.previous_plan_id)'),
    );
    await link(
      'people_plan_revision',
      'UPDATE OF first_name, last_name, team_id',
      'people',
      'NEW.first_name IS NOT OLD.first_name OR NEW.last_name IS NOT OLD.last_name OR NEW.team_id IS NOT OLD.team_id',
      bump(plansOfPerson('NEW.id')),
    );
    await link(
      'teams_plan_revision',
      'UPDATE OF name',
      'teams',
      'NEW.name IS NOT OLD.name',
      bump(plansOfTeam('NEW.id')),
    );
    await link(
      'competencies_plan_revision',
      'UPDATE OF name',
      'competencies',
      'NEW.name IS NOT OLD.name',
      bump(plansOfCompetency('NEW.id')),
    );
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function down(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  const triggers = [
    ...planTables.flatMap((table) => events.map((event) => [`${table}_plan_revision_${event}`, table])),
    ['plans_page_revision', 'plans'],
    ['plans_next_plan_insert', 'plans'],
    ['plans_next_plan_delete', 'plans'],
    ['plans_next_plan_update', 'plans'],
    ['people_plan_revision', 'people'],
    ['teams_plan_revision', 'teams'],
    ['competencies_plan_revision', 'competencies'],
  ];
  for (const [name, table] of triggers)
    await sql.raw(t.isPostgres ? `DROP TRIGGER ${name} ON ${table}` : `DROP TRIGGER ${name}`).execute(db);
  if (t.isPostgres)
    for (const fn of [
      'groeipad_plan_revision_rows',
      'groeipad_plan_revision_links',
      'groeipad_plan_revision_self',
    ])
      await sql.raw(`DROP FUNCTION ${fn}()`).execute(db);
  await db.schema.alterTable('plans').dropColumn('page_revision').execute();
}
