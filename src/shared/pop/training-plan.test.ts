import { describe, expect, it } from 'vitest';
import { type Actor, canSeeTrainingPlanFacts, canViewTrainingPlan } from '../policies.js';
import type { Role } from '../roles.js';
import {
  consultationDeadlines,
  defaultTrainingPlanYear,
  isTaskOverdue,
  isTrainingPlanObliged,
  taskApplies,
  workerCount,
} from './training-plan.js';

describe('consultationDeadlines', () => {
  it.each([
    [2027, '2027-02-28'],
    [2028, '2028-02-29'],
    [2100, '2100-02-28'],
    [2000, '2000-02-29'],
  ])('%i: the draft is due 15 days before the advice', (year, draft) => {
    expect(consultationDeadlines(year)).toEqual({
      draft_to_council: draft,
      advice: `${year}-03-15`,
      final: `${year}-03-31`,
    });
  });
});

describe('defaultTrainingPlanYear', () => {
  it.each([
    ['2027-01-01', 2027],
    ['2027-03-31', 2027],
    ['2027-09-30', 2027],
    ['2027-10-01', 2028],
    ['2027-12-31', 2028],
  ])('%s -> %i', (today, year) => {
    expect(defaultTrainingPlanYear(today)).toBe(year);
  });
});

describe('the obligation', () => {
  it.each([
    ['BE', 19.99, false],
    ['BE', 20, true],
    ['BE', 250, true],
    ['NL', 250, false],
  ])('%s with %d workers: %s', (country, workers, obliged) => {
    expect(isTrainingPlanObliged(country, workers)).toBe(obliged);
  });

  it('counts HR’s average FTE when entered, else the active people', () => {
    expect(workerCount({ averageFte: 21.4, activePeople: 18 })).toEqual({
      count: 21.4,
      source: 'average_fte',
    });
    expect(workerCount({ averageFte: null, activePeople: 18 })).toEqual({
      count: 18,
      source: 'active_people',
    });
  });
});

describe('the consultation steps', () => {
  it.each([
    ['draft_to_council', 'works_council', true],
    ['advice', 'union_delegation', true],
    ['draft_to_council', null, true],
    ['draft_to_council', 'none', false],
    ['advice', 'none', false],
    ['final', 'none', true],
  ] as const)('%s with %s applies: %s', (key, body, applies) => {
    expect(taskApplies(key, body)).toBe(applies);
  });

  it.each([
    ['open, due yesterday', { dueDate: '2027-03-15', done: false, applies: true }, '2027-03-16', true],
    ['open, due today', { dueDate: '2027-03-15', done: false, applies: true }, '2027-03-15', false],
    ['done late', { dueDate: '2027-03-15', done: true, applies: true }, '2027-04-01', false],
    ['not applicable', { dueDate: '2027-03-15', done: false, applies: false }, '2027-04-01', false],
  ])('%s: overdue %s', (_name, task, today, overdue) => {
    expect(isTaskOverdue(task, today)).toBe(overdue);
  });
});

describe('who sees the training plan and the facts it counts', () => {
  const actor = (...roles: Role[]): Actor => ({ personId: 'p', organisationId: 'o', roles });
  it.each([
    [['employee', 'hr'], true, true],
    [['employee', 'admin'], false, true],
    [['employee', 'manager'], false, false],
    [['employee'], false, false],
  ] as const)('%j: plan %s, facts %s', (roles, plan, facts) => {
    expect(canViewTrainingPlan(actor(...roles))).toBe(plan);
    expect(canSeeTrainingPlanFacts(actor(...roles))).toBe(facts);
  });
});
