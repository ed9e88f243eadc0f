import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  FollowUp,
  PlanAction,
  PlanDetail,
  PlanGoal,
  TalkingPoint,
  VisiblePreparation,
} from '../../../shared/contracts/plans.js';
import type { PlanParty } from '../../../shared/pop/vocabulary.js';
import { api, type VisibleEvaluation } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';

/** The plan page in one request; every section reads from this one query. */
export function usePlan(id: string) {
  return useQuery({ queryKey: queryKeys.plan(id), queryFn: () => api.plans.get(id) });
}

type Content = NonNullable<PlanDetail['content']>;

function withContent(plan: PlanDetail, change: (content: Content) => Content): PlanDetail {
  return plan.content ? { ...plan, content: change(plan.content) } : plan;
}

export const replaceGoal = (plan: PlanDetail, goal: PlanGoal): PlanDetail =>
  withContent(plan, (c) => ({ ...c, goals: c.goals.map((g) => (g.id === goal.id ? goal : g)) }));

export const replaceAction = (plan: PlanDetail, action: PlanAction): PlanDetail =>
  withContent(plan, (c) => ({
    ...c,
    goals: c.goals.map((g) =>
      g.id === action.goalId ? { ...g, actions: g.actions.map((a) => (a.id === action.id ? action : a)) } : g,
    ),
  }));

export const replaceFollowUp = (plan: PlanDetail, followUp: FollowUp): PlanDetail =>
  withContent(plan, (c) => ({
    ...c,
    followUps: c.followUps.map((f) => (f.id === followUp.id ? followUp : f)),
  }));

export const replaceEvaluation = (plan: PlanDetail, evaluation: VisibleEvaluation): PlanDetail =>
  withContent(plan, (c) => ({ ...c, evaluations: { ...c.evaluations, [evaluation.party]: evaluation } }));

export function replacePreparation(plan: PlanDetail, preparation: VisiblePreparation): PlanDetail {
  if (!plan.preparations) return plan;
  const shared = preparation.shared;
  return {
    ...plan,
    preparations: { ...plan.preparations, [preparation.party]: preparation },
    ...(preparation.party === 'employee' ? { employeeShared: shared } : { managerShared: shared }),
  };
}

export function replaceTalkingPoints(plan: PlanDetail, party: PlanParty, points: TalkingPoint[]): PlanDetail {
  if (!plan.talkingPoints) return plan;
  const sorted = [...points].sort((a, b) => a.position - b.position);
  return { ...plan, talkingPoints: { ...plan.talkingPoints, [party]: sorted } };
}

/** Reads and writes the plan query; lists that show the plan are refreshed when they are next shown. */
export function usePlanCache(planId: string) {
  return planCache(useQueryClient(), planId);
}

export function planCache(queryClient: QueryClient, planId: string, load = () => api.plans.get(planId)) {
  const key = queryKeys.plan(planId);
  const touchLists = () => void queryClient.invalidateQueries({ queryKey: ['plans', 'list'] });
  /**
   * A local write wins over a load of the plan that was under way: that load read the plan before the write and would
   * land over it. It is dropped (the query keeps the data it had) and started again after the write, so whatever else
   * it was to bring still arrives.
   */
  const write = (apply: () => void) => {
    const loading = queryClient.isFetching({ queryKey: key, exact: true }) > 0;
    if (loading) void queryClient.cancelQueries({ queryKey: key, exact: true });
    apply();
    if (loading) void queryClient.invalidateQueries({ queryKey: key, exact: true });
  };
  const set = (plan: PlanDetail) =>
    write(() => {
      queryClient.setQueryData(key, plan);
      touchLists();
    });
  return {
    current: () => queryClient.getQueryData<PlanDetail>(key),
    set,
    update(change: (plan: PlanDetail) => PlanDetail) {
      write(() => queryClient.setQueryData<PlanDetail>(key, (plan) => (plan ? change(plan) : plan)));
    },
    /** A change on the server moved the plan on (its version, approvals, phase): load it again. */
    async refresh() {
      await queryClient.invalidateQueries({ queryKey: key });
      touchLists();
    },
    /** The plan as the server has it now (for a conflict), read past the cache and then kept in it. */
    async fetchLatest() {
      const latest = await load();
      set(latest);
      return latest;
    },
  };
}

export type PlanCache = ReturnType<typeof usePlanCache>;
