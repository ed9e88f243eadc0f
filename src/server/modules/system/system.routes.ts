import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { meResponse } from '../../../shared/contracts/auth.js';
import { healthResponse, setupBody, setupStatusResponse } from '../../../shared/contracts/system.js';
import type { AppContext } from '../../context.js';
import type { CookieSettings } from '../../http/request.js';
import { setSessionCookie } from '../../http/request.js';
import { getMe, startSession } from '../auth/index.js';
import { needsSetup, setup } from '../organisation/index.js';

export function systemRoutes(ctx: AppContext, cookie: CookieSettings): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      {
        schema: {
          tags: ['system'],
          summary: 'Liveness and the database in use',
          response: { 200: healthResponse },
        },
      },
      async () => ({ status: 'ok' as const, database: ctx.database.dialect, version: ctx.version }),
    );

    app.get(
      '/api/setup',
      {
        schema: {
          tags: ['system'],
          summary: 'Whether the first set-up still has to run',
          response: { 200: setupStatusResponse },
        },
      },
      async () => ({ needsSetup: await needsSetup(ctx), demo: ctx.config.demo }),
    );

    app.post(
      '/api/setup',
      {
        schema: {
          tags: ['system'],
          summary: 'First set-up: the organisation and its first beheerder (only on an empty install)',
          body: setupBody,
          response: { 201: meResponse },
        },
      },
      async (request, reply) => {
        const { adminId } = await setup(ctx, request.body, request.locale);
        const session = await startSession(ctx, adminId, {
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        setSessionCookie(reply, cookie, session.token, session.expiresAt);
        return reply.status(201).send(await getMe(ctx, session.actor));
      },
    );
  };
}
