import type { FastifyInstance } from 'fastify';
import { AppError } from '../../shared/errors.js';
import { localeFromAcceptLanguage } from '../../shared/i18n/locales.js';
import type { AppContext } from '../context.js';
import { resolveSession } from '../modules/auth/index.js';
import { safeEqual } from '../security/tokens.js';
import type { CookieSettings } from './request.js';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the session cookie into `request.actor` on every API request and guards state-changing requests
 * against CSRF: with a session, the `x-csrf-token` header must match the session's token; without one (sign-in,
 * set-up, password links), a cross-site Origin is refused. Only JSON bodies are parsed, so plain HTML forms from
 * another site cannot post at all.
 */
export function registerSessionHooks(app: FastifyInstance, ctx: AppContext, cookie: CookieSettings): void {
  const allowedOrigin = new URL(ctx.config.publicUrl).origin;
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'nl-BE');

  app.addHook('onRequest', async (request) => {
    request.locale = localeFromAcceptLanguage(request.headers['accept-language']);
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[cookie.name];
    if (token && token.length <= 200) {
      const actor = await resolveSession(ctx, token);
      if (actor) {
        actor.requestId = String(request.id);
        request.actor = actor;
        request.locale = actor.locale;
      }
    }
    if (!unsafeMethods.has(request.method)) return;
    if (request.actor) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, request.actor.csrfToken))
        throw new AppError('CSRF_FAILED');
      return;
    }
    const origin = request.headers.origin;
    if (origin && origin !== allowedOrigin && origin !== `${request.protocol}://${request.host}`) {
      throw new AppError('CSRF_FAILED');
    }
  });
}
