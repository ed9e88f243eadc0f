import type { Kysely } from 'kysely';
import { AppError } from '../../../shared/errors.js';
import type { Actor } from '../../../shared/policies.js';
import {
  afterContentChange,
  isContentEditable,
  type Party,
  type PlanState,
} from '../../../shared/pop/phases.js';
import {
  canSeePlanContent,
  type PlanScope,
  type PlanSettings,
  planPartiesOf,
  planPartyOf,
} from '../../../shared/pop/plan-access.js';
import type { PlanParty } from '../../../shared/pop/vocabulary.js';
import type { AppContext } from '../../context.js';
import type { Database, PlanRow } from '../../db/schema.js';
import { stateColumns, stateOf } from './plan-rows.mapper.js';
import * as repo from './plans.repository.js';

type Db = Kysely<Database>;

/** A plan as a service sees it for one caller: the row, the organisation's settings and the caller's roles on it. */
export interface LoadedPlan {
  row: PlanRow;
  settings: repo.OrganisationSettings;
  planSettings: PlanSettings;
  scope: PlanScope;
  parties: Party[];
  party: PlanParty | null;
  state: PlanState;
  canSeeContent: boolean;
}

/** Row locks exist on PostgreSQL only; SQLite runs one write transaction at a time anyway. */
export const canLock = (ctx: AppContext): boolean => ctx.database.dialect === 'postgresql';

/**
 * Loads a plan for a caller. A plan of another organisation, or one the caller may not see, does not exist for
 * them. With `lock`, concurrent writes to the same plan wait for each other, so a content change and an approval
 * never interleave.
 */
export async function loadPlan(
  ctx: AppContext,
  db: Db,
  actor: Actor,
  planId: string,
  options: { lock?: boolean } = {},
): Promise<LoadedPlan> {
  const found = await repo.findPlanWithSettings(
    db,
    actor.organisationId,
    planId,
    options.lock === true && canLock(ctx),
  );
  if (!found) throw new AppError('NOT_FOUND');
  return planFor(actor, found.row, found.settings);
}

/** The plan as `actor` sees it, from its row and the organisation's settings; not theirs to see: not found. */
export function planFor(actor: Actor, row: PlanRow, settings: repo.OrganisationSettings): LoadedPlan {
  const scope: PlanScope = {
    organisationId: row.organisation_id,
    employeeId: row.employee_id,
    managerId: row.manager_id,
  };
  const parties = planPartiesOf(actor, scope);
  if (parties.length === 0) throw new AppError('NOT_FOUND');
  const planSettings = { hrSeesPlanContent: Boolean(settings.hr_sees_plan_content) };
  return {
    row,
    settings,
    planSettings,
    scope,
    parties,
    party: planPartyOf(actor, scope),
    state: stateOf(row),
    canSeeContent: canSeePlanContent(actor, scope, planSettings),
  };
}

/** Content (goals, actions, follow-ups) of a plan the caller cannot read does not exist for them. */
export function requireContentAccess(plan: LoadedPlan): void {
  if (!plan.canSeeContent) throw new AppError('NOT_FOUND');
}

/** Only the employee and the manager of the plan write to it; HR may look but not write. */
export function requireParty(plan: LoadedPlan): PlanParty {
  if (plan.party === null) throw new AppError('FORBIDDEN');
  return plan.party;
}

/** Why content cannot change now: a frozen plan asks for a revision, a finished one is closed for good. */
export function contentLockedError(state: PlanState): AppError {
  return new AppError('INVALID_STATE', {
    params: { messageKey: state.phase === 'approved' ? 'PLAN_FROZEN' : 'PLAN_LOCKED' },
  });
}

export function requireContentEditable(plan: LoadedPlan): PlanParty {
  const party = requireParty(plan);
  if (!isContentEditable(plan.state)) throw contentLockedError(plan.state);
  return party;
}

export const invalidState = (messageKey: string): AppError =>
  new AppError('INVALID_STATE', { params: { messageKey } });

/**
 * Records that the agreed content changed: every approval given to the content as it was is withdrawn, and the
 * plan's version moves on, so an approval sent for the earlier version is refused as stale.
 */
export async function afterContentChanged(db: Db, plan: LoadedPlan, now: Date): Promise<void> {
  const next = afterContentChange(plan.state);
  await repo.updatePlanRow(
    db,
    plan.row.organisation_id,
    plan.row.id,
    {
      employee_approved_at: next.employeeApprovedAt,
      manager_approved_at: next.managerApprovedAt,
    },
    now.toISOString(),
  );
  plan.state = next;
}

export async function savePlanState(
  db: Db,
  plan: LoadedPlan,
  state: PlanState,
  now: Date,
  extra: object = {},
) {
  await repo.updatePlanRow(
    db,
    plan.row.organisation_id,
    plan.row.id,
    { ...stateColumns(state), ...extra },
    now.toISOString(),
  );
  plan.state = state;
}
