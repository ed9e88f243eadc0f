import type { TeamView, TeamViewQuery } from '../../../shared/contracts/team-view.js';
import { AppError } from '../../../shared/errors.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import { translate } from '../../../shared/i18n/translate.js';
import {
  type Actor,
  canViewTeamOverview,
  hasRole,
  isHr,
  teamOverviewScopeOf,
} from '../../../shared/policies.js';
import { isBuiltInActionType } from '../../../shared/pop/action-types.js';
import { dateIn, exchangeDeadline } from '../../../shared/pop/dates.js';
import type { Phase } from '../../../shared/pop/phases.js';
import {
  canSeePlan,
  canSeePlanContent,
  canSeePreparation,
  type PlanScope,
  planPartyOf,
} from '../../../shared/pop/plan-access.js';
import { type Timing, timingBounds } from '../../../shared/pop/timing.js';
import type { ActionStatus, PlanParty } from '../../../shared/pop/vocabulary.js';
import {
  actionsPerStatus,
  type ChartAction,
  hoursAndCostPerQuarter,
  plansPerPhase,
} from '../../../shared/team-view/charts.js';
import {
  buildMatrix,
  groupThemes,
  type NeedsAction,
  type NeedsGoal,
  type NeedsPerson,
  type NeedsTalkingPoint,
  type ThemeKind,
} from '../../../shared/team-view/learning-needs.js';
import { currentPlanOf, nextDate, overdueItems } from '../../../shared/team-view/schedule.js';
import type { AppContext } from '../../context.js';
import { answerCacheOf, readerKey } from '../../http/answer-cache.js';
import { presentPerson, presentThemes } from './team-view.presenter.js';
import * as repo from './team-view.repository.js';

const openActionStatuses = new Set(['planned', 'in_progress']);

function parseTiming(text: string | null): Timing | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as Timing;
  } catch {
    return null;
  }
}

const num = (value: number | string | null): number | null => (value === null ? null : Number(value));

/** Which people the caller sees, and which team (if any) is shown. */
async function resolveScope(
  ctx: AppContext,
  actor: Actor,
  query: TeamViewQuery,
  teams: Array<{ id: string; name: string }>,
  leadsPeople: boolean,
): Promise<{ scope: repo.PeopleScope | null; teamId: string | null }> {
  const db = ctx.database.db;
  if (query.teamId) {
    const team = await repo.findTeam(db, actor.organisationId, query.teamId);
    if (
      !team ||
      !canViewTeamOverview(actor, {
        id: team.id,
        organisationId: team.organisation_id,
        managerId: team.manager_id,
      })
    )
      throw new AppError('NOT_FOUND');
    return { scope: { kind: 'team', teamId: team.id, actorId: actor.personId }, teamId: team.id };
  }
  if (hasRole(actor, 'manager') && (leadsPeople || !isHr(actor)))
    return { scope: { kind: 'led', actorId: actor.personId }, teamId: null };
  // HR who leads nobody starts with the first team of the organisation.
  const first = teams[0];
  if (first) return { scope: { kind: 'team', teamId: first.id, actorId: actor.personId }, teamId: first.id };
  return { scope: null, teamId: null };
}

/**
 * The team view in one answer and a fixed number of queries. What the caller may not read never leaves this
 * function: goal titles only where they see the plan's content, talking points only as the plan page would show
 * them to that caller (their own, and the other party's once shared), preparation answers never.
 */
