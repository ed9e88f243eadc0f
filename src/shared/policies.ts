import type { Role } from './roles.js';

/**
 * Who may do what. Pure functions over the actor and the object; the server calls them on every route, the web
 * app only uses the answers the API sends.
 */
export interface Actor {
  personId: string;
  organisationId: string;
  roles: readonly Role[];
}

/** The facts about a person that access decisions depend on. */
export interface PersonScope {
  id: string;
  organisationId: string;
  managerId: string | null;
  teamId: string | null;
}

export interface TeamScope {
  id: string;
  organisationId: string;
  managerId: string | null;
}

export const hasRole = (actor: Actor, role: Role): boolean => actor.roles.includes(role);
const sameOrganisation = (actor: Actor, object: { organisationId: string }): boolean =>
  actor.organisationId === object.organisationId;

export const isHr = (actor: Actor): boolean => hasRole(actor, 'hr');
export const isAdmin = (actor: Actor): boolean => hasRole(actor, 'admin');

/** Organisation settings, accounts and roles: the beheerder. */
export const canManageOrganisation = (actor: Actor): boolean => isAdmin(actor);

/** People records, teams, functions, competencies and imports: HR and the beheerder. */
export const canManagePeople = (actor: Actor): boolean => isHr(actor) || isAdmin(actor);

export const canManageStructure = (actor: Actor): boolean => isHr(actor) || isAdmin(actor);

/** Only the beheerder grants or removes the beheerder and HR roles. */
export const canAssignRole = (actor: Actor, role: Role): boolean =>
  isAdmin(actor) || (isHr(actor) && (role === 'employee' || role === 'manager'));

/** The sent-mail outbox holds links for other people: the beheerder only. */
export const canViewOutbox = (actor: Actor): boolean => isAdmin(actor);

/** The organisation's training plan (opleidingsplan): aggregates of every POP's actions, for HR. */
export const canViewTrainingPlan = (actor: Actor): boolean => isHr(actor);

/** A person's risk-group flag and gender, kept only for the training plan's counts: HR and the beheerder. */
export const canSeeTrainingPlanFacts = (actor: Actor): boolean => canManagePeople(actor);

/** The direct manager (leidinggevende) of the person, or the manager of the team the person belongs to. */
export function isManagerOf(actor: Actor, person: PersonScope, teamOfPerson?: TeamScope | null): boolean {
  if (!sameOrganisation(actor, person) || !hasRole(actor, 'manager')) return false;
  if (person.managerId === actor.personId) return true;
  return !!teamOfPerson && teamOfPerson.id === person.teamId && teamOfPerson.managerId === actor.personId;
}

/** A person's record (name, function, team, dates): themselves, their manager, HR and the beheerder. */
export function canViewPerson(actor: Actor, person: PersonScope, teamOfPerson?: TeamScope | null): boolean {
  if (!sameOrganisation(actor, person)) return false;
  return actor.personId === person.id || canManagePeople(actor) || isManagerOf(actor, person, teamOfPerson);
}

export function canEditPerson(actor: Actor, person: PersonScope): boolean {
  return sameOrganisation(actor, person) && canManagePeople(actor);
}

/** Teams: HR and the beheerder see all; a manager sees the teams they lead. */
export function canViewTeam(actor: Actor, team: TeamScope): boolean {
  if (!sameOrganisation(actor, team)) return false;
  return canManageStructure(actor) || (hasRole(actor, 'manager') && team.managerId === actor.personId);
}

/**
 * The sign-in of a person (email address, active or disabled, invitation): only someone who may assign every role
 * that person holds, so HR cannot take over or lock out a beheerder by changing their address.
 */
export const canManageAccountOf = (actor: Actor, targetRoles: readonly Role[]): boolean =>
  canManagePeople(actor) && targetRoles.every((role) => canAssignRole(actor, role));

/** Which people a list shows the actor: everyone in the organisation, the people they manage, or only themselves. */
export type PeopleScope = 'organisation' | 'managed' | 'self';

export function peopleScopeOf(actor: Actor): PeopleScope {
  if (canManagePeople(actor)) return 'organisation';
  return hasRole(actor, 'manager') ? 'managed' : 'self';
}

/** Which teams a list shows the actor: all of the organisation, the teams they lead, or none. */
export type TeamListScope = 'organisation' | 'led' | 'none';

export function teamScopeOf(actor: Actor): TeamListScope {
  if (canManageStructure(actor)) return 'organisation';
  return hasRole(actor, 'manager') ? 'led' : 'none';
}

/** Every role that is granted or taken away must be one the actor may assign; unchanged roles do not count. */
export function canChangeRoles(actor: Actor, before: readonly Role[], after: readonly Role[]): boolean {
  const changed = [...after.filter((r) => !before.includes(r)), ...before.filter((r) => !after.includes(r))];
  return changed.every((role) => canAssignRole(actor, role));
}

