import { type Actor, isHr, isManagerOf, type PersonScope, type TeamScope } from '../policies.js';
import { isContentEditable, type Party, type PlanState } from './phases.js';
import type { PlanParty } from './vocabulary.js';

/**
 * Who may see and do what on a POP. The parties are the plan's employee and its manager (the leidinggevende named
 * on the plan); HR sees every plan's phase, dates and counts, and its content only when the organisation allows.
 * A preparation is private to its party until that party shares it, and HR never reads preparations.
 */
export interface PlanScope {
  organisationId: string;
  employeeId: string;
  managerId: string;
}

export interface PlanSettings {
  /** Organisation setting: HR may read goals, actions, agreements, follow-ups and evaluations. */
  hrSeesPlanContent: boolean;
}

/** The roles an actor plays on one plan; empty means the plan does not exist for them. */
export function planPartiesOf(actor: Actor, plan: PlanScope): Party[] {
  if (actor.organisationId !== plan.organisationId) return [];
  const parties: Party[] = [];
  if (actor.personId === plan.employeeId) parties.push('employee');
  if (actor.personId === plan.managerId) parties.push('manager');
  if (isHr(actor)) parties.push('hr');
  return parties;
}

export const canSeePlan = (actor: Actor, plan: PlanScope): boolean => planPartiesOf(actor, plan).length > 0;

/** The side of the plan the actor prepares and agrees for, if any. */
export function planPartyOf(actor: Actor, plan: PlanScope): PlanParty | null {
  if (actor.organisationId !== plan.organisationId) return null;
  if (actor.personId === plan.employeeId) return 'employee';
  if (actor.personId === plan.managerId) return 'manager';
  return null;
}

export function canSeePlanContent(actor: Actor, plan: PlanScope, settings: PlanSettings): boolean {
  const parties = planPartiesOf(actor, plan);
  return (
    parties.includes('employee') ||
    parties.includes('manager') ||
    (parties.includes('hr') && settings.hrSeesPlanContent)
  );
}

/** A party's preparation: its own party always, the other party once shared, nobody else ever. */
export function canSeePreparation(
  actor: Actor,
  plan: PlanScope,
  preparation: { party: PlanParty; isShared: boolean },
): boolean {
  const own = planPartyOf(actor, plan);
  if (own === null) return false;
  return own === preparation.party || preparation.isShared;
}

/** Which plans a list shows: every plan of the organisation (HR) or the plans the actor is a party of. */
export type PlanListScope = 'organisation' | 'own';
export const planListScopeOf = (actor: Actor): PlanListScope => (isHr(actor) ? 'organisation' : 'own');

/** HR starts a cycle for anyone; a manager for the people they manage; nobody starts one for themselves here. */
export function canStartPlanFor(actor: Actor, person: PersonScope, teamOfPerson?: TeamScope | null): boolean {
  if (actor.organisationId !== person.organisationId || actor.personId === person.id) return false;
  return isHr(actor) || isManagerOf(actor, person, teamOfPerson);
}

/** Starting cycles for a team or the whole organisation at once. */
export const canStartBatch = (actor: Actor, scope: 'people' | 'team' | 'organisation'): boolean =>
  isHr(actor) || (scope !== 'organisation' && actor.roles.includes('manager'));

export const canManageTemplates = (actor: Actor): boolean => isHr(actor);
export const canManageActionTypes = (actor: Actor): boolean => isHr(actor);

export interface PlanFacts {
  /** The actor's own preparation was shared. */
  ownPreparationShared: boolean;
  /** The actor's own evaluation was submitted. */
  ownEvaluationSubmitted: boolean;
}

/** What the web app may offer on a plan; the server checks each of these again on its routes. */
export interface PlanPermissions {
  canSeeContent: boolean;
  canSeePreparations: boolean;
  /** Goals, actions and agreements (period, facilities, evaluation date). */
  canEditContent: boolean;
  /** Notes per step of the conversation guide. */
  canEditNotes: boolean;
  canEditOwnPreparation: boolean;
  canShareOwnPreparation: boolean;
  canPlanConversation: boolean;
  canUpdateProgress: boolean;
  canComment: boolean;
  canManageFollowUps: boolean;
  canHoldFollowUps: boolean;
  canEvaluate: boolean;
  canSetGoalResults: boolean;
  canChangeManager: boolean;
  canCarryOver: boolean;
}

const noFacts: PlanFacts = { ownPreparationShared: false, ownEvaluationSubmitted: false };

export function planPermissions(
  actor: Actor,
  plan: PlanScope & { state: PlanState },
  settings: PlanSettings,
  facts: PlanFacts = noFacts,
): PlanPermissions {
  const party = planPartyOf(actor, plan);
  const isParty = party !== null;
  const { phase, revisionOpen } = plan.state;
  const isOpen = phase !== 'closed';
  const isExecuting = (phase === 'approved' && !revisionOpen) || phase === 'evaluation';
  return {
    canSeeContent: canSeePlanContent(actor, plan, settings),
    canSeePreparations: isParty,
    canEditContent: isParty && isContentEditable(plan.state),
    canEditNotes: isParty && (phase === 'conversation' || (phase === 'approved' && revisionOpen)),
    canEditOwnPreparation: isParty && phase === 'preparation',
    canShareOwnPreparation:
      isParty && !facts.ownPreparationShared && (phase === 'preparation' || phase === 'conversation'),
    canPlanConversation:
      (isParty || planPartiesOf(actor, plan).includes('hr')) &&
      (phase === 'preparation' || phase === 'conversation'),
    canUpdateProgress: isParty && isExecuting,
    canComment: isParty && isOpen,
    canManageFollowUps: isParty && isOpen && phase !== 'preparation',
    canHoldFollowUps: isParty && phase === 'approved',
    canEvaluate: isParty && phase === 'evaluation' && !facts.ownEvaluationSubmitted,
    canSetGoalResults: isParty && phase === 'evaluation',
    canChangeManager:
      isHr(actor) && isOpen && party !== 'employee' && actor.organisationId === plan.organisationId,
    canCarryOver: isParty && phase === 'closed',
  };
}
