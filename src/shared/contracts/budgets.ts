import { z } from 'zod';
import { currencies } from '../pop/vocabulary.js';
import { id, optionalText, text, version, versionInQuery } from './common.js';

/**
 * Budgets and funding sources over HTTP. HR keeps the organisation's training budgets per year (organisation-wide,
 * per team, per funding source) and the funding sources; everyone who fills in POP actions reads the names of the
 * sources. Figures: planned (POPs not yet approved, or the change an open revision proposes), committed (approved
 * versions), spent (actual costs recorded).
 */

/** VIVO sector budget, a sector fund, a subsidy, own means, a personal development budget (Dutch CAO), other. */
export const fundingSourceKinds = [
  'vivo',
  'sector_fund',
  'subsidy',
  'own',
  'personal_budget',
  'other',
] as const;
export type FundingSourceKind = (typeof fundingSourceKinds)[number];

export const budgetScopes = ['organisation', 'team', 'source', 'team_source'] as const;
export type BudgetScope = (typeof budgetScopes)[number];

const year = z.coerce.number().int().min(2000).max(2100);
const amount = z.number().min(0).max(100_000_000);

// Funding sources.
export const fundingSourceResponse = z.object({
  id,
  name: z.string(),
  kind: z.enum(fundingSourceKinds),
  active: z.boolean(),
  /** The rules in words (who may use it, for what, deadlines). HR only; null for everyone else. */
  rules: z.string().nullable(),
  version: z.number(),
});
export type FundingSource = z.infer<typeof fundingSourceResponse>;
export const fundingSourceListResponse = z.object({ items: z.array(fundingSourceResponse) });

export const createFundingSourceBody = z.strictObject({
  name: text(120),
  kind: z.enum(fundingSourceKinds),
  rules: optionalText(4000),
});
export type CreateFundingSourceInput = z.infer<typeof createFundingSourceBody>;

export const updateFundingSourceBody = z.strictObject({
  name: text(120).optional(),
  kind: z.enum(fundingSourceKinds).optional(),
  rules: optionalText(4000),
  /** `false` archives the source: existing actions keep it, new actions can no longer choose it. */
  active: z.boolean().optional(),
  version,
});
export type UpdateFundingSourceInput = z.infer<typeof updateFundingSourceBody>;

// Budgets.
export const budgetResponse = z.object({
  id,
  year: z.number(),
  scope: z.enum(budgetScopes),
  teamId: id.nullable(),
  teamName: z.string().nullable(),
  fundingSourceId: id.nullable(),
  fundingSourceName: z.string().nullable(),
  amount: z.number(),
  currency: z.string(),
  /** A hard budget refuses an approval that would overspend it; a soft one only warns. */
  isHard: z.boolean(),
  note: z.string().nullable(),
  version: z.number(),
});
export type Budget = z.infer<typeof budgetResponse>;
export const budgetListResponse = z.object({ year: z.number(), items: z.array(budgetResponse) });

/** Without a year: the current calendar year of the organisation. */
export const budgetYearQuery = z.strictObject({ year: year.optional() });

export const createBudgetBody = z.strictObject({
  year,
  /** null: the whole organisation. */
  teamId: id.nullable().optional(),
  /** null: all funding sources together. */
  fundingSourceId: id.nullable().optional(),
  amount,
  currency: z.enum(currencies).optional(),
  isHard: z.boolean().optional(),
  note: optionalText(1000),
});
export type CreateBudgetInput = z.infer<typeof createBudgetBody>;

export const updateBudgetBody = z.strictObject({
  year: year.optional(),
  teamId: id.nullable().optional(),
  fundingSourceId: id.nullable().optional(),
  amount: amount.optional(),
  currency: z.enum(currencies).optional(),
  isHard: z.boolean().optional(),
  note: optionalText(1000),
  version,
});
export type UpdateBudgetInput = z.infer<typeof updateBudgetBody>;

export const budgetVersionQuery = z.strictObject({ version: versionInQuery });

// The overview.
export const budgetFigures = z.object({
  planned: z.number(),
  committed: z.number(),
  spent: z.number(),
  /** Actions that count in these figures. */
  actions: z.number(),
});
export type BudgetFigures = z.infer<typeof budgetFigures>;

/** Actions in another currency than the budget's: listed, never added up. */
export const notCountedResponse = z.object({
  currency: z.string(),
  actions: z.number(),
  planned: z.number(),
  committed: z.number(),
  spent: z.number(),
});

export const budgetStatusResponse = budgetResponse.extend({
  figures: budgetFigures,
  /** amount - committed. */
  remaining: z.number(),
  /** committed + planned: what is bound if every pending POP is approved as it stands. */
  projected: z.number(),
  overCommitted: z.boolean(),
  overProjected: z.boolean(),
  overSpent: z.boolean(),
  notCounted: z.array(notCountedResponse),
});
export type BudgetStatus = z.infer<typeof budgetStatusResponse>;

export const sourceStatusResponse = z.object({
  /** null: actions without a funding source. */
  id: id.nullable(),
  name: z.string().nullable(),
  kind: z.enum(fundingSourceKinds).nullable(),
  active: z.boolean(),
  figures: budgetFigures,
  /** The amount of the source's own budget this year (all teams), if HR set one. */
  budgetAmount: z.number().nullable(),
});
export type SourceStatus = z.infer<typeof sourceStatusResponse>;

export const teamStatusResponse = z.object({
  /** null: people without a team. */
  id: id.nullable(),
  name: z.string().nullable(),
  figures: budgetFigures,
  /** The amount of the team's own budget this year (all sources), if HR set one. */
  budgetAmount: z.number().nullable(),
});
export type TeamStatus = z.infer<typeof teamStatusResponse>;

export const budgetOverviewResponse = z.object({
  year: z.number(),
  /** The currency the per-source and per-team figures are in. */
  currency: z.string(),
  /** organisation: HR sees everything; teams: a manager sees the teams they lead. */
  scope: z.enum(['organisation', 'teams']),
  budgets: z.array(budgetStatusResponse),
  sources: z.array(sourceStatusResponse),
  teams: z.array(teamStatusResponse),
  notCounted: z.array(notCountedResponse),
});
export type BudgetOverview = z.infer<typeof budgetOverviewResponse>;

// Before approval: what the plan's current content does to the budgets it draws on.
export const budgetCheckItem = z.object({
  budgetId: id,
  year: z.number(),
  scope: z.enum(budgetScopes),
  teamName: z.string().nullable(),
  fundingSourceName: z.string().nullable(),
  isHard: z.boolean(),
  currency: z.string(),
  /** The plan's content would bring the committed total above the amount. */
  exceeded: z.boolean(),
  /** Hard and exceeded by more than the plan already had approved: the approval that freezes it is refused. */
  blocking: z.boolean(),
  /** The figures, for HR and managers; null for an employee. */
  amount: z.number().nullable(),
  committedByOthers: z.number().nullable(),
  thisPlan: z.number().nullable(),
  after: z.number().nullable(),
});
export type BudgetCheckItem = z.infer<typeof budgetCheckItem>;

export const budgetCheckResponse = z.object({
  planId: id,
  items: z.array(budgetCheckItem),
  exceeded: z.boolean(),
  blocked: z.boolean(),
});
export type BudgetCheck = z.infer<typeof budgetCheckResponse>;
