import { describe, expect, it } from 'vitest';
import {
  asPlanned,
  type BudgetFacts,
  budgetStatus,
  candidateScopes,
  checkPlan,
  covers,
  type FigureLine,
  isOver,
  linesOfActions,
  scopeKey,
  scopeOf,
} from './budgets.domain.js';

const parents = new Map<string, string | null>([
  ['woon', null],
  ['linde', 'woon'],
  ['dag', null],
]);

const line = (extra: Partial<FigureLine>): FigureLine => ({
  year: 2027,
  teamId: 'woon',
  sourceId: 'vivo',
  currency: 'EUR',
  planned: 0,
  committed: 0,
  spent: 0,
  actions: 1,
  ...extra,
});

const budget = (extra: Partial<BudgetFacts>): BudgetFacts => ({
  id: 'b',
  year: 2027,
  teamId: null,
  sourceId: null,
  amount: 1000,
  currency: 'EUR',
  isHard: true,
  ...extra,
});

describe('scope key and scope', () => {
  it.each([
    [null, null, '-:-', 'organisation'],
    ['woon', null, 'woon:-', 'team'],
    [null, 'vivo', '-:vivo', 'source'],
    ['woon', 'vivo', 'woon:vivo', 'team_source'],
  ] as const)('team %s, source %s -> %s (%s)', (team, source, key, scope) => {
    expect(scopeKey(team, source)).toBe(key);
    expect(scopeOf(team, source)).toBe(scope);
  });
});

describe('which actions a budget covers', () => {
  it.each([
    ['the organisation covers every team and source', {}, {}, true],
    ['another year never', {}, { year: 2028 }, false],
    ['a team covers its own people', { teamId: 'woon' }, {}, true],
    ['a team covers its sub-team', { teamId: 'woon' }, { teamId: 'linde' }, true],
    ['a sub-team does not cover its parent', { teamId: 'linde' }, { teamId: 'woon' }, false],
    ['a team does not cover another team', { teamId: 'dag' }, {}, false],
    ['a team does not cover people without a team', { teamId: 'woon' }, { teamId: null }, false],
    ['a source covers its own actions', { sourceId: 'vivo' }, {}, true],
    ['a source does not cover actions without a source', { sourceId: 'vivo' }, { sourceId: null }, false],
    ['team and source both must match', { teamId: 'woon', sourceId: 'own' }, {}, false],
  ] as const)('%s', (_name, b, l, expected) => {
    expect(covers(budget(b), line(l), parents)).toBe(expected);
  });
});

describe('overspending, to the cent', () => {
  it.each([
    [1000, 1000, false],
    [1000.004, 1000, false],
    [1000.01, 1000, true],
    [0.1 + 0.2, 0.3, false],
    [0, 0, false],
    [0.01, 0, true],
  ])('%d against %d -> %s', (total, amount, over) => {
    expect(isOver(total, amount)).toBe(over);
  });
});

describe('a budget status', () => {
  it('sums what it covers in its currency and lists other currencies apart', () => {
    const status = budgetStatus(
      budget({ teamId: 'woon', amount: 500 }),
      [
        line({ committed: 300, spent: 120 }),
        line({ teamId: 'linde', planned: 250 }),
        line({ teamId: 'dag', committed: 999 }),
        line({ currency: 'USD', committed: 40 }),
      ],
      parents,
    );
    expect(status).toEqual({
      figures: { planned: 250, committed: 300, spent: 120, actions: 2 },
      remaining: 200,
      projected: 550,
      overCommitted: false,
      overProjected: true,
      overSpent: false,
      notCounted: [{ currency: 'USD', planned: 0, committed: 40, spent: 0, actions: 1 }],
    });
  });
});

describe('the check before approval', () => {
  const others = [line({ committed: 700 })];
  it.each([
    ['within a hard budget', { isHard: true }, 300, 0, { exceeded: false, blocking: false }],
    ['over a hard budget on a first approval', { isHard: true }, 301, 0, { exceeded: true, blocking: true }],
    ['over a soft budget only warns', { isHard: false }, 301, 0, { exceeded: true, blocking: false }],
    [
      'a revision that asks less is let through',
      { isHard: true },
      350,
      400,
      { exceeded: true, blocking: false },
    ],
    [
      'a revision that asks as much is let through',
      { isHard: true },
      400,
      400,
      { exceeded: true, blocking: false },
    ],
    ['a revision that asks more is refused', { isHard: true }, 401, 400, { exceeded: true, blocking: true }],
  ] as const)('%s', (_name, b, cost, previous, expected) => {
    const items = checkPlan({
      budgets: [budget(b)],
      plan: [line({ committed: cost })],
      previous: previous ? [line({ committed: previous })] : [],
      others,
      parents,
    });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      committedByOthers: 700,
      thisPlan: cost,
      after: 700 + cost,
      ...expected,
    });
  });

  it('leaves out budgets the plan does not draw on', () => {
    const items = checkPlan({
      budgets: [budget({ id: 'dag', teamId: 'dag' }), budget({ id: 'usd', currency: 'USD' })],
      plan: [line({ committed: 5000 })],
      previous: [],
      others,
      parents,
    });
    expect(items).toEqual([]);
  });
});

describe('the budgets a plan may draw on', () => {
  it('are the organisation, the team and its parent, each with every source used, per year', () => {
    expect(
      candidateScopes(
        [line({ sourceId: 'vivo' }), line({ year: 2028, sourceId: null }), line({ sourceId: 'own' })],
        'linde',
        parents,
      ),
    ).toEqual({
      years: [2027, 2028],
      scopeKeys: [
        '-:-',
        '-:own',
        '-:vivo',
        'linde:-',
        'linde:own',
        'linde:vivo',
        'woon:-',
        'woon:own',
        'woon:vivo',
      ],
    });
    expect(candidateScopes([line({ sourceId: null })], null, parents)).toEqual({
      years: [2027],
      scopeKeys: ['-:-'],
    });
  });
});

describe('lines of a plan', () => {
  it('groups actions per year, source and currency and leaves cancelled ones out', () => {
    const action = {
      cost: 100,
      actualCost: null,
      currency: 'EUR',
      sourceId: 'vivo',
      status: 'planned',
      timing: { kind: 'date', date: '2027-05-01' } as const,
      actualStart: null,
      actualEnd: null,
    };
    const lines = linesOfActions(
      [
        action,
        { ...action, cost: 50 },
        { ...action, cost: null, timing: { kind: 'ongoing' } },
        { ...action, cost: 70, actualEnd: '2028-01-05' },
        { ...action, cost: 999, status: 'cancelled' },
      ],
      { periodStart: '2027-01-01', teamId: 'woon' },
    );
    expect(lines).toEqual([
      line({ committed: 150, actions: 3 }),
      line({ year: 2028, committed: 70, actions: 1 }),
    ]);
    expect(asPlanned(lines, -1)[0]).toMatchObject({ planned: -150, committed: 0 });
  });
});
