import { type Kysely, sql } from 'kysely';
import { columnTypes } from './column-types.js';

/**
 * The calendar year each action counts in (`actions.plan_year`), kept by the database itself so the training plan
 * of one year is an indexed `WHERE plan_year = ?` instead of reading every action's timing.
 *
 * The rule is the one of `src/shared/pop/action-year.ts` (`actionYear()`), written in SQL once per database:
 * - actual dates: the year the action ended, or started if it has not ended;
 * - else the timing: the year of its date, of the last day of its range, or of its quarter;
 * - else (doorlopend, no timing) the year the plan's period starts.
 * Triggers keep the column right on every insert, on every change of timing or actual dates, and when a plan's
 * period start moves, whichever code path writes. An integration test compares the column with `actionYear()`.
 * Migrations stay frozen: this file repeats the rule instead of importing it.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are untyped by design
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema.alterTable('actions').addColumn('plan_year', 'integer').execute();

  if (t.isPostgres) {
    await sql`
      CREATE FUNCTION groeipad_action_year(timing text, actual_start date, actual_end date, period_start date)
      RETURNS integer LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE
          WHEN actual_end IS NOT NULL THEN extract(year FROM actual_end)::integer
          WHEN actual_start IS NOT NULL THEN extract(year FROM actual_start)::integer
          WHEN timing::jsonb ->> 'kind' = 'date' AND timing::jsonb ->> 'date' IS NOT NULL
            THEN substr(timing::jsonb ->> 'date', 1, 4)::integer
          WHEN timing::jsonb ->> 'kind' = 'range'
            AND coalesce(timing::jsonb ->> 'to', timing::jsonb ->> 'from') IS NOT NULL
            THEN substr(coalesce(timing::jsonb ->> 'to', timing::jsonb ->> 'from'), 1, 4)::integer
          WHEN timing::jsonb ->> 'kind' = 'quarter' AND timing::jsonb ->> 'year' IS NOT NULL
            THEN (timing::jsonb ->> 'year')::integer
          ELSE extract(year FROM period_start)::integer
        END
      $$`.execute(db);
    await sql`
      CREATE FUNCTION groeipad_actions_plan_year() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.plan_year := groeipad_action_year(
          NEW.timing, NEW.actual_start, NEW.actual_end,
          (SELECT p.period_start FROM plans p WHERE p.id = NEW.plan_id)
        );
        RETURN NEW;
      END
      $$`.execute(db);
    await sql`
      CREATE TRIGGER actions_plan_year
      BEFORE INSERT OR UPDATE OF timing, actual_start, actual_end, plan_id ON actions
      FOR EACH ROW EXECUTE FUNCTION groeipad_actions_plan_year()`.execute(db);
    await sql`
      CREATE FUNCTION groeipad_plans_action_years() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.period_start IS DISTINCT FROM OLD.period_start THEN
          UPDATE actions
          SET plan_year = groeipad_action_year(timing, actual_start, actual_end, NEW.period_start)
          WHERE plan_id = NEW.id;
        END IF;
        RETURN NULL;
      END
      $$`.execute(db);
    await sql`
      CREATE TRIGGER plans_action_years
      AFTER UPDATE OF period_start ON plans
      FOR EACH ROW EXECUTE FUNCTION groeipad_plans_action_years()`.execute(db);
    await sql`
      UPDATE actions a
      SET plan_year = groeipad_action_year(a.timing, a.actual_start, a.actual_end, p.period_start)
      FROM plans p WHERE p.id = a.plan_id`.execute(db);
  } else {
    /** The rule for one action row (`NEW` or `actions`) and the plan's period start (an SQL expression). */
    const year = (row: string, periodStart: string) => `CASE
      WHEN ${row}.actual_end IS NOT NULL THEN CAST(substr(${row}.actual_end, 1, 4) AS INTEGER)
      WHEN ${row}.actual_start IS NOT NULL THEN CAST(substr(${row}.actual_start, 1, 4) AS INTEGER)
      WHEN json_valid(${row}.timing) AND json_extract(${row}.timing, '$.kind') = 'date'
        AND json_extract(${row}.timing, '$.date') IS NOT NULL
        THEN CAST(substr(json_extract(${row}.timing, '$.date'), 1, 4) AS INTEGER)
      WHEN json_valid(${row}.timing) AND json_extract(${row}.timing, '$.kind') = 'range'
        AND coalesce(json_extract(${row}.timing, '$.to'), json_extract(${row}.timing, '$.from')) IS NOT NULL
        THEN CAST(substr(coalesce(json_extract(${row}.timing, '$.to'), json_extract(${row}.timing, '$.from')), 1, 4)
          AS INTEGER)
      WHEN json_valid(${row}.timing) AND json_extract(${row}.timing, '$.kind') = 'quarter'
        AND json_extract(${row}.timing, '$.year') IS NOT NULL
        THEN CAST(json_extract(${row}.timing, '$.year') AS INTEGER)
      ELSE CAST(substr(${periodStart}, 1, 4) AS INTEGER)
    END`;
    const periodOf = (row: string) => `(SELECT p.period_start FROM plans p WHERE p.id = ${row}.plan_id)`;
    await sql
      .raw(`
      CREATE TRIGGER actions_plan_year_insert AFTER INSERT ON actions
      BEGIN
        UPDATE actions SET plan_year = ${year('NEW', periodOf('NEW'))} WHERE id = NEW.id;
      END`)
      .execute(db);
    await sql
      .raw(`
      CREATE TRIGGER actions_plan_year_update
      AFTER UPDATE OF timing, actual_start, actual_end, plan_id ON actions
      BEGIN
        UPDATE actions SET plan_year = ${year('NEW', periodOf('NEW'))} WHERE id = NEW.id;
      END`)
      .execute(db);
    await sql
      .raw(`
      CREATE TRIGGER plans_action_years AFTER UPDATE OF period_start ON plans
      WHEN NEW.period_start IS NOT OLD.period_start
      BEGIN
        UPDATE actions SET plan_year = ${year('actions', 'NEW.period_start')} WHERE plan_id = NEW.id;
      END`)
      .execute(db);
    await sql.raw(`UPDATE actions SET plan_year = ${year('actions', periodOf('actions'))}`).execute(db);
  }

  // The training plan, budgets and the training right read one year of one organisation's actions.
  await db.schema
    .createIndex('actions_org_plan_year')
    .on('actions')
    .columns(['organisation_id', 'plan_year'])
    .execute();
}
