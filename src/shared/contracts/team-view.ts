import { z } from 'zod';
import { phases } from '../pop/phases.js';
import { actionStatuses, parties } from '../pop/vocabulary.js';
import { nextDateKinds, overdueKinds } from '../team-view/schedule.js';
import { id } from './common.js';

/**
 * The manager's team view: the people one leads with where their POP stands, the team's learning needs and the
 * figures behind its charts. HR sees any team of the organisation: phase, dates and counts always, content only
 * when the organisation allows it. Preparations never travel here: only whether the employee shared theirs, and
 * the talking points the caller may read on the plan itself.
 */
export const teamViewQuery = z.strictObject({
  /** One team; without it a manager sees everyone they lead and HR the first team of the organisation. */
  teamId: id.optional(),
});
export type TeamViewQuery = z.infer<typeof teamViewQuery>;

const ref = z.object({ id, name: z.string() });

export const teamViewPlan = z.object({
  /** Null when the caller may not open the plan page. */
  id: id.nullable(),
  phase: z.enum(phases),
  cancelled: z.boolean(),
  disputed: z.boolean(),
  revisionOpen: z.boolean(),
  /** Who still has to approve the (revised) POP. */
  awaitingApprovalOf: z.array(z.enum(parties)),
  periodStart: z.string(),
  periodEnd: z.string(),
  conversationAt: z.string().nullable(),
  /** Whether the employee shared their preparation: a fact the manager may know, never its content. */
  employeeShared: z.boolean(),
  managerShared: z.boolean(),
  /** The caller reads the plan's goals and actions. */
  contentVisible: z.boolean(),
  /** Counts: null for a manager who is not a party of this plan (HR always sees counts). */
  goals: z.number().nullable(),
  actions: z.number().nullable(),
  actionsDone: z.number().nullable(),
});

export const teamViewPerson = z.object({
  id,
  name: z.string(),
  function: ref.nullable(),
  team: ref.nullable(),
  plan: teamViewPlan.nullable(),
  nextDate: z.object({ kind: z.enum(nextDateKinds), date: z.string() }).nullable(),
  overdue: z.array(z.object({ kind: z.enum(overdueKinds), date: z.string(), count: z.number() })),
});
export type TeamViewPerson = z.infer<typeof teamViewPerson>;

export const teamViewMatrix = z.object({
  competencies: z.array(ref),
  rows: z.array(
    z.object({
      personId: id,
      planId: id.nullable(),
      cells: z.array(
        z.object({
          competencyId: id,
          inFunction: z.boolean(),
          /** Null: the caller may not see this person's goals. */
          goals: z.number().nullable(),
          actions: z.number().nullable(),
        }),
      ),
    }),
  ),
  totals: z.array(z.object({ competencyId: id, people: z.number(), goals: z.number(), actions: z.number() })),
});

export const teamViewTheme = z.object({
  key: z.string(),
  kind: z.enum(['competency', 'action_type', 'open']),
  /** The competency id or the action type key. */
  ref: z.string().nullable(),
  /** The competency or the organisation's own kind of action by name; built-in kinds are named by the catalogue. */
  label: z.string().nullable(),
  people: z.number(),
  goals: z.number(),
  actions: z.number(),
  talkingPoints: z.number(),
  items: z.array(
    z.object({
      source: z.enum(['goal', 'talking_point']),
      text: z.string(),
      personId: id,
      personName: z.string(),
      party: z.enum(parties).nullable(),
      planId: id.nullable(),
    }),
  ),
});
export type TeamViewTheme = z.infer<typeof teamViewTheme>;

export const teamViewResponse = z.object({
  /** The organisation's calendar day the dates were computed for. */
  today: z.string(),
  /** The team shown, or null for everyone the caller leads. */
  teamId: id.nullable(),
  /** The teams the caller may choose from (led teams; every active team for HR). */
  teams: z.array(ref),
  /** The caller leads people directly or through a team: the "everyone I lead" choice exists. */
  leadsPeople: z.boolean(),
  /** HR looking at a team whose plan content the organisation keeps from HR. */
  contentHidden: z.boolean(),
  people: z.array(teamViewPerson),
  matrix: teamViewMatrix,
  themes: z.array(teamViewTheme),
  charts: z.object({
    /** Current plans per phase; stopped plans are left out. */
    phases: z.array(z.object({ phase: z.enum(phases), count: z.number() })),
    withoutPlan: z.number(),
    actionStatuses: z.array(z.object({ status: z.enum(actionStatuses), count: z.number() })),
    quarters: z.array(
      z.object({
        year: z.number(),
        quarter: z.number(),
        hours: z.number(),
        cost: z.number(),
        actions: z.number(),
      }),
    ),
  }),
});
export type TeamView = z.infer<typeof teamViewResponse>;