export async function getTeamView(
  ctx: AppContext,
  actor: Actor,
  query: TeamViewQuery,
  locale: Locale,
  serialize: (view: TeamView) => string,
): Promise<Buffer> {
  if (teamOverviewScopeOf(actor) === 'none') throw new AppError('FORBIDDEN');
  const db = ctx.database.db;
  const organisationId = actor.organisationId;

  // An answer kept for this reader and query is still the answer while the organisation's teams, people and
  // catalogues (`catalogue_revision`, in the settings row) and the plans of the people shown (their fingerprint)
  // are unchanged. The people shown, and whether the reader may see them, were resolved from teams and people: that
  // resolution is kept with the catalogue revision it was made under, and the settings and the fingerprint of its
  // plans are then read in one statement.
  const answers = answerCacheOf(ctx.database, 'team-view');
  const scopes = answerCacheOf(ctx.database, 'team-view-scope', 1024 * 1024, { compress: false });
  const key = `${readerKey({ ...actor, locale })}\u0000${query.teamId ?? ''}`;
  const stampOf = (settings: repo.TeamViewSettings, today: string, plans: unknown) =>
    JSON.stringify([settings, today, plans]);
  const kept = scopes.get(key, 'scope');
  if (kept !== undefined) {
    const { revision, scope } = JSON.parse(kept.toString('utf8')) as {
      revision: number;
      scope: repo.PeopleScope | null;
    };
    const read = scope
      ? await repo.findSettingsWithPlansStamp(db, organisationId, scope)
      : await repo.findSettings(db, organisationId).then((settings) => settings && { settings, plans: null });
    if (read && Number(read.settings.catalogue_revision) === revision) {
      const today = dateIn(read.settings.time_zone, ctx.clock.now());
      const cached = answers.get(key, stampOf(read.settings, today, read.plans));
      if (cached !== undefined) return cached;
    }
  }

  const settings = await repo.findSettings(db, organisationId);
  if (!settings) throw new AppError('NOT_FOUND');
  const today = dateIn(settings.time_zone, ctx.clock.now());

  const [teams, leadsPeople] = await Promise.all([
    repo.listTeams(db, organisationId, isHr(actor) ? {} : { managerId: actor.personId }),
    hasRole(actor, 'manager') ? repo.leadsAnyone(db, organisationId, actor.personId) : Promise.resolve(false),
  ]);
  const { scope, teamId } = await resolveScope(ctx, actor, query, teams, leadsPeople);
  const [people, ownTypes, plans] = scope
    ? await Promise.all([
        repo.listPeople(db, organisationId, scope),
        repo.ownActionTypes(db, organisationId),
        repo.plansOfPeopleStamp(db, organisationId, scope),
      ])
    : [[], [], null];
  const functionIds = [...new Set(people.flatMap((p) => (p.function_id ? [p.function_id] : [])))];
  const profile = functionIds.length ? await repo.functionCompetencies(db, organisationId, functionIds) : [];
  const body = serialize(
    await buildTeamView(ctx, actor, locale, {
      settings,
      teams,
      leadsPeople,
      scope,
      teamId,
      today,
      people,
      ownTypes,
      profile,
    }),
  );
  scopes.set(key, 'scope', JSON.stringify({ revision: Number(settings.catalogue_revision), scope }));
  return answers.set(key, stampOf(settings, today, plans ?? null), body);
}

interface TeamViewReads {
  settings: repo.TeamViewSettings;
  teams: Array<{ id: string; name: string }>;
  leadsPeople: boolean;
  scope: repo.PeopleScope | null;
  teamId: string | null;
  today: string;
  people: repo.TeamViewPersonRow[];
  ownTypes: Awaited<ReturnType<typeof repo.ownActionTypes>>;
  profile: Awaited<ReturnType<typeof repo.functionCompetencies>>;
}

