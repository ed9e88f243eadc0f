export { scopeKey } from './budgets.domain.js';
export { presentBudgetCheck } from './budgets.presenter.js';
export {
  actionsOfOrganisation,
  type BudgetInsert,
  type FundingSourceInsert,
  insertBudget,
  insertFundingSource,
} from './budgets.repository.js';
export { budgetsRoutes } from './budgets.routes.js';
export {
  activeFundingSourceIds,
  assignFundingSources,
  checkPlanBudgets,
  fundingSourceNames,
  hardBudgetError,
  isUsableFundingSource,
  type PlanBudgetCheck,
} from './budgets.service.js';
