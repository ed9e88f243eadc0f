import type { TeamViewPerson, TeamViewTheme } from '../../../shared/contracts/team-view.js';
import type { Phase } from '../../../shared/pop/phases.js';
import type { Theme, ThemeKind } from '../../../shared/team-view/learning-needs.js';
import {
  awaitingApprovalOf,
  type OverdueItem,
  type ScheduledDate,
} from '../../../shared/team-view/schedule.js';
import { fullName } from '../../../shared/text.js';
import type { TeamViewPersonRow, TeamViewPlanRow } from './team-view.repository.js';

export interface PersonFacts {
  person: TeamViewPersonRow;
  plan: {
    row: TeamViewPlanRow;
    canOpen: boolean;
    content: boolean;
    countable: boolean;
    employeeShared: boolean;
    managerShared: boolean;
    goals: number;
    actions: number;
    actionsDone: number;
  } | null;
  schedule: { next: ScheduledDate | null; overdue: OverdueItem[] };
}

export function presentPerson({ person, plan, schedule }: PersonFacts): TeamViewPerson {
  return {
    id: person.id,
    name: fullName({ firstName: person.first_name, lastName: person.last_name }),
    function:
      person.function_id && person.function_name !== null
        ? { id: person.function_id, name: person.function_name }
        : null,
    team: person.team_id && person.team_name !== null ? { id: person.team_id, name: person.team_name } : null,
    plan: plan
      ? {
          id: plan.canOpen ? plan.row.id : null,
          phase: plan.row.phase as Phase,
          cancelled: Boolean(plan.row.cancelled),
          disputed: Boolean(plan.row.disagreement),
          revisionOpen: Boolean(plan.row.revision_open),
          awaitingApprovalOf: awaitingApprovalOf({
            phase: plan.row.phase as Phase,
            cancelled: Boolean(plan.row.cancelled),
            disputed: Boolean(plan.row.disagreement),
            revisionOpen: Boolean(plan.row.revision_open),
            employeeApproved: plan.row.employee_approved_at !== null,
            managerApproved: plan.row.manager_approved_at !== null,
          }),
          periodStart: plan.row.period_start,
          periodEnd: plan.row.period_end,
          conversationAt: plan.row.conversation_at,
          employeeShared: plan.employeeShared,
          managerShared: plan.managerShared,
          contentVisible: plan.content,
          goals: plan.countable ? plan.goals : null,
          actions: plan.countable ? plan.actions : null,
          actionsDone: plan.countable ? plan.actionsDone : null,
        }
      : null,
    nextDate: schedule.next,
    overdue: schedule.overdue,
  };
}

export function presentThemes(
  themes: readonly Theme[],
  names: {
    labelOf: (kind: ThemeKind, ref: string | null) => string;
    personName: (id: string) => string;
    planOf: (personId: string) => string | null;
  },
): TeamViewTheme[] {
  return themes.map((theme) => ({
    key: theme.key,
    kind: theme.kind,
    ref: theme.ref,
    label: theme.kind === 'open' ? null : names.labelOf(theme.kind, theme.ref) || null,
    people: theme.people,
    goals: theme.goals,
    actions: theme.actions,
    talkingPoints: theme.talkingPoints,
    items: theme.items.map((item) => ({
      source: item.source,
      text: item.text,
      personId: item.personId,
      personName: names.personName(item.personId),
      party: item.party,
      planId: names.planOf(item.personId),
    })),
  }));
}
