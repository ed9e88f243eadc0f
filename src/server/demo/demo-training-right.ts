import type { CreateActionInput, PlanDetail } from '../../shared/contracts/plans.js';
import type { Actor } from '../../shared/policies.js';
import { addDays, dateIn, zonedTimeToUtc } from '../../shared/pop/dates.js';
import type { PlanEvent } from '../../shared/pop/phases.js';
import { quarterlyDueDate, yearlyDueDate } from '../../shared/training-right/learning-account.js';
import type { AppContext } from '../context.js';
import { createActionType } from '../modules/action-types/index.js';
import * as plans from '../modules/plans/index.js';
import {
  exportLearningAccount,
  getSettings,
  saveNorm,
  updateSettings,
} from '../modules/training-right/index.js';

/**
 * The training right of vzw De Brug (Belgium, paritair comité 319.01): 22.4 FTE on average, so 5 training days per
 * FTE; a norm for next year agreed with the union delegation; a kind of action "Vlaams opleidingsverlof" that does
 * not count; five colleagues whose POPs hold trainings already followed (with hours, dates and certificates) and
 * some still planned; and the learning-account deliveries of this year, all but the latest quarter delivered, so HR
 * sees one overdue. Everything goes through the services, at moments in the past relative to the seeding day.
 */
export interface TrainingRightDemoIds {
  organisationId: string;
  timeZone: string;
  personIds: Map<string, string>;
}

interface DemoTraining {
  action: Omit<CreateActionInput, 'type'> & { type: string };
  /** Days after the plan's conversation that the training was done; null = still planned. */
  doneAfter: number | null;
  /** Days the training lasted (actual start to end). */
  length?: number;
  actualHours?: number;
  certificate?: string;
}

interface DemoPerson {
  email: string;
  manager: string;
  goal: { title: string; description: string; measure: string };
  trainings: DemoTraining[];
}

const vov = 'vov';