/** An import's progress belongs to the person who started it, in their organisation. */
export const canViewImportJob = (actor: Actor, job: { organisationId: string; startedBy: string }): boolean =>
  sameOrganisation(actor, job) && job.startedBy === actor.personId;

/** Functions and competencies are the organisation's shared vocabulary: every member may read them. */
export const canReadCatalogue = (actor: Actor, object: { organisationId: string }): boolean =>
  sameOrganisation(actor, object);

/** Budgets and funding sources per year: HR. */
export const canManageBudgets = (actor: Actor): boolean => isHr(actor);

/** The budget overview: HR for the whole organisation, a manager for the teams they lead. */
export const canViewBudgetOverview = (actor: Actor): boolean => isHr(actor) || hasRole(actor, 'manager');

/** Amounts in the budget check before approval: HR and managers; an employee sees which budget, not its figures. */
export const canSeeBudgetFigures = (actor: Actor): boolean => isHr(actor) || hasRole(actor, 'manager');

/** What the web app shows in its navigation; the server checks each route on its own. */
export interface Capabilities {
  manageOrganisation: boolean;
  managePeople: boolean;
  manageStructure: boolean;
  viewTeam: boolean;
  viewOutbox: boolean;
  /** Start POP cycles for others (HR for anyone, a manager for their people). */
  startPlans: boolean;
  /** Every POP of the organisation (phase, dates, counts): HR. */
  viewAllPlans: boolean;
  /** Preparation templates and kinds of action: HR. */
  managePlanTemplates: boolean;
}

export function capabilitiesOf(actor: Actor): Capabilities {
  return {
    manageOrganisation: canManageOrganisation(actor),
    managePeople: canManagePeople(actor),
    manageStructure: canManageStructure(actor),
    viewTeam: hasRole(actor, 'manager'),
    viewOutbox: canViewOutbox(actor),
    startPlans: isHr(actor) || hasRole(actor, 'manager'),
    viewAllPlans: isHr(actor),
    managePlanTemplates: isHr(actor),
  };
}

/**
 * The team view and the exports of plans, goals and actions: HR for any team of the organisation (plan content only
 * as the organisation allows), a manager for the people and teams they lead, nobody else.
 */
export type TeamOverviewScope = 'organisation' | 'led' | 'none';

export function teamOverviewScopeOf(actor: Actor): TeamOverviewScope {
  if (isHr(actor)) return 'organisation';
  return hasRole(actor, 'manager') ? 'led' : 'none';
}

/** One team in the team view: any team of the organisation for HR, a team they lead for a manager. */
export function canViewTeamOverview(actor: Actor, team: TeamScope): boolean {
  if (!sameOrganisation(actor, team)) return false;
  return isHr(actor) || (hasRole(actor, 'manager') && team.managerId === actor.personId);
}

/** The Belgian training right's settings and day norms: HR and the beheerder. */
export const canManageTrainingRight = (actor: Actor): boolean => isHr(actor) || isAdmin(actor);

/** Whose training-days balances a list shows: everyone (HR, beheerder), the people a manager manages, or nobody. */
export type TrainingBalanceScope = 'organisation' | 'managed' | 'none';

export function trainingBalanceScopeOf(actor: Actor): TrainingBalanceScope {
  if (canManageTrainingRight(actor)) return 'organisation';
  return hasRole(actor, 'manager') ? 'managed' : 'none';
}

/**
 * The learning-account deliveries (which carry training names) and the yearly balance statements: HR's legal duty,
 * so HR only, whatever the organisation's setting on plan content.
 */
export const canDeliverLearningAccount = (actor: Actor): boolean => isHr(actor);

/**
 * A plan's audit trail: its employee reads who read and who changed their plan; its manager reads the changes (as a
 * party they see the content anyway) but not who else read it. Nobody else reads it through the plan.
 */
export type PlanAuditView = 'reads_and_changes' | 'changes' | 'none';

export function planAuditViewOf(
  actor: Actor,
  plan: { organisationId: string; employeeId: string; managerId: string },
): PlanAuditView {
  if (!sameOrganisation(actor, plan)) return 'none';
  if (actor.personId === plan.employeeId) return 'reads_and_changes';
  return actor.personId === plan.managerId ? 'changes' : 'none';
}

/** The organisation's audit log (who did what, who read which plan): the beheerder, without the plan content. */
export const canSearchAuditLog = (actor: Actor): boolean => isAdmin(actor);

/** One's own data as a download (GDPR art. 15): every signed-in person, about themselves only. */
export const canExportOwnData = (actor: Actor, person: { id: string; organisationId: string }): boolean =>
  sameOrganisation(actor, person) && actor.personId === person.id;

/** Retention periods, legal holds and erasures (GDPR art. 17): the beheerder. */
export const canManagePrivacy = (actor: Actor): boolean => isAdmin(actor);

/** The records of processing (art. 30): every member of the organisation may read what is kept and why. */
export const canReadRecordsOfProcessing = (actor: Actor, organisation: { organisationId: string }): boolean =>
  sameOrganisation(actor, organisation);
