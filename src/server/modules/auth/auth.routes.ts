import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  changePasswordBody,
  loginBody,
  meResponse,
  passwordResetRequestBody,
  setPasswordWithTokenBody,
  tokenInfoResponse,
  tokenParams,
  updateMeBody,
} from '../../../shared/contracts/auth.js';
import { okResponse } from '../../../shared/contracts/common.js';
import type { AppContext } from '../../context.js';
import {
  type CookieSettings,
  clearSessionCookie,
  requireActor,
  setSessionCookie,
} from '../../http/request.js';
import * as auth from './auth.service.js';

export function authRoutes(ctx: AppContext, cookie: CookieSettings): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/auth/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign in with email and password',
          body: loginBody,
          response: { 200: meResponse },
        },
      },
      async (request, reply) => {
        const session = await auth.login(ctx, {
          ...request.body,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          previousToken: request.cookies[cookie.name],
        });
        setSessionCookie(reply, cookie, session.token, session.expiresAt);
        request.locale = session.actor.locale;
        return auth.getMe(ctx, session.actor);
      },
    );

    app.post(
      '/api/auth/logout',
      { schema: { tags: ['auth'], summary: 'Sign out: ends this session', response: { 200: okResponse } } },
      async (request, reply) => {
        const actor = requireActor(request);
        await auth.logout(ctx, actor.sessionId);
        clearSessionCookie(reply, cookie);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/auth/me',
      {
        schema: {
          tags: ['auth'],
          summary: 'The signed-in person, organisation, capabilities and CSRF token',
          response: { 200: meResponse },
        },
      },
      async (request) => auth.getMe(ctx, requireActor(request)),
    );

    app.patch(
      '/api/auth/me',
      {
        schema: {
          tags: ['auth'],
          summary: 'Change own preferences (language)',
          body: updateMeBody,
          response: { 200: meResponse },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        await auth.updateMe(ctx, actor, request.body);
        return auth.getMe(ctx, { ...actor, locale: request.body.locale });
      },
    );

    app.post(
      '/api/auth/password',
      {
        schema: {
          tags: ['auth'],
          summary: 'Change own password; other sessions end',
          body: changePasswordBody,
          response: { 200: meResponse },
        },
      },
      async (request, reply) => {
        const session = await auth.changePassword(ctx, requireActor(request), {
          ...request.body,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        setSessionCookie(reply, cookie, session.token, session.expiresAt);
        return auth.getMe(ctx, session.actor);
      },
    );

    app.post(
      '/api/auth/password-reset',
      {
        schema: {
          tags: ['auth'],
          summary: 'Ask for a password reset link (same answer whether the address exists or not)',
          body: passwordResetRequestBody,
          response: { 202: okResponse },
        },
      },
      async (request, reply) => {
        await auth.requestPasswordReset(ctx, { email: request.body.email, ip: request.ip });
        return reply.status(202).send({ ok: true as const });
      },
    );

    app.get(
      '/api/auth/tokens/:token',
      {
        schema: {
          tags: ['auth'],
          summary: 'Check an invitation or reset link',
          params: tokenParams,
          response: { 200: tokenInfoResponse },
        },
      },
      async (request) => auth.tokenInfo(ctx, request.params.token),
    );

    app.post(
      '/api/auth/tokens',
      {
        schema: {
          tags: ['auth'],
          summary: 'Choose a password through an invitation or reset link, and sign in',
          body: setPasswordWithTokenBody,
          response: { 200: meResponse },
        },
      },
      async (request, reply) => {
        const session = await auth.setPasswordWithToken(ctx, {
          ...request.body,
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
        });
        setSessionCookie(reply, cookie, session.token, session.expiresAt);
        request.locale = session.actor.locale;
        return auth.getMe(ctx, session.actor);
      },
    );
  };
}