/** Who gets which trainings; people with a POP already open are skipped, so other demo data never collides. */
const people: DemoPerson[] = [
  {
    email: 'bram.willems',
    manager: 'katrien.vandenbroeck',
    goal: {
      title: 'Referentiepersoon medicatiebeleid worden',
      description:
        'Het medicatiebeleid in de woonvorm opvolgen en collega’s ondersteunen bij het veilig toedienen.',
      measure: 'Bram leidt het kwartaaloverleg over medicatie in De Linde.',
    },
    trainings: [
      {
        action: {
          type: 'course',
          description: 'Vorming ‘veilig medicatiebeheer in de woonzorg’',
          provider: 'Vormingscentrum Zorg',
          hours: 7.6,
          cost: 165,
          funding: 'VIVO-sectorbudget',
          followUp: 'Nabespreking in het teamoverleg',
        },
        doneAfter: 30,
        certificate: 'Attest van deelname in het personeelsdossier',
      },
      {
        action: {
          type: 'training',
          description: 'Opfriscursus EHBO op de werkvloer',
          provider: 'Rode Kruis Vlaanderen',
          hours: 7.6,
          cost: 95,
        },
        doneAfter: 95,
        certificate: 'Brevet EHBO hernieuwd',
      },
      {
        action: {
          type: 'learning_network',
          description: 'Intervisie over medicatiefouten met andere woonvormen',
          hours: 6,
          followUp: 'Korte evaluatie bij het volgend opvolgingsmoment',
        },
        doneAfter: null,
      },
    ],
  },
  {
    email: 'emma.vandamme',
    manager: 'jerome.lambrecht',
    goal: {
      title: 'Creatieve ateliers voor mensen met jongdementie',
      description: 'Een aanbod uitwerken in het atelier voor deelnemers met jongdementie.',
      measure: 'Twee ateliers per week met een aangepaste werking.',
    },
    trainings: [
      {
        action: {
          type: 'education',
          description: 'Vorming ‘creatief werken met mensen met dementie’',
          provider: 'Expertisecentrum Dementie',
          hours: 15.2,
          cost: 280,
          funding: 'Sectorfonds (VIVO)',
        },
        doneAfter: 40,
        length: 7,
        certificate: 'Getuigschrift in het personeelsdossier',
      },
      {
        action: {
          type: vov,
          description: 'Bachelor Sociaal Werk (avondonderwijs), module ‘methodisch werken’',
          provider: 'Hogeschool Gent',
          hours: 60,
          funding: 'Vlaams opleidingsverlof en opleidingscheques',
          supportTime: 'Vlaams opleidingsverlof voor de lesuren',
        },
        doneAfter: 120,
        length: 60,
        certificate: 'Creditbewijs van de hogeschool',
      },
    ],
  },
  {
    email: 'marie.pauwels',
    manager: 'els.wouters',
    goal: {
      title: 'De personeelsadministratie digitaal opvolgen',
      description: 'Vlot werken met het nieuwe personeelspakket en de sociaal-juridische wijzigingen volgen.',
      measure: 'Marie verwerkt de maandelijkse prestaties zelfstandig in het nieuwe pakket.',
    },
    trainings: [
      {
        action: {
          type: 'course',
          description: 'Sociaal-juridische actualiteit voor de social profit',
          provider: 'Sociaal secretariaat',
          hours: 3.8,
          cost: 120,
        },
        doneAfter: 25,
        certificate: 'Attest van deelname',
      },
      {
        action: {
          type: 'training',
          description: 'Opleiding rekenblad voor gevorderden',
          provider: 'Extern opleidingscentrum',
          hours: 7.6,
          cost: 210,
          funding: 'Eigen vormingsbudget',
        },
        doneAfter: 70,
        actualHours: 8,
      },
      {
        action: {
          type: 'self_study',
          description: 'E-learning over het nieuwe personeelspakket',
          hours: 7.6,
        },
        doneAfter: null,
      },
    ],
  },
  {
    email: 'fatima.elamrani',
    manager: 'katrien.vandenbroeck',
    goal: {
      title: 'Oplossingsgericht werken in gesprekken met bewoners',
      description: 'Gesprekken met bewoners sterker richten op wat zij zelf willen bereiken.',
      measure: 'Fatima past de technieken toe en bespreekt twee situaties in intervisie.',
    },
    trainings: [
      {
        action: {
          type: 'training',
          description: 'Training ‘oplossingsgericht werken’',
          provider: 'Extern vormingscentrum',
          hours: 14,
          cost: 350,
          funding: 'VIVO-sectorbudget',
        },
        doneAfter: 50,
        length: 1,
        certificate: 'Attest van deelname',
      },
      {
        action: {
          type: 'internal_coaching',
          description: 'Coaching door de teamcoördinator na moeilijke gesprekken',
          hours: 4,
        },
        doneAfter: null,
      },
    ],
  },
  {
    email: 'kobe.aerts',
    manager: 'els.wouters',
    goal: {
      title: 'Veilig werken in de logistiek',
      description: 'De veiligheidsregels voor heftruck en magazijn kennen en toepassen.',
      measure: 'Kobe behaalt het attest en begeleidt een nieuwe collega in het magazijn.',
    },
    trainings: [
      {
        action: {
          type: 'training',
          description: 'Opleiding veilig werken met de heftruck',
          provider: 'Erkend opleidingscentrum',
          hours: 7.6,
          cost: 240,
        },
        doneAfter: 35,
        certificate: 'Heftruckattest',
      },
      {
        action: {
          type: 'course',
          description: 'Basisopleiding VCA',
          provider: 'Erkend opleidingscentrum',
          hours: 7.6,
          cost: 150,
        },
        doneAfter: null,
      },
    ],
  },
];

