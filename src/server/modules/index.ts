import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import type { CookieSettings } from '../http/request.js';
import { actionTypesRoutes } from './action-types/index.js';
import { auditRoutes } from './audit/index.js';
import { authRoutes } from './auth/index.js';
import { budgetsRoutes } from './budgets/index.js';
import { competenciesRoutes } from './competencies/index.js';
import { importsRoutes } from './imports/index.js';
import { jobFunctionsRoutes } from './job-functions/index.js';
import { calendarRoutes, notificationsRoutes } from './notifications/index.js';
import { organisationRoutes } from './organisation/index.js';
import { outboxRoutes } from './outbox/index.js';
import { peopleRoutes } from './people/index.js';
import { planDocumentRoutes } from './plan-documents/index.js';
import { planExportRoutes } from './plan-exports/index.js';
import { plansRoutes } from './plans/index.js';
import { privacyRoutes } from './privacy/index.js';
import { systemRoutes } from './system/index.js';
import { teamViewRoutes } from './team-view/index.js';
import { teamsRoutes } from './teams/index.js';
import { templatesRoutes } from './templates/index.js';
import { trainingPlanRoutes } from './training-plan/index.js';
import { trainingRightRoutes } from './training-right/index.js';

/** Every module's routes. One line per module. */
export async function registerModuleRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  cookie: CookieSettings,
): Promise<void> {
  await app.register(systemRoutes(ctx, cookie));
  await app.register(authRoutes(ctx, cookie));
  await app.register(organisationRoutes(ctx));
  await app.register(teamsRoutes(ctx));
  await app.register(jobFunctionsRoutes(ctx));
  await app.register(competenciesRoutes(ctx));
  await app.register(peopleRoutes(ctx));
  await app.register(importsRoutes());
  await app.register(outboxRoutes(ctx));
  await app.register(templatesRoutes(ctx));
  await app.register(actionTypesRoutes(ctx));
  await app.register(plansRoutes(ctx));
  await app.register(notificationsRoutes(ctx));
  await app.register(calendarRoutes(ctx));
  await app.register(budgetsRoutes(ctx));
  await app.register(trainingRightRoutes(ctx));
  await app.register(trainingPlanRoutes(ctx));
  await app.register(teamViewRoutes(ctx));
  await app.register(planExportRoutes(ctx));
  await app.register(planDocumentRoutes(ctx));
  await app.register(auditRoutes(ctx));
  await app.register(privacyRoutes(ctx));
}
