import { randomUUID } from 'node:crypto';
import type { FundingSourceKind } from '../../shared/contracts/budgets.js';
import { dateIn } from '../../shared/pop/dates.js';
import { searchKey } from '../../shared/text.js';
import type { AppContext } from '../context.js';
import {
  actionsOfOrganisation,
  assignFundingSources,
  insertBudget,
  insertFundingSource,
  scopeKey,
} from '../modules/budgets/index.js';
import { listTeamRows } from '../modules/teams/index.js';

/**
 * The funding sources and training budgets of vzw De Brug for this year and the next, and a source for every action
 * in its POPs: formal trainings from the VIVO sector budget, a long education from the sector fund, informal
 * learning from the organisation's own means. The Woonbegeleiding budget is hard: the MT agreed not to exceed it.
 */
const sources: Array<{ key: 'vivo' | 'fund' | 'own'; name: string; kind: FundingSourceKind; rules: string }> =
  [
    {
      key: 'vivo',
      name: 'VIVO sectorbudget',
      kind: 'vivo',
      rules:
        'Voor opleidingen bij erkende opleidingsverstrekkers die in het opleidingsplan staan. Aanvragen via het VIVO-platform vóór de start van de opleiding; bewaar de aanwezigheidslijst en het attest. De toekenning geldt per kalenderjaar.',
    },
    {
      key: 'fund',
      name: 'Sectorfonds sociaal-cultureel werk / VIVO',
      kind: 'sector_fund',
      rules:
        'Tussenkomst in het inschrijvingsgeld van langere opleidingen (postgraduaat, bachelor, bijscholing van minstens 30 uur). Hoogstens € 1.500 per medewerker per jaar; aanvragen tot een maand na de start. Lesuren tellen als werktijd.',
    },
    {
      key: 'own',
      name: 'Eigen middelen',
      kind: 'own',
      rules:
        'Het vormingsbudget van De Brug zelf, voor wat geen sectorbudget dekt: interne coaching, intervisie, lerende netwerken, boeken en studiedagen. Tot € 250 beslist de leidinggevende; daarboven HR.',
    },
  ];

const formalTypes = new Set(['course', 'training', 'education', 'external_coaching']);

/** Which source pays for an action, as HR and the managers would have chosen it. */
function sourceFor(action: {
  type: string;
  funding: string | null;
  cost: number | null;
}): 'vivo' | 'fund' | 'own' {
  const funding = (action.funding ?? '').toLowerCase();
  if (action.type === 'education' || (funding.includes('sectorfonds') && !funding.includes('vivo')))
    return 'fund';
  return formalTypes.has(action.type) ? 'vivo' : 'own';
}

export async function seedDemoBudgets(
  ctx: AppContext,
  ids: { organisationId: string; timeZone: string },
): Promise<void> {
  const year = Number(dateIn(ids.timeZone, ctx.clock.now()).slice(0, 4));
  const at = ctx.clock.now().toISOString();
  await ctx.database.db.transaction().execute(async (trx) => {
    const sourceIds = new Map<string, string>();
    for (const source of sources) {
      const id = randomUUID();
      await insertFundingSource(trx, {
        id,
        organisationId: ids.organisationId,
        name: source.name,
        nameKey: searchKey(source.name),
        kind: source.kind,
        rules: source.rules,
        now: at,
      });
      sourceIds.set(source.key, id);
    }
    const teams = new Map((await listTeamRows(trx, ids.organisationId)).map((team) => [team.name, team.id]));
    const team = (name: string) => teams.get(name) ?? null;
    const budgets: Array<{
      year: number;
      team: string | null;
      source: 'vivo' | 'fund' | 'own' | null;
      amount: number;
      isHard?: boolean;
      note?: string;
    }> = [
      {
        year,
        team: null,
        source: null,
        amount: 12_000,
        note: `Vormingsbudget volgens de begroting ${year}.`,
      },
      { year, team: null, source: 'vivo', amount: 4_500, note: 'Toegekend sectorbudget van VIVO.' },
      { year, team: null, source: 'fund', amount: 2_000 },
      {
        year,
        team: 'Woonbegeleiding',
        source: null,
        amount: 3_000,
        isHard: true,
        note: 'Afgesproken in het MT: niet overschrijden zonder nieuw akkoord.',
      },
      { year, team: 'Atelier & dagbesteding', source: null, amount: 2_500 },
      { year, team: 'Ondersteunende diensten', source: null, amount: 1_500 },
      { year: year + 1, team: null, source: null, amount: 12_500, note: 'Voorstel voor de begroting.' },
      { year: year + 1, team: null, source: 'vivo', amount: 4_500 },
      { year: year + 1, team: 'Woonbegeleiding', source: null, amount: 3_200, isHard: true },
    ];
    for (const budget of budgets) {
      const teamId = budget.team ? team(budget.team) : null;
      const sourceId = budget.source ? (sourceIds.get(budget.source) ?? null) : null;
      if (budget.team && !teamId) continue;
      await insertBudget(trx, {
        id: randomUUID(),
        organisationId: ids.organisationId,
        year: budget.year,
        teamId,
        fundingSourceId: sourceId,
        scopeKey: scopeKey(teamId, sourceId),
        amount: budget.amount,
        currency: 'EUR',
        isHard: budget.isHard ?? false,
        note: budget.note ?? null,
        now: at,
      });
    }
    const assignments = new Map<string, string>();
    for (const action of await actionsOfOrganisation(trx, ids.organisationId)) {
      const sourceId = sourceIds.get(sourceFor(action));
      if (sourceId) assignments.set(action.id, sourceId);
    }
    await assignFundingSources(trx, ids.organisationId, assignments);
  });
}
