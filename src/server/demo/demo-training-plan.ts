import type { CreateActionInput, PlanDetail } from '../../shared/contracts/plans.js';
import type { Actor } from '../../shared/policies.js';
import { addDays, addYears, dateIn, zonedTimeToUtc } from '../../shared/pop/dates.js';
import type { PlanEvent } from '../../shared/pop/phases.js';
import {
  consultationDeadlines,
  defaultTrainingPlanYear,
  type Gender,
  type TrainingPlanTaskKey,
} from '../../shared/pop/training-plan.js';
import type { AppContext } from '../context.js';
import { guardedUpdate } from '../db/guarded-update.js';
import * as plans from '../modules/plans/index.js';
import { updateTrainingPlanSettings, updateTrainingPlanTask } from '../modules/training-plan/index.js';

/**
 * The training plan of vzw De Brug for this year and the next: the counted facts HR keeps for the plan (gender, and
 * four colleagues marked as belonging to a risk group; never a reason), POPs with trainings that were followed (with
 * actual hours and costs) and trainings still to come, the leidinggevenden's own POPs for the coming period, and
 * the consultation steps HR ticked off. Dates are relative to the seeding day, like the rest of the demo; everything
 * goes through the services. People who already have an open POP from other demo data are skipped.
 */
export interface TrainingPlanDemoIds {
  organisationId: string;
  timeZone: string;
  personIds: Map<string, string>;
}

const genders: Record<string, Gender> = {
  'annelies.goossens': 'female',
  'katrien.vandenbroeck': 'female',
  'jerome.lambrecht': 'male',
  'els.wouters': 'female',
  'sofie.maes': 'female',
  'zoe.peeters': 'female',
  'anais.vermeulen': 'female',
  'thomas.janssens': 'male',
  'noah.claes': 'male',
  'lotte.debacker': 'female',
  'bram.willems': 'male',
  'fatima.elamrani': 'female',
  'hanne.jacobs': 'female',
  'emma.vandamme': 'female',
  'wout.desmet': 'male',
  'amelie.verstraeten': 'female',
  'youssef.benali': 'male',
  'ruben.hermans': 'male',
  'marie.pauwels': 'female',
  'kobe.aerts': 'male',
  'dirk.vandenberghe': 'male',
  'ines.smets': 'female',
  // Senne, Lucas and Nele: not recorded.
};
const riskGroup = new Set(['dirk.vandenberghe', 'wout.desmet', 'ines.smets', 'marie.pauwels']);

interface DemoAction {
  action: Omit<CreateActionInput, 'timing'>;
  /** Days from the seeding day: negative = in the past. A single day, or a span. */
  on: number | 'ongoing';
  days?: number;
  /** Followed: actual hours and cost (defaults: as planned). */
  done?: { hours?: number; cost?: number; certificate?: string };
  inProgress?: boolean;
}

interface DemoPlan {
  employee: string;
  manager: string;
  managerRoles: Actor['roles'];
  /** Days from the seeding day that the POP-gesprek took place. */
  conversation: number;
  goal: { title: string; description: string; measure: string };
  actions: DemoAction[];
}

