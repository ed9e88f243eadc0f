import { describe, expect, it } from 'vitest';
import {
  emptyDraft,
  emptyFigures,
  type FigureInput,
  groupFigures,
  headcounts,
  namedRows,
  round2,
  targetGroupRows,
  timeline,
  typeRows,
} from './training-plan.domain.js';

const row = (
  dim: FigureInput['dim'],
  k1: string | null,
  agreed: boolean,
  actions: number,
  k2: string | null = null,
): FigureInput => ({
  dim,
  k1,
  k2,
  agreed,
  actions,
  done: 1,
  hours: 0.1 + 0.2,
  actualHours: 1,
  cost: 10.005,
  actualCost: 5,
  people: 2,
  peopleDone: 1,
});

describe('groupFigures', () => {
  it('puts agreed plans under planned and the rest under preparation, per key of one dimension', () => {
    const groups = groupFigures(
      [
        row('team', 't1', true, 3),
        row('team', 't1', false, 2),
        row('team', null, true, 1),
        row('gender', 'x', true, 9),
      ],
      'team',
    );
    expect([...groups.keys()]).toEqual(['t1', '']);
    expect(groups.get('t1')).toEqual({
      planned: {
        actions: 3,
        actionsDone: 1,
        plannedHours: 0.3,
        actualHours: 1,
        plannedCost: round2(10.005),
        actualCost: 5,
        peopleReached: 2,
        peopleFollowed: 1,
      },
      preparation: { actions: 2, hours: 0.3, cost: round2(10.005), people: 2 },
    });
    expect(groups.get('')?.preparation).toEqual(emptyDraft());
  });

  it('keys kinds of action by kind and formal/informal', () => {
    const groups = groupFigures(
      [row('type', 'course', true, 1, 'formal'), row('type', 'course', true, 1, 'informal')],
      'type',
    );
    expect([...groups.keys()]).toEqual(['course|formal', 'course|informal']);
    const rows = typeRows(groups, (key) => ({ key, label: key === 'course' ? 'Vorming' : key, order: 0 }));
    expect(rows.map((r) => [r.key, r.isFormal])).toEqual([
      ['course', true],
      ['course', false],
    ]);
  });
});

describe('headcounts', () => {
  const people = [
    { teamId: 'a', functionId: 'f', riskGroup: true, gender: 'female', count: 2 },
    { teamId: 'a', functionId: 'g', riskGroup: false, gender: null, count: 3 },
    { teamId: null, functionId: 'f', riskGroup: false, gender: 'other', count: 1 },
  ];
  it.each([
    [{}, 6, { yes: 2, no: 4 }, { female: 2, unknown: 4 }],
    [{ teamId: 'a' }, 5, { yes: 2, no: 3 }, { female: 2, unknown: 3 }],
    [{ functionId: 'f' }, 3, { yes: 2, no: 1 }, { female: 2, unknown: 1 }],
    [{ teamId: 'a', functionId: 'g' }, 3, { no: 3 }, { unknown: 3 }],
  ])('within %j', (filter, total, risk, gender) => {
    const result = headcounts(people, filter);
    expect(result.total).toBe(total);
    expect(Object.fromEntries(result.byRisk)).toEqual(risk);
    expect(Object.fromEntries(result.byGender)).toEqual(gender);
  });
});

describe('namedRows and targetGroupRows', () => {
  it('list teams with people or actions by name, "no team" last, and every target group', () => {
    const groups = groupFigures([row('team', 'b', true, 1), row('team', null, true, 1)], 'team');
    const rows = namedRows(
      'teamId',
      groups,
      new Map([
        ['a', 4],
        ['b', 2],
      ]),
      new Map([
        ['a', 'Woonbegeleiding'],
        ['b', 'Atelier'],
      ]),
    );
    expect(rows.map((r) => [r.teamId, r.name, r.headcount, r.planned.actions])).toEqual([
      ['b', 'Atelier', 2, 1],
      ['a', 'Woonbegeleiding', 4, 0],
      [null, null, 0, 1],
    ]);
    const groupsOf = targetGroupRows({ risk: new Map(), gender: new Map(), workforce: headcounts([], {}) });
    expect(groupsOf.riskGroup.map((r) => r.group)).toEqual(['yes', 'no']);
    expect(groupsOf.gender.map((r) => [r.group, r.headcount, r.planned])).toEqual([
      ['female', 0, emptyFigures()],
      ['male', 0, emptyFigures()],
      ['x', 0, emptyFigures()],
      ['unknown', 0, emptyFigures()],
    ]);
  });
});

describe('timeline', () => {
  it('dates every step, with what was recorded', () => {
    const tasks = timeline(
      2028,
      'works_council',
      [
        {
          key: 'advice',
          doneAt: '2028-03-10T10:00:00.000Z',
          doneBy: 'Sofie Maes',
          note: 'OR 10/3',
          version: 2,
        },
      ],
      '2028-03-20',
    );
    expect(tasks).toEqual([
      {
        key: 'draft_to_council',
        dueDate: '2028-02-29',
        applies: true,
        done: false,
        doneAt: null,
        doneBy: null,
        note: null,
        overdue: true,
        version: 0,
      },
      {
        key: 'advice',
        dueDate: '2028-03-15',
        applies: true,
        done: true,
        doneAt: '2028-03-10T10:00:00.000Z',
        doneBy: 'Sofie Maes',
        note: 'OR 10/3',
        overdue: false,
        version: 2,
      },
      {
        key: 'final',
        dueDate: '2028-03-31',
        applies: true,
        done: false,
        doneAt: null,
        doneBy: null,
        note: null,
        overdue: false,
        version: 0,
      },
    ]);
    expect(timeline(2028, 'none', [], '2028-04-01').map((t) => [t.applies, t.overdue])).toEqual([
      [false, false],
      [false, false],
      [true, true],
    ]);
  });
});
