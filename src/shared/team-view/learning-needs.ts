import { searchKey } from '../text.js';

/**
 * The learning needs of a team ("doe-agenda leer- en leerplan plannen"): where development goals and actions are
 * planned per competency, and the needs grouped by theme so a manager can plan shared training. Pure: the service
 * decides what the caller may see and passes only that; these functions never widen it.
 */
export interface NeedsCompetency {
  id: string;
  name: string;
}

export interface NeedsPerson {
  id: string;
  name: string;
  /** The competencies of the person's function, in the order of the function profile. */
  functionCompetencyIds: readonly string[];
  /** The current plan the caller may open, if any. */
  planId: string | null;
  /** The caller may read the content (goals, actions) of the current plan. */
  contentVisible: boolean;
}

export interface NeedsGoal {
  id: string;
  personId: string;
  /** Null when the caller may not read the goal's title. */
  title: string | null;
  competencyId: string | null;
}

export interface NeedsAction {
  goalId: string;
  personId: string;
  type: string;
}

export interface NeedsTalkingPoint {
  personId: string;
  party: 'employee' | 'manager';
  text: string;
}

export interface MatrixCell {
  competencyId: string;
  inFunction: boolean;
  /** Null: the caller may not see this person's goals. */
  goals: number | null;
  actions: number | null;
}

export interface MatrixRow {
  personId: string;
  planId: string | null;
  cells: MatrixCell[];
}

export interface Matrix {
  competencies: NeedsCompetency[];
  rows: MatrixRow[];
  /** Per competency: how many people have a goal on it, and how many goals and actions there are. */
  totals: Array<{ competencyId: string; people: number; goals: number; actions: number }>;
}

/**
 * The columns are the competencies of the people's functions (in profile order, first seen first), then any other
 * competency a goal was linked to (by name). Cells count goals and actions per competency; a person whose content
 * the caller may not read gets empty cells. The totals count every goal passed in: the service passes the goals of
 * hidden plans (without titles) only to HR, who sees aggregates.
 */
export function buildMatrix(input: {
  people: readonly NeedsPerson[];
  goals: readonly NeedsGoal[];
  actions: readonly NeedsAction[];
  competencies: ReadonlyMap<string, string>;
}): Matrix {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const person of input.people)
    for (const id of person.functionCompetencyIds)
      if (!seen.has(id) && input.competencies.has(id)) {
        seen.add(id);
        columns.push(id);
      }
  const extra = [
    ...new Set(
      input.goals.flatMap((g) =>
        g.competencyId && !seen.has(g.competencyId) && input.competencies.has(g.competencyId)
          ? [g.competencyId]
          : [],
      ),
    ),
  ].sort((a, b) => (input.competencies.get(a) ?? '').localeCompare(input.competencies.get(b) ?? ''));
  columns.push(...extra);

  const goalCompetency = new Map(input.goals.map((g) => [g.id, g.competencyId]));
  const count = new Map<string, { goals: number; actions: number }>();
  const cellKey = (personId: string, competencyId: string) => `${personId}|${competencyId}`;
  const bump = (personId: string, competencyId: string, field: 'goals' | 'actions') => {
    const key = cellKey(personId, competencyId);
    const value = count.get(key) ?? { goals: 0, actions: 0 };
    value[field] += 1;
    count.set(key, value);
  };
  for (const goal of input.goals) if (goal.competencyId) bump(goal.personId, goal.competencyId, 'goals');
  for (const action of input.actions) {
    const competencyId = goalCompetency.get(action.goalId);
    if (competencyId) bump(action.personId, competencyId, 'actions');
  }

  const rows = input.people.map((person) => ({
    personId: person.id,
    planId: person.planId,
    cells: columns.map((competencyId) => {
      const value = count.get(cellKey(person.id, competencyId));
      return {
        competencyId,
        inFunction: person.functionCompetencyIds.includes(competencyId),
        goals: person.contentVisible ? (value?.goals ?? 0) : null,
        actions: person.contentVisible ? (value?.actions ?? 0) : null,
      };
    }),
  }));
  const totals = columns.map((competencyId) => {
    let people = 0;
    let goals = 0;
    let actions = 0;
    for (const person of input.people) {
      const value = count.get(cellKey(person.id, competencyId));
      if (!value) continue;
      if (value.goals > 0) people += 1;
      goals += value.goals;
      actions += value.actions;
    }
    return { competencyId, people, goals, actions };
  });
  return {
    competencies: columns.map((id) => ({ id, name: input.competencies.get(id) ?? '' })),
    rows,
    totals,
  };
}

