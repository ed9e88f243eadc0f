import { randomUUID } from 'node:crypto';
import { searchKey } from '../../shared/text.js';
import type { AppContext } from '../context.js';
import { guardedUpdate } from '../db/guarded-update.js';
import { assertAcceptablePassword, hashPassword } from '../modules/auth/index.js';
import { insertCompetency } from '../modules/competencies/index.js';
import { insertJobFunction, replaceFunctionCompetencies } from '../modules/job-functions/index.js';
import { insertOrganisation, markSetupDone, needsSetup } from '../modules/organisation/index.js';
import { insertPerson, replaceRoles } from '../modules/people/index.js';
import { insertTeam } from '../modules/teams/index.js';
import { seedDemoBudgets } from './demo-budgets.js';
import {
  demoCompetencies,
  demoFunctions,
  demoLogins,
  demoOrganisation,
  demoPassword,
  demoPeople,
  demoTeams,
} from './demo-data.js';
import { seedDemoNotifications } from './demo-notifications.js';
import { seedDemoPlans } from './demo-plans.js';
import { seedDemoTeamView } from './demo-team-view.js';
import { seedDemoTrainingPlan } from './demo-training-plan.js';
import { seedDemoTrainingRight } from './demo-training-right.js';

export interface DemoLogin {
  organisation: string;
  role: string;
  email: string;
  password: string;
}

const required = <T>(map: Map<string, T>, key: string): T => {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo data refers to unknown "${key}"`);
  return value;
};

/**
 * On an install that was never set up, creates the demo organisation and marks set-up done, in one transaction.
 * Answers the demo logins, or null when set-up already happened (a second start, or a real organisation).
 */
export async function seedDemoIfEmpty(ctx: AppContext): Promise<DemoLogin[] | null> {
  if (!(await needsSetup(ctx))) return null;
  assertAcceptablePassword(demoPassword, 'password');
  const passwordHash = await hashPassword(demoPassword);
  const now = ctx.clock.now();
  const at = now.toISOString();
  const organisationId = randomUUID();
  const competencyIds = new Map<string, string>();
  const personIds = new Map<string, string>();
  try {
    await ctx.database.db.transaction().execute(async (trx) => {
      await markSetupDone(trx, at);
      await insertOrganisation(trx, { id: organisationId, ...demoOrganisation, isDemo: true, now: at });

      for (const competency of demoCompetencies) {
        const id = randomUUID();
        await insertCompetency(trx, {
          id,
          organisationId,
          nameKey: searchKey(competency.name),
          now: at,
          ...competency,
        });
        competencyIds.set(competency.name, id);
      }
      const functionIds = new Map<string, string>();
      for (const fn of demoFunctions) {
        const id = randomUUID();
        await insertJobFunction(trx, {
          id,
          organisationId,
          name: fn.name,
          nameKey: searchKey(fn.name),
          description: fn.description,
          now: at,
        });
        await replaceFunctionCompetencies(
          trx,
          organisationId,
          id,
          fn.competencies.map((name) => required(competencyIds, name)),
        );
        functionIds.set(fn.name, id);
      }
      // Teams first without their leaders: teams and people point at each other.
      const teamIds = new Map<string, string>();
      for (const team of demoTeams) {
        const id = randomUUID();
        await insertTeam(trx, {
          id,
          organisationId,
          name: team.name,
          nameKey: searchKey(team.name),
          description: team.description,
          now: at,
        });
        teamIds.set(team.name, id);
      }
      for (const person of demoPeople) {
        const id = randomUUID();
        await insertPerson(trx, {
          id,
          organisationId,
          firstName: person.firstName,
          lastName: person.lastName,
          email: person.email,
          functionId: person.function ? required(functionIds, person.function) : null,
          teamId: person.team ? required(teamIds, person.team) : null,
          managerId: person.manager ? required(personIds, person.manager) : null,
          startDate: person.startDate,
          fte: person.fte,
          workRegime: person.workRegime,
          employmentCountry: demoOrganisation.country,
          locale: demoOrganisation.locale,
          passwordHash,
          now: at,
        });
        await replaceRoles(trx, organisationId, id, person.roles);
        personIds.set(person.email, id);
      }
      for (const team of demoTeams) {
        await guardedUpdate(
          trx,
          'teams',
          { id: required(teamIds, team.name), organisationId, version: 1 },
          { manager_id: required(personIds, team.manager) },
          now,
        );
      }
    });
  } catch (error) {
    // Another process seeded or set up at the same moment: its organisation stands, this one is rolled back.
    if (!(await needsSetup(ctx))) return null;
    throw error;
  }
  // The plans go through the plan services, after the organisation exists; only the process that created it gets here.
  await seedDemoPlans(ctx, { organisationId, timeZone: demoOrganisation.timeZone, personIds, competencyIds });
  await seedDemoTrainingRight(ctx, { organisationId, timeZone: demoOrganisation.timeZone, personIds });
  await seedDemoTrainingPlan(ctx, { organisationId, timeZone: demoOrganisation.timeZone, personIds });
  await seedDemoBudgets(ctx, { organisationId, timeZone: demoOrganisation.timeZone });
  await seedDemoTeamView(ctx, { organisationId, timeZone: demoOrganisation.timeZone, personIds });
  await seedDemoNotifications(ctx, { organisationId, personIds });
  return demoLogins.map((login) => ({
    organisation: demoOrganisation.name,
    role: login.role,
    email: login.email,
    password: demoPassword,
  }));
}
