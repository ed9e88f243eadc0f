/**
 * The closed word lists of a POP. Keys are English identifiers; the labels live in the catalogues under `pop.*`.
 * None of these lists rates a person: they describe goals, actions and their progress.
 */
export const parties = ['employee', 'manager'] as const;
/** The two sides of a POP who prepare, agree and evaluate. */
export type PlanParty = (typeof parties)[number];

export const priorities = ['high', 'medium', 'low'] as const;
export type Priority = (typeof priorities)[number];

/** Korte, middellange of lange termijn. */
export const horizons = ['short', 'medium', 'long'] as const;
export type Horizon = (typeof horizons)[number];

/** Gepland, bezig, afgerond, geannuleerd, uitgesteld. */
export const actionStatuses = ['planned', 'in_progress', 'done', 'cancelled', 'postponed'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/** Op schema, vertraagd, bijgestuurd, bereikt, stopgezet: the state of a goal at an opvolgingsmoment. */
export const followUpStates = ['on_track', 'delayed', 'adjusted', 'reached', 'stopped'] as const;
export type FollowUpState = (typeof followUpStates)[number];

/** Bereikt, deels bereikt, niet bereikt: the outcome of a goal at the evaluation. */
export const evaluationResults = ['reached', 'partly', 'not_reached'] as const;
export type EvaluationResult = (typeof evaluationResults)[number];

/** Who asked for a plan to start. */
export const requesters = ['employee', 'manager', 'hr'] as const;
export type Requester = (typeof requesters)[number];

export const templateKinds = ['general', 'competencies'] as const;
export type TemplateKind = (typeof templateKinds)[number];

/** The kinds of support a POP action may need (seed 001: financiële ondersteuning, tijd en logistieke steun). */
export const supportKinds = ['time', 'budget', 'logistics', 'coach'] as const;
export type SupportKind = (typeof supportKinds)[number];

export const currencies = ['EUR'] as const;
