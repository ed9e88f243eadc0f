/**
 * The POP cycle as one pure transition table. The server applies events through `applyPlanEvent`; the API sends
 * each client `allowedEvents(...)` so the web app draws its buttons from the same rules.
 *
 * voorbereiding -> gesprek -> goedgekeurd (uitvoering) -> evaluatie -> afgesloten
 */
export const phases = ['preparation', 'conversation', 'approved', 'evaluation', 'closed'] as const;
export type Phase = (typeof phases)[number];

export const planEvents = [
  'start_conversation',
  'approve',
  'withdraw_approval',
  'record_disagreement',
  'resolve_disagreement',
  'start_revision',
  'discard_revision',
  'start_evaluation',
  'close',
  'cancel',
] as const;
export type PlanEvent = (typeof planEvents)[number];

/** Who fires an event about a plan: its employee, its manager, or HR. */
export type Party = 'employee' | 'manager' | 'hr';

export interface PlanState {
  phase: Phase;
  employeeApprovedAt: string | null;
  managerApprovedAt: string | null;
  /** The employee recorded "gezien, niet akkoord": the plan cannot go on until resolved. */
  disagreement: boolean;
  /** During uitvoering: a draft of changes is open and awaits both approvals (the next version). */
  revisionOpen: boolean;
  /** Both parties answered the evaluation questions. */
  evaluationComplete: boolean;
  cancelled: boolean;
}

export type PlanEventError =
  | 'EVENT_NOT_ALLOWED'
  | 'PARTY_NOT_ALLOWED'
  | 'PLAN_DISPUTED'
  | 'REVISION_OPEN'
  | 'EVALUATION_INCOMPLETE'
  | 'ALREADY_APPROVED'
  | 'NOT_APPROVED';

export interface PlanEventResult {
  ok: true;
  state: PlanState;
  /** Both parties approved: the content is frozen as the next version. */
  freezeVersion: boolean;
}

export type PlanEventOutcome = PlanEventResult | { ok: false; error: PlanEventError };

type Rule = {
  from: readonly Phase[];
  parties: readonly Party[];
  apply: (state: PlanState, party: Party, now: string) => PlanEventOutcome;
};

const ok = (state: PlanState, freezeVersion = false): PlanEventResult => ({ ok: true, state, freezeVersion });
const fail = (error: PlanEventError): PlanEventOutcome => ({ ok: false, error });

const isAgreeing = (state: PlanState): boolean =>
  state.phase === 'conversation' || (state.phase === 'approved' && state.revisionOpen);

const approvalField = (party: Party): 'employeeApprovedAt' | 'managerApprovedAt' =>
  party === 'employee' ? 'employeeApprovedAt' : 'managerApprovedAt';

const rules: Record<PlanEvent, Rule> = {
  start_conversation: {
    from: ['preparation'],
    parties: ['employee', 'manager'],
    apply: (s) => ok({ ...s, phase: 'conversation' }),
  },
  approve: {
    from: ['conversation', 'approved'],
    parties: ['employee', 'manager'],
    apply: (s, party, now) => {
      if (!isAgreeing(s)) return fail('EVENT_NOT_ALLOWED');
      if (s.disagreement && party === 'manager') return fail('PLAN_DISPUTED');
      const field = approvalField(party);
      if (s[field]) return fail('ALREADY_APPROVED');
      // The employee approving after "niet akkoord" resolves the disagreement.
      const next: PlanState = {
        ...s,
        [field]: now,
        disagreement: party === 'employee' ? false : s.disagreement,
      };
      if (next.employeeApprovedAt && next.managerApprovedAt) {
        return ok(
          {
            ...next,
            phase: 'approved',
            revisionOpen: false,
            employeeApprovedAt: next.employeeApprovedAt,
            managerApprovedAt: next.managerApprovedAt,
          },
          true,
        );
      }
      return ok(next);
    },
  },
  withdraw_approval: {
    from: ['conversation', 'approved'],
    parties: ['employee', 'manager'],
    apply: (s, party) => {
      if (!isAgreeing(s)) return fail('EVENT_NOT_ALLOWED');
      const field = approvalField(party);
      if (!s[field]) return fail('NOT_APPROVED');
      return ok({ ...s, [field]: null });
    },
  },
  record_disagreement: {
    from: ['conversation', 'approved'],
    parties: ['employee'],
    apply: (s) => {
      if (!isAgreeing(s)) return fail('EVENT_NOT_ALLOWED');
      return ok({ ...s, disagreement: true, employeeApprovedAt: null, managerApprovedAt: null });
    },
  },
  resolve_disagreement: {
    from: ['conversation', 'approved'],
    parties: ['employee'],
    apply: (s) => (s.disagreement ? ok({ ...s, disagreement: false }) : fail('EVENT_NOT_ALLOWED')),
  },
  start_revision: {
    from: ['approved'],
    parties: ['employee', 'manager'],
    apply: (s) =>
      s.revisionOpen
        ? fail('REVISION_OPEN')
        : ok({ ...s, revisionOpen: true, employeeApprovedAt: null, managerApprovedAt: null }),
  },
  discard_revision: {
    from: ['approved'],
    parties: ['employee', 'manager'],
    apply: (s) =>
      s.revisionOpen ? ok({ ...s, revisionOpen: false, disagreement: false }) : fail('EVENT_NOT_ALLOWED'),
  },
  start_evaluation: {
    from: ['approved'],
    parties: ['employee', 'manager'],
    apply: (s) => (s.revisionOpen ? fail('REVISION_OPEN') : ok({ ...s, phase: 'evaluation' })),
  },
  close: {
    from: ['evaluation'],
    parties: ['employee', 'manager'],
    apply: (s) => (s.evaluationComplete ? ok({ ...s, phase: 'closed' }) : fail('EVALUATION_INCOMPLETE')),
  },
  cancel: {
    from: ['preparation', 'conversation', 'approved', 'evaluation'],
    parties: ['manager', 'hr'],
    apply: (s) => ok({ ...s, phase: 'closed', cancelled: true, revisionOpen: false }),
  },
};

export function applyPlanEvent(
  state: PlanState,
  event: PlanEvent,
  party: Party,
  now: Date,
): PlanEventOutcome {
  const rule = rules[event];
  if (!rule.from.includes(state.phase)) return fail('EVENT_NOT_ALLOWED');
  if (!rule.parties.includes(party)) return fail('PARTY_NOT_ALLOWED');
  return rule.apply(state, party, now.toISOString());
}

/** The events a party may fire now; what the web app shows as buttons. */
export function allowedEvents(state: PlanState, parties: readonly Party[], now: Date): PlanEvent[] {
  return planEvents.filter((event) => parties.some((party) => applyPlanEvent(state, event, party, now).ok));
}

/** The content (goals, actions, agreements) may change: during the conversation, or in an open revision. */
export function isContentEditable(state: PlanState): boolean {
  return (
    state.phase === 'preparation' ||
    state.phase === 'conversation' ||
    (state.phase === 'approved' && state.revisionOpen)
  );
}

/** A change of content withdraws every approval given to the content as it was. */
export function afterContentChange(state: PlanState): PlanState {
  return { ...state, employeeApprovedAt: null, managerApprovedAt: null };
}

export const initialPlanState: PlanState = {
  phase: 'preparation',
  employeeApprovedAt: null,
  managerApprovedAt: null,
  disagreement: false,
  revisionOpen: false,
  evaluationComplete: false,
  cancelled: false,
};
