import { useQuery, useQueryClient } from '@tanstack/react-query';
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
  const queryClient = useQueryClient();
  const key = queryKeys.plan(planId);
  const touchLists = () => void queryClient.invalidateQueries({ queryKey: ['plans', 'list'] });
  return {
    current: () => queryClient.getQueryData<PlanDetail>(key),
    set(plan: PlanDetail) {
      queryClient.setQueryData(key, plan);
      touchLists();
    },
    update(change: (plan: PlanDetail) => PlanDetail) {
      queryClient.setQueryData<PlanDetail>(key, (plan) => (plan ? change(plan) : plan));
    },
    /** A change on the server moved the plan on (its version, approvals, phase): load it again. */
    async refresh() {
      await queryClient.invalidateQueries({ queryKey: key });
      touchLists();
    },
    fetchLatest: () =>
      queryClient.fetchQuery({ queryKey: key, queryFn: () => api.plans.get(planId), staleTime: 0 }),
  };
}

export type PlanCache = ReturnType<typeof usePlanCache>;
