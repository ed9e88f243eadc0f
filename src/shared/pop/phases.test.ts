import { describe, expect, it } from 'vitest';
import {
  afterContentChange,
  allowedEvents,
  applyPlanEvent,
  initialPlanState,
  isContentEditable,
  type Party,
  type Phase,
  type PlanEvent,
  type PlanState,
  phases,
  planEvents,
} from './phases.js';

const now = new Date('2027-01-15T10:00:00.000Z');
const state = (phase: Phase, extra: Partial<PlanState> = {}): PlanState => ({
  ...initialPlanState,
  phase,
  ...extra,
});

/**
 * Every phase x event, for the employee (E), the manager (M) and HR (H), from a plain state of that phase:
 * the phase after the event, or the error code.
 */
type Expect = Phase | `!${string}`;
const table: Record<Phase, Record<PlanEvent, [E: Expect, M: Expect, H: Expect]>> = {
  preparation: {
    start_conversation: ['conversation', 'conversation', '!PARTY_NOT_ALLOWED'],
    approve: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    withdraw_approval: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    record_disagreement: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    resolve_disagreement: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    start_revision: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    discard_revision: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    start_evaluation: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    close: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    cancel: ['!PARTY_NOT_ALLOWED', 'closed', 'closed'],
  },
  conversation: {
    start_conversation: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    approve: ['conversation', 'conversation', '!PARTY_NOT_ALLOWED'],
    withdraw_approval: ['!NOT_APPROVED', '!NOT_APPROVED', '!PARTY_NOT_ALLOWED'],
    record_disagreement: ['conversation', '!PARTY_NOT_ALLOWED', '!PARTY_NOT_ALLOWED'],
    resolve_disagreement: ['!EVENT_NOT_ALLOWED', '!PARTY_NOT_ALLOWED', '!PARTY_NOT_ALLOWED'],
    start_revision: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    discard_revision: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    start_evaluation: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    close: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    cancel: ['!PARTY_NOT_ALLOWED', 'closed', 'closed'],
  },
  approved: {
    start_conversation: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    approve: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!PARTY_NOT_ALLOWED'],
    withdraw_approval: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!PARTY_NOT_ALLOWED'],
    record_disagreement: ['!EVENT_NOT_ALLOWED', '!PARTY_NOT_ALLOWED', '!PARTY_NOT_ALLOWED'],
    resolve_disagreement: ['!EVENT_NOT_ALLOWED', '!PARTY_NOT_ALLOWED', '!PARTY_NOT_ALLOWED'],
    start_revision: ['approved', 'approved', '!PARTY_NOT_ALLOWED'],
    discard_revision: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!PARTY_NOT_ALLOWED'],
    start_evaluation: ['evaluation', 'evaluation', '!PARTY_NOT_ALLOWED'],
    close: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    cancel: ['!PARTY_NOT_ALLOWED', 'closed', 'closed'],
  },
  evaluation: {
    start_conversation: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    approve: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    withdraw_approval: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    record_disagreement: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    resolve_disagreement: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    start_revision: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    discard_revision: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    start_evaluation: ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    close: ['!EVALUATION_INCOMPLETE', '!EVALUATION_INCOMPLETE', '!PARTY_NOT_ALLOWED'],
    cancel: ['!PARTY_NOT_ALLOWED', 'closed', 'closed'],
  },
  closed: Object.fromEntries(
    planEvents.map((e): [PlanEvent, [Expect, Expect, Expect]] => [
      e,
      ['!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED', '!EVENT_NOT_ALLOWED'],
    ]),
  ) as Record<PlanEvent, [Expect, Expect, Expect]>,
};

const parties: Party[] = ['employee', 'manager', 'hr'];
const cases = phases.flatMap((phase) =>
  planEvents.flatMap((event) =>
    parties.map((party, i) => ({ phase, event, party, expected: table[phase][event][i] as Expect })),
  ),
);

describe('applyPlanEvent: every phase x event x party', () => {
  it('covers the whole table', () => {
    expect(cases).toHaveLength(phases.length * planEvents.length * parties.length);
  });

  it.each(cases)('$phase + $event by $party -> $expected', ({ phase, event, party, expected }) => {
    const outcome = applyPlanEvent(state(phase), event, party, now);
    if (expected.startsWith('!')) {
      expect(outcome).toEqual({ ok: false, error: expected.slice(1) });
    } else {
      expect(outcome.ok).toBe(true);
      if (outcome.ok) expect(outcome.state.phase).toBe(expected);
    }
  });
});

