import type { Insertable } from 'kysely';
import type {
  ActionCommentTable,
  ActionRow,
  ActionTable,
  EvaluationTable,
  FollowUpEntryTable,
  FollowUpRow,
  FollowUpTable,
  GoalRow,
  GoalTable,
  PlanRow,
  PlanTable,
  PlanVersionTable,
  PreparationTable,
  TalkingPointTable,
} from '../../../src/server/db/schema.js';
import { snapshotOf } from '../../../src/server/modules/plans/plan-rows.mapper.js';
import { builtInActionTypes } from '../../../src/shared/pop/action-types.js';
import type { Phase } from '../../../src/shared/pop/phases.js';
import type { Timing } from '../../../src/shared/pop/timing.js';
import type { Generator, PersonInfo, SeedContext } from '../context.js';
import type { Prng } from '../prng.js';
import * as words from '../words.js';

const pad = (n: number) => String(n).padStart(2, '0');
const DAY = 86_400_000;

/** Dates inside one plan year, never after `today`: fraction 0 is 2 January, 1 is the year's last day (or today). */
function yearClock(year: number, today: string) {
  const start = Date.UTC(year, 0, 2);
  const yearEnd = Date.UTC(year, 11, 31);
  const limit = Math.min(yearEnd, Date.parse(`${today}T00:00:00Z`));
  const end = Math.max(start + DAY, limit);
  const at = (fraction: number) => start + Math.floor(Math.min(1, Math.max(0, fraction)) * (end - start));
  return {
    date: (fraction: number) => new Date(at(fraction)).toISOString().slice(0, 10),
    timestamp: (fraction: number, hour = 10) =>
      `${new Date(at(fraction)).toISOString().slice(0, 10)}T${pad(hour)}:${pad((Math.floor(fraction * 997) % 4) * 15)}:00.000Z`,
    /** A date anywhere in the calendar year, also after today (targets, planned timings). */
    inYear: (fraction: number) =>
      new Date(Date.UTC(year, 0, 1) + Math.floor(Math.min(0.999, fraction) * 365 * DAY))
        .toISOString()
        .slice(0, 10),
  };
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

interface PlanRows {
  plans: Insertable<PlanTable>[];
  preparations: Insertable<PreparationTable>[];
  evaluations: Insertable<EvaluationTable>[];
  talkingPoints: Insertable<TalkingPointTable>[];
  goals: Insertable<GoalTable>[];
  actions: Insertable<ActionTable>[];
  comments: Insertable<ActionCommentTable>[];
  followUps: Insertable<FollowUpTable>[];
  entries: Insertable<FollowUpEntryTable>[];
  versions: Insertable<PlanVersionTable>[];
}

const emptyRows = (): PlanRows => ({
  plans: [],
  preparations: [],
  evaluations: [],
  talkingPoints: [],
  goals: [],
  actions: [],
  comments: [],
  followUps: [],
  entries: [],
  versions: [],
});

/** How a plan of the bench team, or the bench employee's own, must look whatever the dice say. */
interface PlanShape {
  phase: Phase;
  goals?: number;
  actionsPerGoal?: number;
  followUps?: number;
  versions?: number;
}

const actionTypeWeights = [
  ['training', 25],
  ['course', 15],
  ['education', 5],
  ['external_coaching', 4],
  ['internal_coaching', 12],
  ['job_rotation', 4],
  ['learning_network', 6],
  ['on_the_job', 15],
  ['self_study', 12],
  ['other', 2],
] as const;
const formalTypes = new Set<string>(builtInActionTypes.filter((t) => t.isFormal).map((t) => t.key));

function timingFor(rng: Prng, year: number, inYear: (f: number) => string): Timing {
  const kind = rng.weighted([
    ['quarter', 50],
    ['date', 20],
    ['range', 15],
    ['ongoing', 15],
  ] as const);
  switch (kind) {
    case 'quarter':
      return { kind, year, quarter: rng.int(1, 4) as 1 | 2 | 3 | 4 };
    case 'date':
      return { kind, date: inYear(0.1 + rng.next() * 0.85) };
    case 'range': {
      const from = 0.1 + rng.next() * 0.6;
      return { kind, from: inYear(from), to: inYear(from + 0.05 + rng.next() * 0.25) };
    }
    default:
      return { kind: 'ongoing' };
  }
}

/**
 * plans, preparations, evaluations, talking_points, goals, actions, action_comments, follow_ups, follow_up_entries,
 * plan_versions: five yearly POPs per person (fewer for recent hires), the older ones closed after their evaluation,
 * this year's spread over the phases. Written per chunk of people, one transaction per chunk.
 */
export const plansGenerator: Generator = {
  name: 'plans',
  async run(ctx: SeedContext) {
    const rng = ctx.rng.fork('plans');
    const competencyName = new Map(ctx.competencies.map((c) => [c.id, c.name]));
    const functionCompetencies = new Map(ctx.functions.map((f) => [f.id, f.competencyIds]));
    const templateOf = (party: 'employee' | 'manager') => {
      const template = ctx.templates.find((t) => t.party === party);
      if (!template) throw new Error(`default ${party} template missing`);
      return template;
    };
    const employeeTemplate = templateOf('employee');
    const managerTemplate = templateOf('manager');
    const formalSources = ctx.fundingSources.map((s) => s.id);

    // The bench team's plans this year: 3 in voorbereiding, 13 in gesprek with 5-6 goals (the write benchmark
    // saves goals there), 5 approved, 3 in evaluatie; the bench employee's plan is a full one.
    const benchShapes: PlanShape[] = [
      ...Array.from({ length: 3 }, () => ({ phase: 'preparation' as const, goals: 2 })),
      ...Array.from({ length: 13 }, (_, i) => ({ phase: 'conversation' as const, goals: 5 + (i % 2) })),
      ...Array.from({ length: 5 }, () => ({ phase: 'approved' as const })),
      ...Array.from({ length: 3 }, () => ({ phase: 'evaluation' as const })),
    ];
    const fullShape: PlanShape = {
      phase: 'approved',
      goals: 5,
      actionsPerGoal: 3,
      followUps: 3,
      versions: 3,
    };
    let benchIndex = 0;

    const currentPhase = (): Phase =>
      rng.weighted([
        ['preparation', 10],
        ['conversation', 15],
        ['approved', 50],
        ['evaluation', 20],
        ['closed', 5],
      ] as const);

    function generate(person: PersonInfo, rows: PlanRows) {
      if (!person.managerId) return; // the CEO has no manager to hold a POP with
      const startYear = Number(person.startDate.slice(0, 4));
      let previous: { id: string; goals: Insertable<GoalTable>[] } | null = null;
      for (let year = Math.max(ctx.year - 4, startYear); year <= ctx.year; year++) {
        const isCurrent = year === ctx.year;
        let shape: PlanShape;
        if (isCurrent && person.bench === 'employee') shape = fullShape;
        else if (isCurrent && person.teamId === ctx.bench.benchTeamId)
          shape = benchShapes[benchIndex++ % benchShapes.length] as PlanShape;
        else if (isCurrent) shape = { phase: currentPhase() };
        else {
          if (rng.chance(0.04)) continue; // a year without a POP
          shape = { phase: 'closed' };
        }
        previous = generatePlan(person, year, shape, previous, rows);
        if (isCurrent && person.teamId === ctx.bench.benchTeamId) {
          if (person.bench === 'employee') ctx.bench.fullPlanId = previous.id;
          else if (shape.phase === 'preparation' || shape.phase === 'conversation')
            ctx.bench.writablePlanIds.push(previous.id);
        }
      }
    }

    function generatePlan(
      person: PersonInfo,
      year: number,
      shape: PlanShape,
      previous: { id: string; goals: Insertable<GoalTable>[] } | null,
      rows: PlanRows,
    ): { id: string; goals: Insertable<GoalTable>[] } {
      const clock = yearClock(year, ctx.today);
      const org = ctx.organisationId;
      const id = rng.uuid();
      const phase = shape.phase;
      const cancelled = phase === 'closed' && rng.chance(0.03);
      const isAgreed = phase === 'approved' || phase === 'evaluation' || (phase === 'closed' && !cancelled);
      const isPastPreparation = phase !== 'preparation';
      const created = clock.timestamp(0.01 + rng.next() * 0.05, 8);
      const conversationAt =
        phase === 'preparation'
          ? `${addDays(ctx.today, rng.int(4, 30))}T${pad(rng.int(8, 16))}:00:00.000Z`
          : clock.timestamp(0.08 + rng.next() * 0.1, rng.int(8, 16));
      const approvedAt = isAgreed ? clock.timestamp(0.2 + rng.next() * 0.05, 15) : null;
      const versionCount = isAgreed
        ? (shape.versions ??
          rng.weighted([
            [1, 80],
            [2, 17],
            [3, 3],
          ] as const))
        : 0;
      const evaluationComplete = phase === 'closed' ? !cancelled : phase === 'evaluation' && rng.chance(0.3);
      const disagreement = phase === 'conversation' && rng.chance(0.05);
      const plan: Insertable<PlanTable> = {
        id,
        organisation_id: org,
        employee_id: person.id,
        manager_id: person.managerId as string,
        period_start: `${year}-01-01`,
        period_end: `${year}-12-31`,
        phase,
        conversation_at: conversationAt,
        employee_approved_at: approvedAt,
        manager_approved_at: approvedAt,
        disagreement: disagreement ? 1 : 0,
        disagreement_comment: disagreement
          ? 'Ik ben het niet eens met de timing van de opleiding: die valt midden in de drukste periode.'
          : null,
        revision_open: 0,
        evaluation_complete: evaluationComplete ? 1 : 0,
        cancelled: cancelled ? 1 : 0,
        approved_version: versionCount,
        previous_plan_id: previous?.id ?? null,
        requested_by: rng.weighted([
          ['manager', 70],
          ['hr', 25],
          ['employee', 5],
        ] as const),
        facilities: isAgreed ? words.facilitiesText(rng) : null,
        evaluation_date: isPastPreparation ? clock.inYear(0.85 + rng.next() * 0.12) : null,
        conversation_notes: isPastPreparation ? words.conversationNotesText(rng) : '{}',
        closed_at: phase === 'closed' ? clock.timestamp(0.93 + rng.next() * 0.06, 16) : null,
        created_at: created,
        updated_at: phase === 'closed' ? clock.timestamp(0.99, 17) : created,
        version: 3 + versionCount * 3 + rng.int(0, 6),
      };
      rows.plans.push(plan);

      // Preparations (each party's copy of its form) and the two evaluation rows every plan gets at its start.
      for (const [party, template] of [
        ['employee', employeeTemplate],
        ['manager', managerTemplate],
      ] as const) {
        const shared = isPastPreparation || rng.chance(party === 'employee' ? 0.5 : 0.3);
        const answered = shared || rng.chance(0.5);
        const answers = answered
          ? Object.fromEntries(
              rng
                .sample(template.questionIds, rng.int(2, Math.min(5, template.questionIds.length)))
                .map((q) => [q, words.answerText(rng)]),
            )
          : {};
        rows.preparations.push({
          id: rng.uuid(),
          organisation_id: org,
          plan_id: id,
          party,
          template_id: template.id,
          template_name: template.name,
          questions: template.questionsJson,
          answers: JSON.stringify(answers),
          shared_at: shared ? clock.timestamp(0.05 + rng.next() * 0.03, 20) : null,
          created_at: created,
          updated_at: created,
          version: answered ? rng.int(2, 8) : 1,
        });
        for (let i = 0, n = rng.int(0, 2); i < n; i++)
          rows.talkingPoints.push({
            id: rng.uuid(),
            organisation_id: org,
            plan_id: id,
            party,
            text: words.talkingPointText(rng),
            position: i,
            created_at: created,
            updated_at: created,
          });
        const submitted =
          phase === 'closed' ? !cancelled : phase === 'evaluation' && (evaluationComplete || rng.chance(0.5));
        rows.evaluations.push({
          id: rng.uuid(),
          organisation_id: org,
          plan_id: id,
          party,
          goals_reached: submitted ? words.evaluationText(rng) : null,
          effect_on_functioning: submitted ? words.evaluationText(rng) : null,
          effect_on_career: submitted && rng.chance(0.7) ? words.evaluationText(rng) : null,
          submitted_at: submitted ? clock.timestamp(0.9 + rng.next() * 0.03, 11) : null,
          created_at: created,
          updated_at: submitted ? clock.timestamp(0.93, 11) : created,
        });
      }

      // Goals and their actions.
      const goalCount =
        shape.goals ??
        (phase === 'preparation'
          ? rng.chance(0.3)
            ? rng.int(1, 2)
            : 0
          : rng.weighted([
              [1, 10],
              [2, 25],
              [3, 30],
              [4, 20],
              [5, 15],
            ] as const));
      const evaluated = phase === 'closed' ? !cancelled : phase === 'evaluation' && rng.chance(0.5);
      const competencies = functionCompetencies.get(person.functionId) ?? [];
      const carried = previous?.goals.find((g) => g.evaluation_result !== 'reached');
      const planGoals: Insertable<GoalTable>[] = [];
      const planActions: Insertable<ActionTable>[] = [];
      for (let g = 0; g < goalCount; g++) {
        const text = words.goalText(rng);
        const carry = g === 0 && carried && rng.chance(0.25) ? carried : undefined;
        const goal: Insertable<GoalTable> = {
          id: rng.uuid(),
          organisation_id: org,
          plan_id: id,
          position: g,
          title: carry ? carry.title : text.title,
          description: text.description,
          reason: text.reason,
          organisation_goal: text.organisationGoal,
          competency_id: competencies.length > 0 && rng.chance(0.7) ? rng.pick(competencies) : null,
          priority: rng.weighted([
            ['high', 30],
            ['medium', 50],
            ['low', 20],
          ] as const),
          horizon: rng.weighted([
            ['short', 45],
            ['medium', 40],
            ['long', 15],
          ] as const),
          target_date: clock.inYear(0.25 + rng.next() * 0.7),
          measure: text.measure,
          confirm_specific: isPastPreparation ? 1 : 0,
          confirm_measurable: isPastPreparation && rng.chance(0.9) ? 1 : 0,
          confirm_realistic: isPastPreparation ? 1 : 0,
          confirm_time_bound: isPastPreparation && rng.chance(0.9) ? 1 : 0,
          acceptable_by_employee: isAgreed ? 1 : 0,
          acceptable_by_manager: isAgreed ? 1 : 0,
          carried_from_goal_id: carry ? (carry.id as string) : null,
          evaluation_result: evaluated
            ? rng.weighted([
                ['reached', 60],
                ['partly', 30],
                ['not_reached', 10],
              ] as const)
            : null,
          evaluation_note: evaluated && rng.chance(0.4) ? words.evaluationText(rng) : null,
          created_at: clock.timestamp(0.12 + rng.next() * 0.05),
          updated_at: clock.timestamp(0.2),
          version: rng.int(1, 6),
        };
        planGoals.push(goal);
        const actionCount =
          shape.actionsPerGoal ??
          rng.weighted([
            [1, 30],
            [2, 40],
            [3, 30],
          ] as const);
        for (let a = 0; a < actionCount; a++) {
          const type = rng.weighted(actionTypeWeights);
          const isFormal = formalTypes.has(type);
          const timing = timingFor(rng, year, clock.inYear);
          const hours = isFormal ? rng.int(4, 40) : rng.chance(0.7) ? rng.int(1, 16) : null;
          const cost = isFormal ? rng.int(8, 180) * 10 : rng.chance(0.2) ? rng.int(2, 30) * 10 : null;
          const status =
            phase === 'closed'
              ? cancelled
                ? rng.pick(['planned', 'cancelled'] as const)
                : rng.weighted([
                    ['done', 75],
                    ['cancelled', 8],
                    ['postponed', 7],
                    ['in_progress', 10],
                  ] as const)
              : phase === 'evaluation'
                ? rng.weighted([
                    ['done', 65],
                    ['in_progress', 20],
                    ['planned', 10],
                    ['postponed', 5],
                  ] as const)
                : phase === 'approved'
                  ? rng.weighted([
                      ['done', 40],
                      ['in_progress', 30],
                      ['planned', 30],
                    ] as const)
                  : 'planned';
          const isDone = status === 'done';
          const actualStart = isDone ? clock.date(0.25 + rng.next() * 0.4) : null;
          const text = words.actionText(rng);
          planActions.push({
            id: rng.uuid(),
            organisation_id: org,
            plan_id: id,
            goal_id: goal.id as string,
            position: a,
            type,
            description: text.description,
            provider: text.provider,
            timing: JSON.stringify(timing),
            hours,
            cost,
            currency: 'EUR',
            is_formal: isFormal ? 1 : 0,
            funding: isFormal && rng.chance(0.3) ? 'Via het vormingsbudget van de afdeling' : null,
            funding_source_id: isFormal && rng.chance(0.6) ? rng.pick(formalSources) : null,
            counts_for_training_right: rng.chance(0.95) ? 1 : 0,
            support_time: rng.chance(0.35) ? words.supportText(rng, 'time') : null,
            support_budget: isFormal && rng.chance(0.4) ? words.supportText(rng, 'budget') : null,
            support_logistics: rng.chance(0.1) ? words.supportText(rng, 'logistics') : null,
            support_coach: rng.chance(0.15) ? words.supportText(rng, 'coach') : null,
            follow_up: rng.chance(0.7) ? words.followUpText(rng) : null,
            status,
            actual_hours:
              isDone && hours !== null ? Math.max(1, Math.round(hours * (0.8 + rng.next() * 0.4))) : null,
            actual_cost: isDone && cost !== null ? Math.round(cost * (0.9 + rng.next() * 0.2)) : null,
            actual_start: actualStart,
            actual_end: actualStart
              ? rng.chance(0.6)
                ? actualStart
                : addDays(actualStart, rng.int(1, 60))
              : null,
            certificate_note: isDone && isFormal && rng.chance(0.5) ? words.certificateNote(rng) : null,
            carried_from_action_id: null,
            created_at: goal.created_at,
            updated_at: goal.updated_at,
            version: isDone ? rng.int(2, 5) : rng.int(1, 3),
          });
        }
      }
      rows.goals.push(...planGoals);
      rows.actions.push(...planActions);
      for (const action of planActions) {
        if (!rng.chance(0.15)) continue;
        rows.comments.push({
          id: rng.uuid(),
          organisation_id: org,
          plan_id: id,
          action_id: action.id as string,
          author_id: rng.chance(0.5) ? person.id : person.managerId,
          text: rng.pick([
            'Ik heb me ingeschreven voor de sessie van maart.',
            'Graag het attest na afloop bezorgen aan de personeelsdienst.',
            'De opleiding is verplaatst naar het volgende kwartaal.',
            'Goed idee, ik plan de tijd in het uurrooster.',
          ]),
          created_at: clock.timestamp(0.3 + rng.next() * 0.3, 13),
        });
      }

      // Opvolgingsmomenten and the state of every goal at each one that was held.
      const followUpCount =
        shape.followUps ??
        (phase === 'closed' && !cancelled
          ? rng.int(1, 2)
          : phase === 'evaluation'
            ? rng.int(1, 2)
            : phase === 'approved'
              ? 2
              : 0);
      const planFollowUps: Insertable<FollowUpTable>[] = [];
      for (let f = 0; f < followUpCount; f++) {
        const fraction = 0.4 + (0.45 * (f + 1)) / (followUpCount + 1);
        const plannedDate = clock.inYear(fraction);
        const held = plannedDate <= ctx.today && !(phase === 'approved' && f === followUpCount - 1);
        const followUpId = rng.uuid();
        planFollowUps.push({
          id: followUpId,
          organisation_id: org,
          plan_id: id,
          planned_date: plannedDate,
          held_at: held ? `${plannedDate}T14:00:00.000Z` : null,
          notes: held && rng.chance(0.5) ? words.progressText(rng) : null,
          created_at: clock.timestamp(0.22),
          updated_at: held ? `${plannedDate}T15:00:00.000Z` : clock.timestamp(0.22),
          version: held ? 2 : 1,
        });
        if (!held) continue;
        for (const goal of planGoals) {
          const state = rng.weighted([
            ['on_track', 50],
            ['delayed', 20],
            ['adjusted', 15],
            ['reached', 10],
            ['stopped', 5],
          ] as const);
          rows.entries.push({
            id: rng.uuid(),
            organisation_id: org,
            plan_id: id,
            follow_up_id: followUpId,
            goal_id: goal.id as string,
            state,
            progress: words.progressText(rng),
            acceleration: state === 'delayed' ? words.accelerationText(rng) : null,
            expectations: rng.chance(0.5) ? words.expectationText(rng) : null,
            notes: rng.chance(0.3) ? words.progressText(rng) : null,
            created_at: `${plannedDate}T14:30:00.000Z`,
            updated_at: `${plannedDate}T14:30:00.000Z`,
          });
        }
      }
      rows.followUps.push(...planFollowUps);

      // Approved versions: the last one holds the content as it stands; an earlier one lacks the last goal.
      for (let v = 1; v <= versionCount; v++) {
        const goalsOfVersion =
          v === versionCount ? planGoals : planGoals.slice(0, Math.max(1, planGoals.length - 1));
        const snapshot = snapshotOf(
          plan as PlanRow,
          goalsOfVersion.map((g) => ({
            ...(g as GoalRow),
            competency_name: g.competency_id ? (competencyName.get(g.competency_id) ?? null) : null,
          })),
          planActions as ActionRow[],
          planFollowUps as FollowUpRow[],
        );
        const at = clock.timestamp(0.2 + (0.5 * (v - 1)) / versionCount, 15);
        rows.versions.push({
          id: rng.uuid(),
          organisation_id: org,
          plan_id: id,
          number: v,
          snapshot: JSON.stringify(snapshot),
          employee_approved_at: at,
          manager_approved_at: at,
          created_at: at,
        });
      }
      return { id, goals: planGoals };
    }

    const chunkSize = 250;
    for (let start = 0; start < ctx.people.length; start += chunkSize) {
      const rows = emptyRows();
      for (const person of ctx.people.slice(start, start + chunkSize)) generate(person, rows);
      await ctx.db.transaction().execute(async (trx) => {
        const w = ctx.writer;
        await w.insert(trx, 'plans', rows.plans);
        await w.insert(trx, 'preparations', rows.preparations);
        await w.insert(trx, 'evaluations', rows.evaluations);
        await w.insert(trx, 'talking_points', rows.talkingPoints);
        await w.insert(trx, 'goals', rows.goals);
        await w.insert(trx, 'actions', rows.actions);
        await w.insert(trx, 'action_comments', rows.comments);
        await w.insert(trx, 'follow_ups', rows.followUps);
        await w.insert(trx, 'follow_up_entries', rows.entries);
        await w.insert(trx, 'plan_versions', rows.versions);
      });
    }
  },
};
