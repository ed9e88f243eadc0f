import type { Actor } from '../../shared/policies.js';
import { addDays, dateIn, zonedTimeToUtc } from '../../shared/pop/dates.js';
import type { Role } from '../../shared/roles.js';
import type { AppContext } from '../context.js';
import * as plans from '../modules/plans/index.js';

/**
 * What Katrien's team view needs beyond the POPs of the cycle demo: Senne, the newest woonbegeleider, shared his
 * preparation with two talking points (one names Veerkracht, which Thomas and Zoë work on too, so a shared training
 * stands out in the themes); Katrien added her own point but has not shared yet, and the exchange deadline has
 * passed, so the team view shows something late. Written through the plan services, like the other demo plans.
 */
export interface TeamViewDemoIds {
  organisationId: string;
  timeZone: string;
  personIds: Map<string, string>;
}

export async function seedDemoTeamView(ctx: AppContext, ids: TeamViewDemoIds): Promise<void> {
  const today = dateIn(ids.timeZone, ctx.clock.now());
  let current = ctx.clock.now();
  const at = { ...ctx, clock: { now: () => current } };
  const when = (date: string, time = '10:00') => {
    current = zonedTimeToUtc(date, time, ids.timeZone);
  };
  const actor = (local: string, roles: Role[]): Actor | null => {
    const personId = ids.personIds.get(`${local}@debrug.example`);
    return personId ? { personId, organisationId: ids.organisationId, roles } : null;
  };
  const katrien = actor('katrien.vandenbroeck', ['employee', 'manager']);
  const senne = actor('senne.mertens', ['employee']);
  if (!katrien || !senne) return;

  when(addDays(today, -12), '09:00');
  let plan: Awaited<ReturnType<typeof plans.startPlan>>;
  try {
    plan = await plans.startPlan(at, katrien, {
      employeeId: senne.personId,
      conversationAt: zonedTimeToUtc(addDays(today, 2), '13:30', ids.timeZone).toISOString(),
    });
  } catch {
    // Another part of the demo gave Senne a POP already: his team view row shows that one.
    return;
  }

  const prepare = async (who: Actor, answers: string[], points: string[], share: boolean) => {
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

  when(addDays(today, -8), '20:30');
  await prepare(
    senne,
    [
      'Ik maak snel contact met de jongvolwassenen in Het Anker en blijf geduldig bij onrust.',
      'Na een zware nachtdienst neem ik de spanning soms mee naar huis.',
      'Ik wil leren hoe ik rustig blijf als een bewoner agressief wordt.',
    ],
    ['Veerkracht na zware nachtdiensten', 'Omgaan met agressie bij jongvolwassenen'],
    true,
  );
  when(addDays(today, -7), '08:45');
  await prepare(
    katrien,
    ['Senne werkt sinds september in Het Anker; zijn inwerktraject loopt goed.'],
    ['Inlevingsvermogen bij bewoners met autisme'],
    false,
  );
}
