import { type Kysely, sql } from 'kysely';
import type { Database } from '../src/server/db/schema.js';

/**
 * The figures of GET /api/training-plan?year= written by hand, as the yardstick for the endpoint (target: the
 * endpoint's median at most 2x this one's). The same definitions as the training-plan module: the year's actions
 * (`actions.plan_year`, the `actionYear()` rule kept by the database), without cancelled ones, of a cancelled POP
 * only what was done; agreed plans (approved, evaluatie, afgesloten) apart from those still in preparation; totals
 * and distinct people per action type, formal/informal, team, function, risk group and gender; and the headcount
 * of active people per team, function, risk group and gender. Two statements, no application code around them.
 */
export async function handWrittenTrainingPlan(
  db: Kysely<Database>,
  organisationId: string,
  year: number,
): Promise<{ figureRows: number; headcountRows: number }> {
  const figures = await sql`
    WITH counted AS MATERIALIZED (
      SELECT p.employee_id, a.type, a.status,
        CASE WHEN a.is_formal THEN 'formal' ELSE 'informal' END AS learning,
        CASE WHEN p.phase IN ('approved', 'evaluation', 'closed') THEN 1 ELSE 0 END AS agreed,
        coalesce(a.hours, 0) AS hours, coalesce(a.actual_hours, 0) AS actual_hours,
        coalesce(a.cost, 0) AS cost, coalesce(a.actual_cost, 0) AS actual_cost,
        e.team_id, e.function_id,
        CASE WHEN e.risk_group THEN 'yes' ELSE 'no' END AS risk, coalesce(e.gender, 'unknown') AS gender
      FROM actions a
      JOIN plans p ON p.id = a.plan_id
      JOIN people e ON e.id = p.employee_id
      WHERE a.organisation_id = ${organisationId} AND a.plan_year = ${year}
        AND a.status <> 'cancelled' AND (NOT p.cancelled OR a.status = 'done')
    ),
    figures AS (
      SELECT 'total' AS dim, CAST(NULL AS TEXT) AS k1, CAST(NULL AS TEXT) AS k2, agreed, count(*) AS actions,
        sum(CASE WHEN status = 'done' THEN 1 ELSE 0 END) AS done, sum(hours) AS hours,
        sum(actual_hours) AS actual_hours, sum(cost) AS cost, sum(actual_cost) AS actual_cost,
        count(DISTINCT employee_id) AS people,
        count(DISTINCT CASE WHEN status = 'done' THEN employee_id END) AS people_done
      FROM counted GROUP BY agreed
      UNION ALL
      SELECT 'type', type, learning, agreed, count(*), sum(CASE WHEN status = 'done' THEN 1 ELSE 0 END),
        sum(hours), sum(actual_hours), sum(cost), sum(actual_cost), count(DISTINCT employee_id),
        count(DISTINCT CASE WHEN status = 'done' THEN employee_id END)
      FROM counted GROUP BY type, learning, agreed
      UNION ALL
      SELECT 'learning', learning, NULL, agreed, count(*), sum(CASE WHEN status = 'done' THEN 1 ELSE 0 END),
        sum(hours), sum(actual_hours), sum(cost), sum(actual_cost), count(DISTINCT employee_id),
        count(DISTINCT CASE WHEN status = 'done' THEN employee_id END)
      FROM counted GROUP BY learning, agreed
      UNION ALL
      SELECT 'team', team_id, NULL, agreed, count(*), sum(CASE WHEN status = 'done' THEN 1 ELSE 0 END),
        sum(hours), sum(actual_hours), sum(cost), sum(actual_cost), count(DISTINCT employee_id),
        count(DISTINCT CASE WHEN status = 'done' THEN employee_id END)
      FROM counted GROUP BY team_id, agreed
      UNION ALL
      SELECT 'function', function_id, NULL, agreed, count(*), sum(CASE WHEN status = 'done' THEN 1 ELSE 0 END),
        sum(hours), sum(actual_hours), sum(cost), sum(actual_cost), count(DISTINCT employee_id),
        count(DISTINCT CASE WHEN status = 'done' THEN employee_id END)
      FROM counted GROUP BY function_id, agreed
      UNION ALL
      SELECT 'risk', risk, NULL, agreed, count(*), sum(CASE WHEN status = 'done' THEN 1 ELSE 0 END),
        sum(hours), sum(actual_hours), sum(cost), sum(actual_cost), count(DISTINCT employee_id),
        count(DISTINCT CASE WHEN status = 'done' THEN employee_id END)
      FROM counted GROUP BY risk, agreed
      UNION ALL
      SELECT 'gender', gender, NULL, agreed, count(*), sum(CASE WHEN status = 'done' THEN 1 ELSE 0 END),
        sum(hours), sum(actual_hours), sum(cost), sum(actual_cost), count(DISTINCT employee_id),
        count(DISTINCT CASE WHEN status = 'done' THEN employee_id END)
      FROM counted GROUP BY gender, agreed
    )
    SELECT * FROM figures`.execute(db);
  const headcount = await sql`
    SELECT team_id, function_id, risk_group, gender, count(*) AS n
    FROM people
    WHERE organisation_id = ${organisationId} AND status = 'active'
      AND (start_date IS NULL OR start_date <= ${`${year}-12-31`})
      AND (end_date IS NULL OR end_date >= ${`${year}-01-01`})
    GROUP BY team_id, function_id, risk_group, gender`.execute(db);
  return { figureRows: figures.rows.length, headcountRows: headcount.rows.length };
}