const staffPlans: DemoPlan[] = [
  {
    employee: 'lucas.dubois',
    manager: 'jerome.lambrecht',
    managerRoles: ['employee', 'manager'],
    conversation: -200,
    goal: {
      title: 'Creatieve ateliers zelfstandig begeleiden',
      description: 'Een eigen atelierreeks uitwerken en begeleiden voor de bezoekers van het dagcentrum.',
      measure: 'Lucas begeleidt zelfstandig een reeks van zes ateliers.',
    },
    actions: [
      {
        action: {
          type: 'course',
          description: 'Vorming ‘Creatieve ateliers met kwetsbare volwassenen’',
          provider: 'Vormingplus',
          hours: 12,
          cost: 240,
        },
        on: -150,
        days: 1,
        done: { certificate: 'Attest van deelname ontvangen' },
      },
      {
        action: {
          type: 'learning_network',
          description: 'Intervisie begeleiders dagbesteding (maandelijks)',
          hours: 10,
        },
        on: 'ongoing',
        inProgress: true,
      },
      {
        action: {
          type: 'training',
          description: 'Training ‘Omgaan met agressie’',
          provider: 'Groep Intro',
          hours: 14,
          cost: 390,
        },
        on: 75,
        days: 1,
      },
    ],
  },
  {
    employee: 'wout.desmet',
    manager: 'jerome.lambrecht',
    managerRoles: ['employee', 'manager'],
    conversation: -190,
    goal: {
      title: 'Veilig werken in het houtatelier',
      description: 'De veiligheidsregels van het houtatelier kennen en toepassen, ook met bezoekers.',
      measure: 'Wout mag de machines van het houtatelier zelfstandig gebruiken.',
    },
    actions: [
      {
        action: {
          type: 'course',
          description: 'EHBO-bijscholing',
          provider: 'Rode Kruis Vlaanderen',
          hours: 8,
          cost: 120,
        },
        on: -120,
        done: { certificate: 'Brevet EHBO verlengd' },
      },
      {
        action: {
          type: 'on_the_job',
          description: 'Meelopen met de atelierverantwoordelijke in het houtatelier',
          hours: 16,
        },
        on: -60,
        days: 30,
        done: { hours: 18 },
      },
      {
        action: {
          type: 'course',
          description: 'Opleiding ‘Veilig werken met houtbewerkingsmachines’',
          provider: 'Constructiv',
          hours: 7,
          cost: 95,
        },
        on: 110,
      },
    ],
  },
  {
    employee: 'amelie.verstraeten',
    manager: 'jerome.lambrecht',
    managerRoles: ['employee', 'manager'],
    conversation: -180,
    goal: {
      title: 'Snoezelen inzetten in de dagbesteding',
      description: 'Prikkelarme momenten aanbieden aan bezoekers die snel overprikkeld raken.',
      measure: 'Wekelijks een snoezelmoment, geëvalueerd in het teamoverleg.',
    },
    actions: [
      {
        action: {
          type: 'training',
          description: 'Training ‘Snoezelen’',
          provider: 'ISNA',
          hours: 7,
          cost: 180,
        },
        on: -100,
        done: { hours: 7, cost: 195, certificate: 'Attest ISNA' },
      },
      {
        action: { type: 'self_study', description: 'Vakliteratuur over prikkelverwerking lezen', hours: 6 },
        on: 'ongoing',
        inProgress: true,
      },
    ],
  },
  {
    employee: 'youssef.benali',
    manager: 'jerome.lambrecht',
    managerRoles: ['employee', 'manager'],
    conversation: -120,
    goal: {
      title: 'Het diploma begeleider dagbesteding behalen',
      description:
        'De erkende opleiding tot begeleider volgen naast het werk, met stages in het eigen dagcentrum.',
      measure: 'Diploma behaald; stageopdrachten uitgevoerd in het atelier.',
    },
    actions: [
      {
        action: {
          type: 'education',
          description: 'Opleiding ‘Begeleider in de gehandicaptenzorg’ (avondonderwijs)',
          provider: 'CVO',
          hours: 60,
          cost: 850,
        },
        on: -60,
        days: 270,
        inProgress: true,
      },
      {
        action: {
          type: 'internal_coaching',
          description: 'Coaching door een ervaren collega tijdens de stage',
          hours: 12,
        },
        on: 'ongoing',
        inProgress: true,
      },
    ],
  },
  {
    employee: 'ruben.hermans',
    manager: 'jerome.lambrecht',
    managerRoles: ['employee', 'manager'],
    conversation: -170,
    goal: {
      title: 'Het kookatelier volgens de HACCP-regels',
      description: 'Voedselveiligheid in het kookatelier bewaken en bezoekers de regels aanleren.',
      measure: 'Geen opmerkingen bij de volgende controle van het FAVV.',
    },
    actions: [
      {
        action: {
          type: 'training',
          description: 'Training ‘Voedselveiligheid en HACCP in grootkeukens’',
          provider: 'Horeca Vlaanderen',
          hours: 7,
          cost: 150,
        },
        on: -90,
        done: {},
      },
    ],
  },
  {
    employee: 'nele.coppens',
    manager: 'els.wouters',
    managerRoles: ['employee', 'manager'],
    conversation: -160,
    goal: {
      title: 'De personeelsadministratie vlotter verwerken',
      description: 'Rapporten over verlof en vorming zelf opmaken in plaats van ze handmatig te tellen.',
      measure: 'Het maandrapport vorming is klaar binnen twee werkdagen.',
    },
    actions: [
      {
        action: {
          type: 'course',
          description: 'Opleiding ‘Excel gevorderd’',
          provider: 'Syntra',
          hours: 6,
          cost: 180,
        },
        on: -80,
        done: { certificate: 'Attest Syntra' },
      },
      {
        action: {
          type: 'learning_network',
          description: 'Lerend netwerk personeelsadministratie social profit',
          hours: 8,
        },
        on: 'ongoing',
        inProgress: true,
      },
    ],
  },
  {
    employee: 'dirk.vandenberghe',
    manager: 'els.wouters',
    managerRoles: ['employee', 'manager'],
    conversation: -210,
    goal: {
      title: 'Veilig en gezond werken in de logistiek',
      description:
        'Het heftruckattest vernieuwen en leren werken met de nieuwe hoogwerker, zonder rugklachten.',
      measure: 'Attesten in orde; geen werkonbekwaamheid door rugklachten.',
    },
    actions: [
      {
        action: {
          type: 'course',
          description: 'Heftruckattest (hernieuwing)',
          provider: 'VDAB',
          hours: 8,
          cost: 290,
        },
        on: -140,
        done: { certificate: 'Heftruckattest geldig tot over 5 jaar' },
      },
      {
        action: {
          type: 'training',
          description: 'Training ‘Rugsparend werken en heffen’',
          provider: 'Preventiedienst',
          hours: 4,
          cost: 85,
        },
        on: -30,
        done: {},
      },
      {
        action: {
          type: 'course',
          description: 'Opleiding ‘Veilig werken op hoogte met een hoogwerker’',
          provider: 'VDAB',
          hours: 7,
          cost: 210,
        },
        on: 90,
      },
    ],
  },
  {
    employee: 'ines.smets',
    manager: 'els.wouters',
    managerRoles: ['employee', 'manager'],
    conversation: -100,
    goal: {
      title: 'Zelfstandig het onderhoud van de woonvormen plannen',
      description: 'Onderhoudstechnieken en materialen kennen, en het onderhoud zelf inplannen.',
      measure: 'Inès maakt de onderhoudsplanning van De Linde zelf op.',
    },
    actions: [
      {
        action: {
          type: 'on_the_job',
          description: 'Meelopen met Kobe bij het onderhoud van De Linde',
          hours: 4,
        },
        on: -40,
        done: {},
      },
      {
        action: {
          type: 'course',
          description: 'Opleiding ‘Professionele onderhoudstechnieken’',
          provider: 'Cevora',
          hours: 7,
          cost: 160,
        },
        on: 40,
      },
    ],
  },
];