async function buildTeamView(
  ctx: AppContext,
  actor: Actor,
  locale: Locale,
  { settings, teams, leadsPeople, scope, teamId, today, people, ownTypes, profile }: TeamViewReads,
): Promise<TeamView> {
  const db = ctx.database.db;
  const organisationId = actor.organisationId;
  const plans = scope ? await repo.listPlansOfPeople(db, organisationId, scope) : [];

  const plansByPerson = new Map<string, repo.TeamViewPlanRow[]>();
  for (const plan of plans) {
    const list = plansByPerson.get(plan.employee_id) ?? [];
    list.push(plan);
    plansByPerson.set(plan.employee_id, list);
  }
  const planSettings = { hrSeesPlanContent: Boolean(settings.hr_sees_plan_content) };
  const current = new Map<
    string,
    { row: repo.TeamViewPlanRow; scope: PlanScope; canOpen: boolean; content: boolean; countable: boolean }
  >();
  for (const person of people) {
    const rows = (plansByPerson.get(person.id) ?? []).map((row) => ({
      row,
      phase: row.phase as Phase,
      periodStart: row.period_start,
      createdAt: row.created_at,
    }));
    const chosen = currentPlanOf(rows)?.row;
    if (!chosen) continue;
    const planScope: PlanScope = {
      organisationId,
      employeeId: chosen.employee_id,
      managerId: chosen.manager_id,
    };
    const content = canSeePlanContent(actor, planScope, planSettings);
    current.set(person.id, {
      row: chosen,
      scope: planScope,
      canOpen: canSeePlan(actor, planScope),
      content,
      // HR sees counts and aggregates of every plan; a manager those of the plans they are a party of.
      countable: content || isHr(actor),
    });
  }
  const currentIds = [...current.values()].map((c) => c.row.id);
  const partyPlanIds = [...current.values()]
    .filter((c) => planPartyOf(actor, c.scope) !== null)
    .map((c) => c.row.id);
  const parts = await repo.loadCurrentPlanParts(db, organisationId, currentIds, partyPlanIds);

  const planOwner = new Map([...current.entries()].map(([personId, c]) => [c.row.id, { personId, ...c }]));
  const shared = new Map<string, { employee: boolean; manager: boolean }>();
  for (const prep of parts.preparations) {
    const entry = shared.get(prep.plan_id) ?? { employee: false, manager: false };
    if (prep.party === 'employee' || prep.party === 'manager') entry[prep.party] = prep.shared_at !== null;
    shared.set(prep.plan_id, entry);
  }
  const followUpsOf = new Map<string, Array<{ plannedDate: string; held: boolean }>>();
  for (const f of parts.followUps) {
    const list = followUpsOf.get(f.plan_id) ?? [];
    list.push({ plannedDate: f.planned_date, held: f.held_at !== null });
    followUpsOf.set(f.plan_id, list);
  }
  const countableGoals = parts.goals.filter((g) => planOwner.get(g.plan_id)?.countable);
  const countableActions = parts.actions.filter((a) => planOwner.get(a.plan_id)?.countable);
  const counts = new Map<
    string,
    { goals: number; actions: number; done: number; openEnds: (string | null)[] }
  >();
  const countsOf = (planId: string) => {
    let entry = counts.get(planId);
    if (!entry) {
      entry = { goals: 0, actions: 0, done: 0, openEnds: [] };
      counts.set(planId, entry);
    }
    return entry;
  };
  for (const goal of countableGoals) countsOf(goal.plan_id).goals += 1;
  for (const action of countableActions) {
    const entry = countsOf(action.plan_id);
    entry.actions += 1;
    if (action.status === 'done') entry.done += 1;
    if (openActionStatuses.has(action.status)) {
      const timing = parseTiming(action.timing);
      entry.openEnds.push(timing ? timingBounds(timing).end : null);
    }
  }

  const competencyNames = new Map<string, string>();
  const profileOf = new Map<string, string[]>();
  for (const row of profile) {
    competencyNames.set(row.competency_id, row.name);
    const list = profileOf.get(row.function_id) ?? [];
    list.push(row.competency_id);
    profileOf.set(row.function_id, list);
  }
  for (const goal of countableGoals)
    if (goal.competency_id && goal.competency_name)
      competencyNames.set(goal.competency_id, goal.competency_name);

  const personName = new Map(people.map((p) => [p.id, `${p.first_name} ${p.last_name}`.trim()]));
  const presentedPeople = people.map((person) => {
    const c = current.get(person.id);
    const planShared = c ? (shared.get(c.row.id) ?? { employee: false, manager: false }) : null;
    const planCounts = c ? counts.get(c.row.id) : undefined;
    return presentPerson({
      person,
      plan: c
        ? {
            row: c.row,
            canOpen: c.canOpen,
            content: c.content,
            countable: c.countable,
            employeeShared: planShared?.employee ?? false,
            managerShared: planShared?.manager ?? false,
            goals: planCounts?.goals ?? 0,
            actions: planCounts?.actions ?? 0,
            actionsDone: planCounts?.done ?? 0,
          }
        : null,
      schedule: c
        ? (() => {
            const conversationDate = c.row.conversation_at
              ? dateIn(settings.time_zone, new Date(c.row.conversation_at))
              : null;
            const plan = {
              phase: c.row.phase as Phase,
              cancelled: Boolean(c.row.cancelled),
              conversationDate,
              exchangeDeadline: exchangeDeadline(
                c.row.conversation_at,
                settings.time_zone,
                Number(settings.exchange_days),
              ),
              employeeShared: planShared?.employee ?? false,
              managerShared: planShared?.manager ?? false,
              followUps: followUpsOf.get(c.row.id) ?? [],
              evaluationDate: c.row.evaluation_date,
              evaluationComplete: Boolean(c.row.evaluation_complete),
              openActionEnds: planCounts?.openEnds ?? [],
            };
            return { next: nextDate(plan, today), overdue: overdueItems(plan, today) };
          })()
        : { next: null, overdue: [] },
    });
  });

  // Learning needs.
  const needsPeople: NeedsPerson[] = people.map((person) => {
    const c = current.get(person.id);
    return {
      id: person.id,
      name: personName.get(person.id) ?? '',
      functionCompetencyIds: person.function_id ? (profileOf.get(person.function_id) ?? []) : [],
      planId: c?.canOpen ? c.row.id : null,
      contentVisible: c?.content ?? false,
    };
  });
  const needsGoals: NeedsGoal[] = countableGoals.map((g) => {
    const owner = planOwner.get(g.plan_id);
    return {
      id: g.id,
      personId: owner?.personId ?? '',
      title: owner?.content ? g.title : null,
      competencyId: g.competency_id,
    };
  });
  const needsActions: NeedsAction[] = countableActions.map((a) => ({
    goalId: a.goal_id,
    personId: planOwner.get(a.plan_id)?.personId ?? '',
    type: a.type,
  }));
  const needsPoints: NeedsTalkingPoint[] = parts.talkingPoints.flatMap((point) => {
    const owner = planOwner.get(point.plan_id);
    if (!owner || (point.party !== 'employee' && point.party !== 'manager')) return [];
    const party = point.party as PlanParty;
    const isShared = shared.get(point.plan_id)?.[party] ?? false;
    if (!canSeePreparation(actor, owner.scope, { party, isShared })) return [];
    return [{ personId: owner.personId, party, text: point.text }];
  });
  const ownTypeNames = new Map(
    ownTypes.map((t) => [t.id, locale === 'en' && t.name_en ? t.name_en : t.name_nl]),
  );
  const labelOf = (kind: ThemeKind, ref: string | null): string => {
    if (kind === 'competency') return competencyNames.get(ref ?? '') ?? '';
    if (kind === 'action_type' && ref)
      return isBuiltInActionType(ref)
        ? translate(locale, `pop.actionTypes.${ref}`)
        : (ownTypeNames.get(ref) ?? translate(locale, 'teamView.needs.customType'));
    return '';
  };
  const matrix = buildMatrix({
    people: needsPeople,
    goals: needsGoals,
    actions: needsActions,
    competencies: competencyNames,
  });
  const themes = groupThemes({
    goals: needsGoals,
    actions: needsActions,
    talkingPoints: needsPoints,
    competencies: competencyNames,
    labelOf,
  });

  const openablePlan = new Map(needsPeople.map((p) => [p.id, p.planId]));

  // Charts.
  const currentPlans = [...current.values()];
  const chartActions: ChartAction[] = countableActions.map((a) => ({
    status: a.status as ActionStatus,
    timing: parseTiming(a.timing),
    actualStart: a.actual_start,
    actualEnd: a.actual_end,
    planPeriodStart: planOwner.get(a.plan_id)?.row.period_start ?? '',
    hours: num(a.hours),
    cost: num(a.cost),
  }));

  return {
    today,
    teamId,
    teams,
    leadsPeople,
    contentHidden: currentPlans.some((c) => !c.content),
    people: presentedPeople,
    matrix,
    themes: presentThemes(themes, {
      labelOf,
      personName: (id) => personName.get(id) ?? '',
      planOf: (id) => openablePlan.get(id) ?? null,
    }),
    charts: {
      phases: plansPerPhase(
        currentPlans.map((c) => ({ phase: c.row.phase as Phase, cancelled: Boolean(c.row.cancelled) })),
      ),
      withoutPlan: people.length - currentPlans.length,
      actionStatuses: actionsPerStatus(chartActions),
      quarters: hoursAndCostPerQuarter(chartActions),
    },
  };
}