describe('agreement', () => {
  it('needs both approvals; the second one freezes a version', () => {
    const first = applyPlanEvent(state('conversation'), 'approve', 'employee', now);
    expect(first).toMatchObject({
      ok: true,
      freezeVersion: false,
      state: { phase: 'conversation', employeeApprovedAt: now.toISOString() },
    });
    if (!first.ok) return;
    expect(applyPlanEvent(first.state, 'approve', 'employee', now)).toEqual({
      ok: false,
      error: 'ALREADY_APPROVED',
    });
    const second = applyPlanEvent(first.state, 'approve', 'manager', now);
    expect(second).toMatchObject({
      ok: true,
      freezeVersion: true,
      state: { phase: 'approved', revisionOpen: false },
    });
  });

  it('withdraws approvals when the content changes', () => {
    const approvedByOne = state('conversation', { managerApprovedAt: now.toISOString() });
    expect(afterContentChange(approvedByOne).managerApprovedAt).toBeNull();
  });

  it('blocks the manager while the employee disagrees, until the employee approves or resolves', () => {
    const disputed = applyPlanEvent(
      state('conversation', { managerApprovedAt: now.toISOString() }),
      'record_disagreement',
      'employee',
      now,
    );
    expect(disputed).toMatchObject({ ok: true, state: { disagreement: true, managerApprovedAt: null } });
    if (!disputed.ok) return;
    expect(applyPlanEvent(disputed.state, 'approve', 'manager', now)).toEqual({
      ok: false,
      error: 'PLAN_DISPUTED',
    });
    const resolved = applyPlanEvent(disputed.state, 'approve', 'employee', now);
    expect(resolved).toMatchObject({ ok: true, state: { disagreement: false } });
    expect(applyPlanEvent(disputed.state, 'resolve_disagreement', 'employee', now)).toMatchObject({
      ok: true,
      state: { disagreement: false },
    });
  });

  it('revises an approved plan as the next version', () => {
    const revising = applyPlanEvent(
      state('approved', { employeeApprovedAt: 'x', managerApprovedAt: 'y' }),
      'start_revision',
      'manager',
      now,
    );
    expect(revising).toMatchObject({
      ok: true,
      state: { revisionOpen: true, employeeApprovedAt: null, managerApprovedAt: null },
    });
    if (!revising.ok) return;
    expect(isContentEditable(revising.state)).toBe(true);
    expect(applyPlanEvent(revising.state, 'start_evaluation', 'manager', now)).toEqual({
      ok: false,
      error: 'REVISION_OPEN',
    });
    expect(applyPlanEvent(revising.state, 'start_revision', 'employee', now)).toEqual({
      ok: false,
      error: 'REVISION_OPEN',
    });
    const one = applyPlanEvent(revising.state, 'approve', 'manager', now);
    if (!one.ok) throw new Error('approve failed');
    const both = applyPlanEvent(one.state, 'approve', 'employee', now);
    expect(both).toMatchObject({
      ok: true,
      freezeVersion: true,
      state: { phase: 'approved', revisionOpen: false },
    });
    expect(applyPlanEvent(revising.state, 'discard_revision', 'employee', now)).toMatchObject({
      ok: true,
      state: { revisionOpen: false },
    });
  });

  it('closes only a complete evaluation', () => {
    expect(
      applyPlanEvent(state('evaluation', { evaluationComplete: true }), 'close', 'employee', now),
    ).toMatchObject({
      ok: true,
      state: { phase: 'closed', cancelled: false },
    });
  });
});

describe('allowedEvents', () => {
  it.each([
    { phase: 'preparation' as const, parties: ['employee'] as Party[], events: ['start_conversation'] },
    {
      phase: 'preparation' as const,
      parties: ['manager'] as Party[],
      events: ['start_conversation', 'cancel'],
    },
    {
      phase: 'conversation' as const,
      parties: ['employee'] as Party[],
      events: ['approve', 'record_disagreement'],
    },
    {
      phase: 'approved' as const,
      parties: ['manager'] as Party[],
      events: ['start_revision', 'start_evaluation', 'cancel'],
    },
    { phase: 'closed' as const, parties: ['employee', 'manager', 'hr'] as Party[], events: [] },
    { phase: 'evaluation' as const, parties: ['hr'] as Party[], events: ['cancel'] },
  ])('$phase for $parties', ({ phase, parties: who, events }) => {
    expect(allowedEvents(state(phase), who, now)).toEqual(events);
  });

  it('content is editable in preparation, conversation and an open revision only', () => {
    expect(phases.filter((p) => isContentEditable(state(p)))).toEqual(['preparation', 'conversation']);
  });
});
