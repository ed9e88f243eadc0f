import { describe, expect, it } from 'vitest';
import { buildMatrix, competencyMentioned, groupThemes, type NeedsPerson } from './learning-needs.js';

const competencies = new Map([
  ['c-res', 'Veerkracht'],
  ['c-com', 'Communicatie'],
  ['c-team', 'Samenwerken'],
  ['c-acc', 'Nauwkeurigheid'],
]);

const person = (id: string, over: Partial<NeedsPerson> = {}): NeedsPerson => ({
  id,
  name: id,
  functionCompetencyIds: ['c-res', 'c-com'],
  planId: `plan-${id}`,
  contentVisible: true,
  ...over,
});

describe('buildMatrix', () => {
  const people = [
    person('zoe'),
    person('noah', { functionCompetencyIds: ['c-com', 'c-team'] }),
    person('lotte', { contentVisible: false, planId: null }),
  ];
  const goals = [
    { id: 'g1', personId: 'zoe', title: 'Grenzen stellen', competencyId: 'c-res' },
    { id: 'g2', personId: 'zoe', title: 'Dossier', competencyId: 'c-acc' },
    { id: 'g3', personId: 'noah', title: 'Zorgplannen', competencyId: 'c-com' },
    { id: 'g4', personId: 'lotte', title: null, competencyId: 'c-res' },
    { id: 'g5', personId: 'noah', title: 'Zonder competentie', competencyId: null },
  ];
  const actions = [
    { goalId: 'g1', personId: 'zoe', type: 'training' },
    { goalId: 'g1', personId: 'zoe', type: 'internal_coaching' },
    { goalId: 'g3', personId: 'noah', type: 'on_the_job' },
    { goalId: 'g4', personId: 'lotte', type: 'education' },
    { goalId: 'g5', personId: 'noah', type: 'course' },
  ];
  const matrix = buildMatrix({ people, goals, actions, competencies });

  it('has the function competencies first, in profile order, then the other linked ones', () => {
    expect(matrix.competencies.map((c) => c.name)).toEqual([
      'Veerkracht',
      'Communicatie',
      'Samenwerken',
      'Nauwkeurigheid',
    ]);
  });

  it('counts goals and actions per person and competency, marking the function profile', () => {
    const zoe = matrix.rows.find((r) => r.personId === 'zoe');
    expect(zoe?.planId).toBe('plan-zoe');
    expect(zoe?.cells).toEqual([
      { competencyId: 'c-res', inFunction: true, goals: 1, actions: 2 },
      { competencyId: 'c-com', inFunction: true, goals: 0, actions: 0 },
      { competencyId: 'c-team', inFunction: false, goals: 0, actions: 0 },
      { competencyId: 'c-acc', inFunction: false, goals: 1, actions: 0 },
    ]);
  });

  it('leaves the cells of a hidden plan empty but counts it in the totals', () => {
    const lotte = matrix.rows.find((r) => r.personId === 'lotte');
    expect(lotte?.cells.map((c) => [c.goals, c.actions])).toEqual([
      [null, null],
      [null, null],
      [null, null],
      [null, null],
    ]);
    expect(matrix.totals[0]).toEqual({ competencyId: 'c-res', people: 2, goals: 2, actions: 3 });
  });

  it('is empty without people', () => {
    expect(buildMatrix({ people: [], goals: [], actions: [], competencies })).toEqual({
      competencies: [],
      rows: [],
      totals: [],
    });
  });
});

describe('competencyMentioned', () => {
  it.each([
    ['Vorming rond veerkracht', 'c-res'],
    ['Betere COMMUNICATIE met familie', 'c-com'],
    ['Samenwerken, vooral in het weekend', 'c-team'],
    ['Veerkrachtig blijven', null],
    ['Vorming over autisme', null],
  ])('%s', (text, expected) => {
    expect(competencyMentioned(text, competencies)).toBe(expected);
  });

  it('ignores accents on both sides', () => {
    expect(competencyMentioned('Clientgerichtheid', new Map([['x', 'Cliëntgerichtheid']]))).toBe('x');
  });
});

describe('groupThemes', () => {
  const labelOf = (_kind: string, ref: string | null) => competencies.get(ref ?? '') ?? ref ?? '';
  it('groups goals by competency, else by the kinds of their actions; talking points by the competency they name', () => {
    const themes = groupThemes({
      goals: [
        { id: 'g1', personId: 'zoe', title: 'Grenzen stellen bij agressie', competencyId: 'c-res' },
        { id: 'g2', personId: 'thomas', title: 'Omgaan met conflicten', competencyId: 'c-res' },
        { id: 'g3', personId: 'noah', title: 'Zorgplannen', competencyId: null },
        { id: 'g4', personId: 'lotte', title: null, competencyId: 'c-res' },
        { id: 'g5', personId: 'anais', title: 'Zonder acties', competencyId: null },
      ],
      actions: [
        { goalId: 'g1', personId: 'zoe', type: 'training' },
        { goalId: 'g3', personId: 'noah', type: 'on_the_job' },
        { goalId: 'g3', personId: 'noah', type: 'course' },
        { goalId: 'g3', personId: 'noah', type: 'course' },
      ],
      talkingPoints: [
        { personId: 'anais', party: 'employee', text: 'Vorming over autisme' },
        { personId: 'anais', party: 'manager', text: 'Veerkracht bij nachtdiensten' },
      ],
      competencies,
      labelOf,
    });
    expect(themes.map((t) => [t.key, t.people, t.goals, t.actions, t.talkingPoints])).toEqual([
      ['competency:c-res', 4, 3, 1, 1],
      ['action_type:course', 1, 1, 2, 0],
      ['action_type:on_the_job', 1, 1, 1, 0],
      ['open', 1, 1, 0, 1],
    ]);
    const resilience = themes[0];
    expect(resilience?.items).toEqual([
      { source: 'goal', text: 'Grenzen stellen bij agressie', personId: 'zoe', party: null },
      { source: 'goal', text: 'Omgaan met conflicten', personId: 'thomas', party: null },
      { source: 'talking_point', text: 'Veerkracht bij nachtdiensten', personId: 'anais', party: 'manager' },
    ]);
    expect(themes.at(-1)?.items.map((i) => i.text)).toEqual(['Zonder acties', 'Vorming over autisme']);
  });

  it('is empty without needs', () => {
    expect(groupThemes({ goals: [], actions: [], talkingPoints: [], competencies, labelOf })).toEqual([]);
  });
});