/** The leidinggevenden's and HR's own POPs, agreed in the last days for the coming period. */
const leaderPlans: DemoPlan[] = [
  {
    employee: 'jerome.lambrecht',
    manager: 'annelies.goossens',
    managerRoles: ['employee', 'admin'],
    conversation: -8,
    goal: {
      title: 'Coachend leidinggeven',
      description:
        'Medewerkers meer laten groeien door coachende gesprekken in plaats van oplossingen aan te reiken.',
      measure: 'Elke medewerker van het atelier heeft twee coachende gesprekken per jaar.',
    },
    actions: [
      {
        action: {
          type: 'education',
          description: 'Leiderschapstraject ‘Coachend leidinggeven’',
          provider: 'Vlerick',
          hours: 40,
          cost: 1200,
        },
        on: 60,
        days: 120,
      },
      {
        action: {
          type: 'learning_network',
          description: 'Intervisie leidinggevenden social profit',
          hours: 12,
        },
        on: 'ongoing',
      },
    ],
  },
  {
    employee: 'els.wouters',
    manager: 'annelies.goossens',
    managerRoles: ['employee', 'admin'],
    conversation: -6,
    goal: {
      title: 'Preventieadviseur worden',
      description: 'De rol van interne preventieadviseur opnemen voor de hele organisatie.',
      measure: 'Diploma preventieadviseur niveau 3; risicoanalyse van de woonvormen uitgevoerd.',
    },
    actions: [
      {
        action: {
          type: 'education',
          description: 'Opleiding ‘Preventieadviseur niveau 3’',
          provider: 'Prebes',
          hours: 36,
          cost: 980,
        },
        on: 70,
        days: 90,
      },
      {
        action: {
          type: 'course',
          description: 'Studiedag ‘Arbeidsrecht in de social profit’',
          provider: 'Sociare',
          hours: 6,
          cost: 210,
        },
        on: 45,
      },
    ],
  },
  {
    employee: 'sofie.maes',
    manager: 'els.wouters',
    managerRoles: ['employee', 'manager'],
    conversation: -5,
    goal: {
      title: 'Het opleidingsplan en de federale leerrekening beheren',
      description:
        'Het opleidingsplan samen met de vakbondsafvaardiging opmaken en de leerrekening tijdig aanvullen.',
      measure: 'Opleidingsplan goedgekeurd voor 31 maart; leerrekening elk kwartaal op tijd aangevuld.',
    },
    actions: [
      {
        action: {
          type: 'course',
          description: 'Studiedag ‘Opleidingsplan en federale leerrekening’',
          provider: 'Sociare',
          hours: 6,
          cost: 195,
        },
        on: 50,
      },
      {
        action: {
          type: 'learning_network',
          description: 'Lerend netwerk HR-verantwoordelijken VIVO',
          hours: 8,
        },
        on: 'ongoing',
      },
    ],
  },
];

