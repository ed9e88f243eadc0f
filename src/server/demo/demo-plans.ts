import type { PlanDetail } from '../../shared/contracts/plans.js';
import type { Actor } from '../../shared/policies.js';
import { addDays, addMonths, addYears, dateIn, zonedTimeToUtc } from '../../shared/pop/dates.js';
import type { PlanEvent } from '../../shared/pop/phases.js';
import type { Role } from '../../shared/roles.js';
import type { AppContext } from '../context.js';
import * as plans from '../modules/plans/index.js';

/**
 * The POPs of vzw De Brug: one in every phase, written through the same services the API uses, so every version,
 * approval and snapshot follows the rules. Dates are relative to the day the demo is seeded.
 *
 * - Anaïs: voorbereiding, she shared her preparation, her manager not yet;
 * - Hanne: voorbereiding, asked for by herself;
 * - Thomas: gesprek, with the two example rows of the sample POP form (seed 004);
 * - Lotte: gesprek, "gezien, niet akkoord";
 * - Zoë: last year's POP closed after its evaluation, this year's approved as version 2 after a follow-up, with a
 *   goal carried over;
 * - Noah: evaluatie, his own answers submitted.
 */
export interface DemoIds {
  organisationId: string;
  timeZone: string;
  personIds: Map<string, string>;
  competencyIds: Map<string, string>;
}