export type ThemeKind = 'competency' | 'action_type' | 'open';

export interface ThemeItem {
  source: 'goal' | 'talking_point';
  text: string;
  personId: string;
  /** For talking points: whose point it is. */
  party: 'employee' | 'manager' | null;
}

export interface Theme {
  key: string;
  kind: ThemeKind;
  /** The competency id or the action type key; null for the open theme. */
  ref: string | null;
  /** Distinct people with a goal, action or talking point in this theme. */
  people: number;
  goals: number;
  actions: number;
  talkingPoints: number;
  /** What the caller may read: goal titles and talking points. */
  items: ThemeItem[];
}

/** Whether a talking point names a competency ("Vorming rond veerkracht" is about Veerkracht). */
export function competencyMentioned(text: string, competencies: ReadonlyMap<string, string>): string | null {
  const haystack = ` ${searchKey(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  let best: { id: string; length: number } | null = null;
  for (const [id, name] of competencies) {
    const needle = searchKey(name)
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
    if (needle.length < 3 || !haystack.includes(` ${needle} `)) continue;
    if (!best || needle.length > best.length) best = { id, length: needle.length };
  }
  return best?.id ?? null;
}

/**
 * Groups the learning needs by theme: a goal's theme is its competency, else the kinds of its actions; a talking
 * point's theme is the competency it names, else the open theme. Themes that more people share come first.
 */
export function groupThemes(input: {
  goals: readonly NeedsGoal[];
  actions: readonly NeedsAction[];
  talkingPoints: readonly NeedsTalkingPoint[];
  competencies: ReadonlyMap<string, string>;
  /** How a theme sorts among equals (the competency name or action type label). */
  labelOf: (kind: ThemeKind, ref: string | null) => string;
}): Theme[] {
  const themes = new Map<string, Theme & { peopleIds: Set<string> }>();
  const themeFor = (kind: ThemeKind, ref: string | null) => {
    const key = kind === 'open' ? 'open' : `${kind}:${ref}`;
    let theme = themes.get(key);
    if (!theme) {
      theme = {
        key,
        kind,
        ref,
        people: 0,
        goals: 0,
        actions: 0,
        talkingPoints: 0,
        items: [],
        peopleIds: new Set(),
      };
      themes.set(key, theme);
    }
    return theme;
  };
  const actionsOf = new Map<string, NeedsAction[]>();
  for (const action of input.actions) {
    const list = actionsOf.get(action.goalId) ?? [];
    list.push(action);
    actionsOf.set(action.goalId, list);
  }
  for (const goal of input.goals) {
    const actions = actionsOf.get(goal.id) ?? [];
    const targets: Array<{ theme: ReturnType<typeof themeFor>; actions: number }> = [];
    if (goal.competencyId)
      targets.push({ theme: themeFor('competency', goal.competencyId), actions: actions.length });
    else if (actions.length > 0) {
      const perType = new Map<string, number>();
      for (const action of actions) perType.set(action.type, (perType.get(action.type) ?? 0) + 1);
      for (const [type, n] of perType) targets.push({ theme: themeFor('action_type', type), actions: n });
    } else targets.push({ theme: themeFor('open', null), actions: 0 });
    for (const target of targets) {
      target.theme.goals += 1;
      target.theme.actions += target.actions;
      target.theme.peopleIds.add(goal.personId);
      if (goal.title !== null)
        target.theme.items.push({ source: 'goal', text: goal.title, personId: goal.personId, party: null });
    }
  }
  for (const point of input.talkingPoints) {
    const competencyId = competencyMentioned(point.text, input.competencies);
    const theme = competencyId ? themeFor('competency', competencyId) : themeFor('open', null);
    theme.talkingPoints += 1;
    theme.peopleIds.add(point.personId);
    theme.items.push({
      source: 'talking_point',
      text: point.text,
      personId: point.personId,
      party: point.party,
    });
  }
  return [...themes.values()]
    .map(({ peopleIds, ...theme }) => ({ ...theme, people: peopleIds.size }))
    .sort((a, b) => {
      if ((a.kind === 'open') !== (b.kind === 'open')) return a.kind === 'open' ? 1 : -1;
      if (a.people !== b.people) return b.people - a.people;
      const weight = (t: Theme) => t.goals + t.actions + t.talkingPoints;
      if (weight(a) !== weight(b)) return weight(b) - weight(a);
      return input.labelOf(a.kind, a.ref).localeCompare(input.labelOf(b.kind, b.ref));
    });
}