const required = <T>(map: Map<string, T>, key: string): T => {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo training plan refers to unknown "${key}"`);
  return value;
};

const taskNotes: Record<TrainingPlanTaskKey, string> = {
  draft_to_council:
    'Ontwerp per e-mail bezorgd aan de vakbondsafvaardiging; bespreking op het volgende overleg.',
  advice: 'Positief advies van de vakbondsafvaardiging, met de vraag om meer aandacht voor de 50-plussers.',
  final: 'Definitief opleidingsplan bezorgd aan alle medewerkers via het intranet.',
};

export async function seedDemoTrainingPlan(ctx: AppContext, ids: TrainingPlanDemoIds): Promise<void> {
  const today = dateIn(ids.timeZone, ctx.clock.now());
  let current = ctx.clock.now();
  const at = { ...ctx, clock: { now: () => current } };
  const when = (date: string, time = '10:00') => {
    current = zonedTimeToUtc(date, time, ids.timeZone);
  };
  const actor = (email: string, roles: Actor['roles']): Actor => ({
    personId: required(ids.personIds, `${email}@debrug.example`),
    organisationId: ids.organisationId,
    roles,
  });
  const sofie = actor('sofie.maes', ['employee', 'hr']);
  const db = ctx.database.db;

  // The facts HR keeps for the plan's counts.
  for (const [email, personId] of ids.personIds) {
    const local = email.replace(/@.*$/, '');
    const gender = genders[local] ?? null;
    const isRisk = riskGroup.has(local);
    if (gender === null && !isRisk) continue;
    const person = await db
      .selectFrom('people')
      .select('version')
      .where('id', '=', personId)
      .where('organisation_id', '=', ids.organisationId)
      .executeTakeFirstOrThrow();
    await guardedUpdate(
      db,
      'people',
      { id: personId, organisationId: ids.organisationId, version: Number(person.version) },
      { gender, risk_group: isRisk ? 1 : 0 },
      ctx.clock.now(),
    );
  }

  const open = new Set(
    (
      await db
        .selectFrom('plans')
        .select('employee_id')
        .where('organisation_id', '=', ids.organisationId)
        .where('phase', '!=', 'closed')
        .execute()
    ).map((p) => p.employee_id),
  );
  const fire = async (who: Actor, plan: PlanDetail, event: PlanEvent) =>
    plans.firePlanEvent(at, who, plan.id, {
      event,
      version: (await plans.getPlan(at, who, plan.id)).version,
    });

  for (const demo of [...staffPlans, ...leaderPlans]) {
    const employee = actor(demo.employee, ['employee']);
    if (open.has(employee.personId)) continue;
    const manager = actor(demo.manager, demo.managerRoles);
    const conversation = addDays(today, demo.conversation);
    const periodStart = `${conversation.slice(0, 8)}01`;
    when(addDays(conversation, -14));
    // HR starts the cycles; nobody starts their own, so Sofie's comes from her leidinggevende.
    const starter = employee.personId === sofie.personId ? manager : sofie;
    let plan = await plans.startPlan(at, starter, {
      employeeId: employee.personId,
      periodStart,
      periodEnd: addDays(addYears(periodStart, 1), -1),
      conversationAt: zonedTimeToUtc(conversation, '10:00', ids.timeZone).toISOString(),
    });
    when(conversation, '10:00');
    plan = await fire(manager, plan, 'start_conversation');
    const goal = await plans.createGoal(at, manager, plan.id, {
      ...demo.goal,
      priority: 'high',
      horizon: 'short',
      targetDate: addDays(addYears(periodStart, 1), -1),
    });
    const created: { id: string; version: number; demo: DemoAction }[] = [];
    for (const item of demo.actions) {
      const start = item.on === 'ongoing' ? null : addDays(today, item.on);
      const end = start ? addDays(start, item.days ?? 0) : null;
      const action = await plans.createAction(at, manager, goal.id, {
        ...item.action,
        timing:
          start === null || end === null
            ? { kind: 'ongoing' }
            : start === end
              ? { kind: 'date', date: start }
              : { kind: 'range', from: start, to: end },
        followUp: 'Korte evaluatie bij het volgende opvolgingsmoment',
      });
      created.push({ id: action.id, version: action.version, demo: item });
    }
    when(conversation, '11:30');
    await fire(employee, plan, 'approve');
    await fire(manager, plan, 'approve');
    // Progress is recorded on the day after it happened, never later than today.
    const onOrBefore = (date: string) => (date < today ? date : today);
    for (const { id, version, demo: item } of created) {
      const start = item.on === 'ongoing' ? null : addDays(today, item.on);
      if (item.done && start) {
        const end = addDays(start, item.days ?? 0);
        when(onOrBefore(addDays(end, 1)), '16:00');
        await plans.updateProgress(at, employee, id, {
          status: 'done',
          actualHours: item.done.hours ?? item.action.hours ?? null,
          actualCost: item.done.cost ?? item.action.cost ?? null,
          actualStart: start,
          actualEnd: end,
          ...(item.done.certificate ? { certificateNote: item.done.certificate } : {}),
          version,
        });
      } else if (item.inProgress) {
        when(onOrBefore(addDays(start && start > conversation ? start : conversation, 14)), '16:00');
        await plans.updateProgress(at, employee, id, {
          status: 'in_progress',
          ...(start ? { actualStart: start } : {}),
          version,
        });
      }
    }
  }

  // The consultation of the plan: every step whose date has passed was done a few days before it; when none has
  // (the coming year's plan), HR already sent the draft. Last year's plan was fully consulted.
  const organisation = await db
    .selectFrom('organisations')
    .select(['consultation_body', 'version'])
    .where('id', '=', ids.organisationId)
    .executeTakeFirstOrThrow();
  if (organisation.consultation_body === null || organisation.consultation_body === 'none') {
    when(addDays(today, -300));
    await updateTrainingPlanSettings(at, sofie, {
      consultationBody: 'union_delegation',
      version: Number(organisation.version),
    });
  }
  const year = defaultTrainingPlanYear(today);
  const thisYear = Number(today.slice(0, 4));
  const years = year === thisYear ? [year] : [thisYear, year];
  for (const planYear of years) {
    const deadlines = consultationDeadlines(planYear);
    const passed = (Object.keys(deadlines) as TrainingPlanTaskKey[]).filter((key) => deadlines[key] < today);
    const steps: [TrainingPlanTaskKey, string][] =
      passed.length > 0
        ? passed.map((key) => [key, addDays(deadlines[key], -3)])
        : [['draft_to_council', addDays(today, -3)]];
    for (const [key, date] of steps) {
      when(date, '14:00');
      await updateTrainingPlanTask(
        at,
        sofie,
        { year: planYear, key },
        { done: true, note: taskNotes[key], version: 0 },
      );
    }
  }
}
