import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import type { CookieSettings } from '../http/request.js';
import { authRoutes } from './auth/index.js';
import { organisationRoutes } from './organisation/index.js';
import { systemRoutes } from './system/index.js';

/** Every module's routes. One line per module. */
export async function registerModuleRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  cookie: CookieSettings,
): Promise<void> {
  await app.register(systemRoutes(ctx, cookie));
  await app.register(authRoutes(ctx, cookie));
  await app.register(organisationRoutes(ctx));
}