const required = <T>(map: Map<string, T>, key: string): T => {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo training right refers to unknown "${key}"`);
  return value;
};

export async function seedDemoTrainingRight(ctx: AppContext, ids: TrainingRightDemoIds): Promise<void> {
  const today = dateIn(ids.timeZone, ctx.clock.now());
  const year = Number(today.slice(0, 4));
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

  // Settings: the average of the RSZ declarations, the joint committee, advice by the union delegation.
  when(addDays(today, -300));
  const settings = await updateSettings(at, sofie, {
    averageFte: 22.4,
    jointCommittee: '319.01',
    version: (await getSettings(at, sofie)).version,
  });
  if (settings.consultationBody === null)
    await updateSettings(at, sofie, { consultationBody: 'union_delegation', version: settings.version });
  await saveNorm(at, sofie, year + 1, {
    daysPerFte: 5,
    note: 'Afspraak met de vakbondsafvaardiging: 5 dagen per VTE, ook als het gemiddelde onder 20 VTE zakt.',
    version: null,
  });
  const leave = await createActionType(
    at,
    sofie,
    {
      nameNl: 'Vlaams opleidingsverlof',
      nameEn: 'Flemish training leave',
      isFormal: true,
      countsForTrainingRight: false,
    },
    'nl-BE',
  );

  const open = new Set(
    (
      await ctx.database.db
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

  // The conversation took place about seven months ago; trainings were followed since.
  const conversation = addDays(today, -210);
  const periodStart = `${conversation.slice(0, 8)}01`;
  const periodEnd = addDays(`${Number(periodStart.slice(0, 4)) + 1}${periodStart.slice(4)}`, -1);
  for (const person of people) {
    const employee = actor(person.email, ['employee']);
    if (open.has(employee.personId)) continue;
    const manager = actor(person.manager, ['employee', 'manager']);
    when(addDays(conversation, -14));
    let plan = await plans.startPlan(at, manager, {
      employeeId: employee.personId,
      periodStart,
      periodEnd,
      conversationAt: zonedTimeToUtc(conversation, '10:00', ids.timeZone).toISOString(),
    });
    when(conversation, '10:00');
    plan = await fire(manager, plan, 'start_conversation');
    const goal = await plans.createGoal(at, manager, plan.id, {
      ...person.goal,
      priority: 'high',
      horizon: 'short',
      targetDate: addDays(conversation, 300),
    });
    const created: { id: string; version: number; training: DemoTraining }[] = [];
    for (const training of person.trainings) {
      const start = addDays(conversation, training.doneAfter ?? 240);
      const end = addDays(start, training.length ?? 0);
      const action = await plans.createAction(at, manager, goal.id, {
        ...training.action,
        type: training.action.type === vov ? leave.key : training.action.type,
        timing: start === end ? { kind: 'date', date: start } : { kind: 'range', from: start, to: end },
      });
      created.push({ id: action.id, version: action.version, training });
    }
    when(conversation, '11:30');
    await fire(employee, plan, 'approve');
    await fire(manager, plan, 'approve');
    for (const { id, version, training } of created) {
      if (training.doneAfter === null) continue;
      const start = addDays(conversation, training.doneAfter);
      const end = addDays(start, training.length ?? 0);
      when(addDays(end, 1), '17:00');
      await plans.updateProgress(at, employee, id, {
        status: 'done',
        actualHours: training.actualHours ?? training.action.hours ?? null,
        actualCost: training.action.cost ?? null,
        actualStart: start,
        actualEnd: end,
        ...(training.certificate ? { certificateNote: training.certificate } : {}),
        version,
      });
    }
  }

  // The learning-account deliveries due this year, each a few days before its deadline; the latest one still open.
  const due = [
    { period: String(year), date: yearlyDueDate(year) },
    { period: `${year - 1}-Q4`, date: quarterlyDueDate(year - 1, 4) },
    ...([1, 2, 3] as const).map((q) => ({ period: `${year}-Q${q}`, date: quarterlyDueDate(year, q) })),
  ]
    .filter((d) => d.date < today)
    .sort((a, b) => a.date.localeCompare(b.date));
  for (const delivery of due.slice(0, -1)) {
    when(addDays(delivery.date, -3), '15:00');
    await exportLearningAccount(at, sofie, delivery.period);
  }
}
