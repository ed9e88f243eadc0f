import type { ExpressionBuilder } from 'kysely';
import type { Database } from './schema.js';

/**
 * How far a plan got, as sub-selects on the plan aliased `p`: its goals, actions (and those done) and follow-up
 * moments (and those held). One definition for the plan lists and the plan exports.
 */
export function planCountColumns(eb: ExpressionBuilder<Database & { p: Database['plans'] }, 'p'>) {
  return [
    eb
      .selectFrom('goals as g')
      .select((s) => s.fn.countAll<number>().as('n'))
      .whereRef('g.plan_id', '=', 'p.id')
      .as('goal_count'),
    eb
      .selectFrom('actions as a')
      .select((s) => s.fn.countAll<number>().as('n'))
      .whereRef('a.plan_id', '=', 'p.id')
      .as('action_count'),
    eb
      .selectFrom('actions as ad')
      .select((s) => s.fn.countAll<number>().as('n'))
      .whereRef('ad.plan_id', '=', 'p.id')
      .where('ad.status', '=', 'done')
      .as('actions_done'),
    eb
      .selectFrom('follow_ups as f')
      .select((s) => s.fn.countAll<number>().as('n'))
      .whereRef('f.plan_id', '=', 'p.id')
      .as('follow_up_count'),
    eb
      .selectFrom('follow_ups as fh')
      .select((s) => s.fn.countAll<number>().as('n'))
      .whereRef('fh.plan_id', '=', 'p.id')
      .where('fh.held_at', 'is not', null)
      .as('follow_ups_held'),
  ] as const;
}
