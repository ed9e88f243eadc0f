import type { Insertable } from 'kysely';
import type { BalanceStatementTable, BudgetTable } from '../../../src/server/db/schema.js';
import type { Generator, PersonInfo, SeedContext } from '../context.js';

/**
 * budgets, training_plan_tasks, learning_account_exports, balance_statements: five years of the organisation's
 * training administration (the training records themselves are the POP actions written by the plans generator).
 */
export const trainingGenerator: Generator = {
  name: 'training',
  async run(ctx: SeedContext) {
    const rng = ctx.rng.fork('training');
    const org = ctx.organisationId;
    const hrId = ctx.bench.users?.hr.personId ?? null;
    const years = Array.from({ length: 5 }, (_, i) => ctx.year - 4 + i);
    const leafTeams = ctx.teams.filter((t) => t.kind === 'leaf');

    const budgets: Insertable<BudgetTable>[] = [];
    for (const year of years) {
      const at = `${year - 1}-12-01T09:00:00.000Z`;
      const budget = (teamId: string | null, sourceId: string | null, amount: number, isHard: boolean) =>
        budgets.push({
          id: rng.uuid(),
          organisation_id: org,
          year,
          team_id: teamId,
          funding_source_id: sourceId,
          scope_key: `${teamId ?? '-'}:${sourceId ?? '-'}`,
          amount,
          currency: 'EUR',
          is_hard: isHard ? 1 : 0,
          note: null,
          created_at: at,
          updated_at: at,
        });
      budget(null, null, Math.round(ctx.size * 420), false);
      for (const team of leafTeams) budget(team.id, null, rng.int(60, 160) * 100, rng.chance(0.2));
      for (const source of ctx.fundingSources)
        budget(null, source.id, rng.int(20, 400) * 1000, source.kind === 'vivo');
    }

    const tasks = years.flatMap((year) =>
      (['draft_to_council', 'advice', 'final'] as const).map((taskKey, i) => {
        const done = year < ctx.year || i < 2;
        const doneAt = `${year}-0${2 + Math.min(i, 1)}-${String(10 + i * 5).padStart(2, '0')}T10:00:00.000Z`;
        return {
          id: rng.uuid(),
          organisation_id: org,
          year,
          task_key: taskKey,
          done_at: done ? doneAt : null,
          done_by: done ? hrId : null,
          note: taskKey === 'advice' && done ? 'Positief advies van de ondernemingsraad.' : null,
          created_at: `${year}-01-05T09:00:00.000Z`,
          updated_at: done ? doneAt : `${year}-01-05T09:00:00.000Z`,
        };
      }),
    );

    const exports = years.flatMap((year) => [
      {
        id: rng.uuid(),
        organisation_id: org,
        kind: 'yearly',
        period: String(year),
        person_id: null,
        exported_at: `${year}-01-20T11:00:00.000Z`,
        exported_by: hrId,
        records: ctx.people.length,
      },
      ...[1, 2, 3, 4]
        .filter((q) => year < ctx.year || q < 4)
        .map((q) => ({
          id: rng.uuid(),
          organisation_id: org,
          kind: 'quarterly',
          period: `${year}-Q${q}`,
          person_id: null,
          exported_at:
            q === 4
              ? `${year + 1}-01-25T11:00:00.000Z`
              : `${year}-${String(q * 3 + 1).padStart(2, '0')}-25T11:00:00.000Z`,
          exported_by: hrId,
          records: rng.int(ctx.size * 2, ctx.size * 4),
        })),
    ]);

    const statements: Insertable<BalanceStatementTable>[] = [];
    const pastYears = years.filter((y) => y < ctx.year);
    for (const person of ctx.people as PersonInfo[]) {
      const startYear = Number(person.startDate.slice(0, 4));
      for (const year of pastYears) {
        if (year < startYear) continue;
        statements.push({
          id: rng.uuid(),
          organisation_id: org,
          person_id: person.id,
          year,
          sent_at: `${year + 1}-01-28T07:00:00.000Z`,
          sent_by: hrId,
        });
      }
    }

    await ctx.db.transaction().execute(async (trx) => {
      await ctx.writer.insert(trx, 'budgets', budgets);
      await ctx.writer.insert(trx, 'training_plan_tasks', tasks);
      await ctx.writer.insert(trx, 'learning_account_exports', exports);
      await ctx.writer.insert(trx, 'balance_statements', statements);
    });
  },
};
