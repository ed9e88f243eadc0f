import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors.js';
import type { Locale } from '../../shared/i18n/locales.js';
import type { SessionActor } from '../security/session-actor.js';
import { acceptsGzip, gzipOf } from './answer-cache.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person, or null. Set by the session hook before any route runs. */
    actor: SessionActor | null;
    /** Language of answers: the person's choice, else the browser's Accept-Language, else nl-BE. */
    locale: Locale;
  }
}

export function requireActor(request: FastifyRequest): SessionActor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}

export interface CookieSettings {
  name: string;
  secure: boolean;
}

export function setSessionCookie(
  reply: FastifyReply,
  cookie: CookieSettings,
  token: string,
  expiresAt: Date,
): void {
  reply.setCookie(cookie.name, token, {
    path: '/',
    httpOnly: true,
    secure: cookie.secure,
    sameSite: 'lax',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, cookie: CookieSettings): void {
  reply.clearCookie(cookie.name, { path: '/', httpOnly: true, secure: cookie.secure, sameSite: 'lax' });
}

/**
 * For routes that keep their answer serialized (a cache of the route's own output): the route's serializer as a
 * function from the response type to JSON text, and its UTF-8 bytes sent as JSON without serializing them again,
 * gzipped when the answer's gzip is made and the client takes it.
 */
export function serializedJson<T>(reply: FastifyReply): {
  serialize: (payload: T) => string;
  send: (body: Buffer) => FastifyReply;
} {
  return {
    serialize: (payload) => reply.serialize(payload) as string,
    send: (body) => {
      reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
      const zipped = gzipOf(body);
      if (zipped && acceptsGzip(reply.request.headers['accept-encoding'])) {
        return reply.header('content-encoding', 'gzip').send(zipped);
      }
      return reply.send(body);
    },
  };
}
