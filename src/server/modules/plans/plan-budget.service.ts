import type { BudgetCheck } from '../../../shared/contracts/budgets.js';
import { type Actor, canSeeBudgetFigures } from '../../../shared/policies.js';
import type { AppContext } from '../../context.js';
import { checkPlanBudgets, presentBudgetCheck } from '../budgets/index.js';
import { loadPlan } from './plan-context.js';

/**
 * Before approving: which budgets the plan's content as it stands would exceed, for its parties and HR. Costs and
 * aggregates are no plan content, so HR sees this whatever the organisation's privacy setting; an employee learns
 * which budget, not its figures. The approval itself checks again, in its own transaction.
 */
export async function budgetCheck(ctx: AppContext, actor: Actor, planId: string): Promise<BudgetCheck> {
  const db = ctx.database.db;
  await loadPlan(ctx, db, actor, planId);
  const check = await checkPlanBudgets(db, { organisationId: actor.organisationId, planId, lock: false });
  return presentBudgetCheck(planId, check.items, canSeeBudgetFigures(actor));
}