const required = <T>(map: Map<string, T>, key: string): T => {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo plans refer to unknown "${key}"`);
  return value;
};

export async function seedDemoPlans(ctx: AppContext, ids: DemoIds): Promise<void> {
  const today = dateIn(ids.timeZone, ctx.clock.now());
  let current = ctx.clock.now();
  // Every step happens at its own moment in the past; the services read this clock.
  const at = { ...ctx, clock: { now: () => current } };
  const when = (date: string, time = '10:00') => {
    current = zonedTimeToUtc(date, time, ids.timeZone);
  };
  const actor = (email: string, roles: Role[] = ['employee']): Actor => ({
    personId: required(ids.personIds, `${email}@debrug.example`),
    organisationId: ids.organisationId,
    roles,
  });
  const competency = (name: string) => required(ids.competencyIds, name);

  const katrien = actor('katrien.vandenbroeck', ['employee', 'manager']);
  const [zoe, anais, thomas, noah, lotte, hanne] = [
    'zoe.peeters',
    'anais.vermeulen',
    'thomas.janssens',
    'noah.claes',
    'lotte.debacker',
    'hanne.jacobs',
  ].map((email) => actor(email));
  if (!zoe || !anais || !thomas || !noah || !lotte || !hanne) throw new Error('demo people missing');

  const fire = async (who: Actor, plan: PlanDetail, event: PlanEvent, comment?: string) =>
    plans.firePlanEvent(at, who, plan.id, {
      event,
      version: (await plans.getPlan(at, who, plan.id)).version,
      ...(comment ? { comment } : {}),
    });

  /** Answers the first questions of one's preparation, adds talking points and shares when asked. */
  const prepare = async (
    who: Actor,
    plan: PlanDetail,
    answers: string[],
    points: string[],
    share: boolean,
  ) => {
    const detail = await plans.getPlan(at, who, plan.id);
    const mine = detail.myParty ? detail.preparations?.[detail.myParty] : undefined;
    if (!mine?.visible) return;
    const saved = await plans.savePreparation(at, who, plan.id, {
      answers: Object.fromEntries(
        answers.map((text, i) => [mine.questions[i]?.id ?? '', text]).filter(([id]) => id !== ''),
      ),
      version: mine.version,
    });
    for (const text of points) await plans.addTalkingPoint(at, who, plan.id, { text });
    if (share) await plans.sharePreparation(at, who, plan.id, saved.version);
  };

  // Anaïs: voorbereiding, one side shared.
  when(addDays(today, -5));
  const anaisPlan = await plans.startPlan(at, katrien, {
    employeeId: anais.personId,
    conversationAt: zonedTimeToUtc(addDays(today, 12), '14:00', ids.timeZone).toISOString(),
  });
  when(addDays(today, -3), '20:15');
  await prepare(
    anais,
    anaisPlan,
    [
      'Ik kan goed luisteren en bewoners geruststellen, ook bij onrust in de leefgroep.',
      'Niet altijd: in de avonddiensten is er weinig tijd voor echte gesprekken.',
      'Ik wil meer weten over autisme en prikkelverwerking.',
    ],
    ['Vorming over autisme', 'Meer avondoverleg met collega’s'],
    true,
  );
  when(addDays(today, -2), '09:30');
  await prepare(
    katrien,
    anaisPlan,
    ['Nieuwe leefgroep voor jongvolwassenen met autisme vanaf volgend jaar.'],
    [],
    false,
  );

  // Hanne asked for a POP herself.
  when(addDays(today, -2), '16:00');
  await plans.requestPlan(at, hanne, {});

  // Thomas: the conversation took place yesterday, with the two example rows of the sample POP form.
  const nextYear = Number(today.slice(0, 4)) + 1;
  when(addDays(today, -21));
  let thomasPlan = await plans.startPlan(at, katrien, {
    employeeId: thomas.personId,
    periodStart: `${nextYear}-01-01`,
    periodEnd: `${nextYear}-12-31`,
    conversationAt: zonedTimeToUtc(addDays(today, -1), '10:00', ids.timeZone).toISOString(),
  });
  when(addDays(today, -12), '19:00');
  await prepare(
    thomas,
    thomasPlan,
    [
      'Ik blijf rustig en bouw een goede band op met bewoners.',
      'Bij conflicten met familie schiet ik soms in de verdediging.',
      'Omgaan met conflicten, vooral bij bezoekmomenten.',
    ],
    ['Conflicten bij bezoek van familie', 'Meer verantwoordelijkheid in het team'],
    true,
  );
  when(addDays(today, -9));
  await prepare(
    katrien,
    thomasPlan,
    [
      'De woonvorm krijgt meer bewoners met complexe gezinssituaties.',
      'Thomas kan een rol als aanspreekpunt opnemen.',
    ],
    ['Aanspreekpunt voor nieuwe collega’s'],
    true,
  );
  when(addDays(today, -1), '10:05');
  thomasPlan = await fire(katrien, thomasPlan, 'start_conversation');
  when(addDays(today, -1), '11:15');
  thomasPlan = await plans.updatePlan(at, katrien, thomasPlan.id, {
    conversationNotes: {
      start: 'Thomas wil vooral handvatten voor moeilijke gesprekken met familie.',
      review: 'Vorming rond zorgplanning was zinvol. Conflicten bij bezoek vallen hem zwaar.',
      exploration: 'Hij wil meer verantwoordelijkheid opnemen, bijvoorbeeld als aanspreekpunt.',
      planning: 'Twee doelen: conflicthantering en verantwoordelijkheid.',
      closing: 'Opvolging na het eerste kwartaal.',
    },
    facilities: 'Vormingsbudget van Woonbegeleiding; de training en de coaching vallen binnen de werkuren.',
    evaluationDate: `${nextYear}-12-01`,
    version: thomasPlan.version,
  });
  const conflictGoal = await plans.createGoal(at, katrien, thomasPlan.id, {
    title: 'Beter leren omgaan met conflicten',
    description: 'Rustig blijven en de-escaleren in gesprekken met bewoners en hun familie.',
    reason: 'Meer spanningen bij bezoekmomenten in de woonvorm.',
    competencyId: competency('Veerkracht'),
    priority: 'high',
    horizon: 'short',
    targetDate: `${nextYear}-03-31`,
    measure: 'Evaluatie bij het volgend POP-gesprek, aan de hand van concrete situaties.',
  });
  await plans.createAction(at, katrien, conflictGoal.id, {
    type: 'training',
    description: 'Training ‘conflicthantering’ volgen',
    timing: { kind: 'quarter', year: nextYear, quarter: 1 },
    supportTime: 'Tijd vrijmaken voor deelname',
    followUp: 'Evaluatie bij volgend POP-gesprek',
  });
  const responsibilityGoal = await plans.createGoal(at, thomas, thomasPlan.id, {
    title: 'Meer verantwoordelijkheid opnemen',
    description: 'Aanspreekpunt worden voor nieuwe collega’s in de woonvorm De Linde.',
    organisationGoal: 'Nieuwe collega’s sneller zelfstandig laten werken',
    competencyId: competency('Zelfstandigheid'),
    priority: 'medium',
    horizon: 'medium',
    targetDate: `${nextYear}-09-30`,
    measure: 'Thomas begeleidt zelfstandig het onthaal van de volgende nieuwe collega.',
  });
  await plans.createAction(at, thomas, responsibilityGoal.id, {
    type: 'internal_coaching',
    description: 'Interne coaching door collega',
    timing: { kind: 'ongoing' },
    supportCoach: 'Aanstelling coach',
    followUp: 'Korte evaluatie na 3 maanden',
  });
  await plans.createFollowUp(at, katrien, thomasPlan.id, `${nextYear}-04-15`);
  when(addDays(today, -1), '16:00');
  await fire(katrien, thomasPlan, 'approve');

  // Lotte: conversation, then "gezien, niet akkoord".
  when(addDays(today, -30));
  let lottePlan = await plans.startPlan(at, katrien, {
    employeeId: lotte.personId,
    conversationAt: zonedTimeToUtc(addDays(today, -8), '13:30', ids.timeZone).toISOString(),
  });
  when(addDays(today, -15));
  await prepare(
    lotte,
    lottePlan,
    ['Ik ben sterk in zorgplanning en overleg met het netwerk van bewoners.'],
    [],
    true,
  );
  when(addDays(today, -8), '13:30');
  lottePlan = await fire(katrien, lottePlan, 'start_conversation');
  const palliative = await plans.createGoal(at, katrien, lottePlan.id, {
    title: 'Referentiepersoon palliatieve zorg worden',
    description: 'De kennis over palliatieve zorg in de woonvorm opbouwen en delen met het team.',
    priority: 'medium',
    horizon: 'long',
    targetDate: addDays(today, 300),
    measure: 'Lotte geeft een vorming aan het team.',
  });
  await plans.createAction(at, katrien, palliative.id, {
    type: 'education',
    description: 'Postgraduaat palliatieve zorg',
    provider: 'Hogeschool',
    timing: { kind: 'range', from: addDays(today, 40), to: addDays(today, 250) },
    hours: 120,
    cost: 1450,
    funding: 'Opleidingscheques en sectorfonds',
    supportTime: 'Lesdagen als werktijd',
    supportBudget: 'Inschrijvingsgeld',
    followUp: 'Bespreking na elke module',
  });
  when(addDays(today, -7), '09:00');
  await fire(katrien, lottePlan, 'approve');
  when(addDays(today, -6), '18:40');
  await fire(
    lotte,
    lottePlan,
    'record_disagreement',
    'Ik werk halftijds: deze opleiding past niet in mijn uren zonder aanpassing van mijn rooster.',
  );

  // Zoë: last year's POP, closed after its evaluation.
  const start = addMonths(`${today.slice(0, 8)}01`, -4);
  const previousStart = addYears(start, -1);
  when(addDays(previousStart, -30));
  let previous = await plans.startPlan(at, katrien, {
    employeeId: zoe.personId,
    periodStart: previousStart,
    periodEnd: addDays(start, -1),
    conversationAt: zonedTimeToUtc(addDays(previousStart, -10), '10:00', ids.timeZone).toISOString(),
  });
  when(addDays(previousStart, -20));
  await prepare(
    zoe,
    previous,
    ['Rapporteren kost me veel tijd.'],
    ['Rapporteren in het cliëntdossier'],
    true,
  );
  await prepare(
    katrien,
    previous,
    ['Kwaliteit van de dossiers is een aandachtspunt voor de inspectie.'],
    [],
    true,
  );
  when(addDays(previousStart, -10));
  previous = await fire(zoe, previous, 'start_conversation');
  const reporting = await plans.createGoal(at, katrien, previous.id, {
    title: 'Vlotter rapporteren in het cliëntdossier',
    description: 'Dagelijks kort en volledig rapporteren in het elektronisch cliëntdossier.',
    competencyId: competency('Nauwkeurigheid'),
    priority: 'high',
    horizon: 'short',
    targetDate: addDays(previousStart, 120),
    measure: 'Rapportering op dezelfde dag, nagekeken bij de opvolging.',
  });
  const reportingCourse = await plans.createAction(at, katrien, reporting.id, {
    type: 'course',
    description: 'Vorming ‘schrijven in het cliëntdossier’',
    timing: { kind: 'date', date: addDays(previousStart, 30) },
    hours: 7,
    cost: 180,
    supportTime: 'Vrijgesteld van dienst op de vormingsdag',
    followUp: 'Bespreking bij het opvolgingsmoment',
  });
  const mentor = await plans.createGoal(at, zoe, previous.id, {
    title: 'Nieuwe collega’s wegwijs maken',
    description: 'Peter of meter zijn voor nieuwe collega’s tijdens hun eerste maand.',
    competencyId: competency('Samenwerken'),
    priority: 'medium',
    horizon: 'medium',
    targetDate: addDays(start, -30),
    measure: 'Twee nieuwe collega’s begeleid.',
  });
  const mentorNetwork = await plans.createAction(at, zoe, mentor.id, {
    type: 'learning_network',
    description: 'Deelnemen aan het lerend netwerk ‘onthaal van nieuwe medewerkers’',
    timing: { kind: 'ongoing' },
    followUp: 'Korte evaluatie na 3 maanden',
  });
  await plans.createFollowUp(at, katrien, previous.id, addDays(previousStart, 150));
  await fire(zoe, previous, 'approve');
  await fire(katrien, previous, 'approve');
  when(addDays(previousStart, 35));
  await plans.updateProgress(at, zoe, reportingCourse.id, {
    status: 'done',
    actualHours: 7,
    actualCost: 180,
    actualStart: addDays(previousStart, 30),
    actualEnd: addDays(previousStart, 30),
    certificateNote: 'Aanwezigheidsattest in het personeelsdossier',
    version: reportingCourse.version,
  });
  await plans.updateProgress(at, zoe, mentorNetwork.id, {
    status: 'in_progress',
    version: mentorNetwork.version,
  });
  when(addDays(previousStart, 150));
  const previousFollowUp = (await plans.getPlan(at, katrien, previous.id)).content?.followUps[0];
  if (previousFollowUp)
    await plans.updateFollowUp(at, katrien, previousFollowUp.id, {
      held: true,
      notes: 'Rapportering is sterk verbeterd.',
      entries: [
        { goalId: reporting.id, state: 'reached', progress: 'Rapporteert dagelijks.' },
        { goalId: mentor.id, state: 'on_track', progress: 'Eerste nieuwe collega begeleid.' },
      ],
      version: previousFollowUp.version,
    });
  when(addDays(start, -40));
  previous = await fire(katrien, previous, 'start_evaluation');
  const goalsNow = (await plans.getPlan(at, katrien, previous.id)).content?.goals ?? [];
  for (const goal of goalsNow) {
    await plans.updateGoal(at, katrien, goal.id, {
      evaluationResult: goal.id === reporting.id ? 'reached' : 'partly',
      ...(goal.id === mentor.id
        ? { evaluationNote: 'Eén collega begeleid; het lerend netwerk loopt nog.' }
        : {}),
      version: goal.version,
    });
  }
  for (const [who, answers] of [
    [
      zoe,
      {
        goalsReached: 'Rapporteren: ja. Nieuwe collega’s: deels, er kwam maar één nieuwe collega.',
        effectOnFunctioning: 'Ik rapporteer sneller en heb meer tijd voor de bewoners.',
        effectOnCareer: 'Ik wil graag verder groeien in het begeleiden van collega’s.',
      },
    ],
    [
      katrien,
      {
        goalsReached: 'Het eerste doel is bereikt, het tweede loopt nog.',
        effectOnFunctioning: 'De dossiers van Zoë zijn een voorbeeld voor het team.',
        effectOnCareer: 'Zoë is klaar om een rol als meter op te nemen.',
      },
    ],
  ] as const) {
    const own = (await plans.getPlan(at, who, previous.id)).content?.evaluations[
      who === zoe ? 'employee' : 'manager'
    ];
    if (!own?.visible) continue;
    const saved = await plans.saveEvaluation(at, who, previous.id, { ...answers, version: own.version });
    await plans.submitEvaluation(at, who, previous.id, saved.version);
  }
  when(addDays(start, -30));
  await fire(zoe, previous, 'close');

  // Zoë: this year's POP takes the unfinished goal along; a follow-up adjusted it into version 2.
  when(addDays(start, -20));
  let zoePlan = await plans.startPlan(at, katrien, {
    employeeId: zoe.personId,
    periodStart: start,
    periodEnd: addDays(addYears(start, 1), -1),
    conversationAt: zonedTimeToUtc(addDays(start, 5), '10:00', ids.timeZone).toISOString(),
    previousPlanId: previous.id,
    carryGoalIds: [mentor.id],
    carryActionIds: [mentorNetwork.id],
  });
  when(addDays(start, -10), '19:30');
  await prepare(
    zoe,
    zoePlan,
    [
      'Ik breng rust in de leefgroep en werk nauwkeurig.',
      'Ja, maar bij conflicten tussen bewoners twijfel ik soms.',
      'Omgaan met agressie en conflicten.',
    ],
    ['Meterschap verder opnemen', 'Vorming rond agressie'],
    true,
  );
  await prepare(
    katrien,
    zoePlan,
    ['Meer bewoners met gedragsproblemen in De Linde.'],
    ['Meterschap formaliseren'],
    true,
  );
  when(addDays(start, 5), '10:00');
  zoePlan = await fire(katrien, zoePlan, 'start_conversation');
  const aggression = await plans.createGoal(at, katrien, zoePlan.id, {
    title: 'Grenzen stellen bij agressief gedrag',
    description: 'Agressie tijdig herkennen en met de afgesproken aanpak de-escaleren.',
    competencyId: competency('Veerkracht'),
    priority: 'high',
    horizon: 'short',
    targetDate: addDays(start, 150),
    measure: 'Incidenten worden samen nabesproken; Zoë past de aanpak toe.',
  });
  const aggressionTraining = await plans.createAction(at, katrien, aggression.id, {
    type: 'training',
    description: 'Training ‘omgaan met agressie’',
    provider: 'Extern vormingscentrum',
    timing: { kind: 'range', from: addDays(start, 20), to: addDays(start, 60) },
    hours: 14,
    cost: 390,
    funding: 'Sectorfonds (VIVO)',
    supportTime: 'Twee vormingsdagen binnen de werkuren',
    supportBudget: 'Inschrijvingsgeld',
    followUp: 'Nabespreking in het teamoverleg',
  });
  const carried = (await plans.getPlan(at, katrien, zoePlan.id)).content?.goals.find(
    (g) => g.carriedFromGoalId,
  );
  if (carried)
    await plans.updateGoal(at, zoe, carried.id, {
      targetDate: addDays(start, 200),
      confirmSpecific: true,
      confirmMeasurable: true,
      acceptable: true,
      version: carried.version,
    });
  const firstFollowUp = await plans.createFollowUp(at, katrien, zoePlan.id, addDays(today, -20));
  when(addDays(start, 6), '09:00');
  await fire(zoe, zoePlan, 'approve');
  await fire(katrien, zoePlan, 'approve');
  when(addDays(start, 60), '17:00');
  await plans.updateProgress(at, zoe, aggressionTraining.id, {
    status: 'done',
    actualHours: 14,
    actualCost: 390,
    actualStart: addDays(start, 30),
    actualEnd: addDays(start, 31),
    version: aggressionTraining.version,
  });
  await plans.addComment(at, katrien, aggressionTraining.id, {
    text: 'Fijn dat je de technieken al toepaste bij het incident van vorige week.',
  });
  when(addDays(today, -20), '14:00');
  if (carried)
    await plans.updateFollowUp(at, katrien, firstFollowUp.id, {
      held: true,
      notes: 'Goede voortgang; het meterschap vraagt een nieuwe streefdatum.',
      entries: [
        { goalId: aggression.id, state: 'on_track', progress: 'Training gevolgd, aanpak in gebruik.' },
        {
          goalId: carried.id,
          state: 'adjusted',
          progress: 'Er start pas in het najaar een nieuwe collega.',
          acceleration: 'Meter worden voor een stagiair in de tussentijd.',
          expectations: 'Het lerend netwerk helpt; streefdatum verschuift.',
        },
      ],
      version: firstFollowUp.version,
    });
  when(addDays(today, -19), '10:00');
  const revised = (await plans.getPlan(at, zoe, zoePlan.id)).content?.goals.find((g) => g.carriedFromGoalId);
  if (revised)
    await plans.updateGoal(at, zoe, revised.id, {
      targetDate: addDays(start, 300),
      description: 'Meter zijn voor nieuwe collega’s en stagiairs tijdens hun eerste maand.',
      version: revised.version,
    });
  await fire(katrien, zoePlan, 'approve');
  when(addDays(today, -18), '08:30');
  await fire(zoe, zoePlan, 'approve');
  await plans.createFollowUp(at, katrien, zoePlan.id, addDays(today, 45));

  // Noah: evaluatie; his answers are in, his manager's not yet.
  const noahStart = addMonths(`${today.slice(0, 8)}01`, -11);
  when(addDays(noahStart, -14));
  let noahPlan = await plans.startPlan(at, katrien, {
    employeeId: noah.personId,
    periodStart: noahStart,
    periodEnd: addDays(addYears(noahStart, 1), -1),
  });
  when(addDays(noahStart, -7));
  noahPlan = await fire(katrien, noahPlan, 'start_conversation');
  const dossier = await plans.createGoal(at, katrien, noahPlan.id, {
    title: 'Zelfstandig werken met het elektronisch cliëntdossier',
    description: 'Zorgplannen opstellen en bijwerken in het elektronisch cliëntdossier.',
    competencyId: competency('Communicatie'),
    priority: 'high',
    horizon: 'short',
    targetDate: addDays(noahStart, 180),
    measure: 'Noah werkt de zorgplannen van zijn bewoners zelf bij.',
  });
  const onTheJob = await plans.createAction(at, katrien, dossier.id, {
    type: 'on_the_job',
    description: 'Samen met een ervaren collega zorgplannen opstellen',
    timing: { kind: 'range', from: noahStart, to: addDays(noahStart, 90) },
    supportCoach: 'Bram Willems als aanspreekpunt',
    followUp: 'Bespreking na 3 maanden',
  });
  await fire(noah, noahPlan, 'approve');
  await fire(katrien, noahPlan, 'approve');
  when(addDays(noahStart, 95));
  await plans.updateProgress(at, noah, onTheJob.id, { status: 'done', version: onTheJob.version });
  when(addDays(today, -5));
  noahPlan = await fire(katrien, noahPlan, 'start_evaluation');
  const ownEvaluation = noahPlan.content?.evaluations.employee;
  if (ownEvaluation?.visible) {
    const saved = await plans.saveEvaluation(at, noah, noahPlan.id, {
      goalsReached: 'Ja, ik werk de zorgplannen nu zelf bij.',
      effectOnFunctioning: 'Ik heb een beter overzicht over mijn bewoners.',
      effectOnCareer: 'Ik wil later graag referentiepersoon voor het dossier worden.',
      version: ownEvaluation.version,
    });
    await plans.submitEvaluation(at, noah, noahPlan.id, saved.version);
  }
}
