import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { okResponse } from '../../../shared/contracts/common.js';
import {
  calendarFeedResponse,
  createdCalendarFeedResponse,
  feedTokenParams,
  followUpEventParams,
  planEventParams,
} from '../../../shared/contracts/notifications.js';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/request.js';
import * as calendar from './calendar.service.js';
import { icsHeaders } from './notifications.routes.js';

export function calendarRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/plans/:id/events/:kind.ics',
      {
        schema: {
          tags: ['calendar'],
          summary:
            'The conversation or the evaluation of a plan as an .ics file (the plan’s employee and manager)',
          params: planEventParams,
          produces: ['text/calendar'],
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const file = await calendar.planEventIcs(ctx, actor, request.params.id, request.params.kind, null);
        return reply.headers(icsHeaders(file.filename)).send(file.body);
      },
    );
    app.get(
      '/api/plans/:id/events/follow-up/:followUpId.ics',
      {
        schema: {
          tags: ['calendar'],
          summary: 'One opvolgingsmoment of a plan as an .ics file (the plan’s employee and manager)',
          params: followUpEventParams,
          produces: ['text/calendar'],
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const file = await calendar.planEventIcs(
          ctx,
          actor,
          request.params.id,
          'follow_up',
          request.params.followUpId,
        );
        return reply.headers(icsHeaders(file.filename)).send(file.body);
      },
    );
    app.get(
      '/api/calendar/feed',
      {
        schema: {
          tags: ['calendar'],
          summary: 'Whether I have a calendar feed (the URL itself is shown only when created)',
          response: { 200: calendarFeedResponse },
        },
      },
      async (request) => calendar.feedStatus(ctx, requireActor(request)),
    );
    app.post(
      '/api/calendar/feed',
      {
        schema: {
          tags: ['calendar'],
          summary: 'Create (or renew) my private calendar feed URL; an earlier URL stops working',
          response: { 201: createdCalendarFeedResponse },
        },
      },
      async (request, reply) => reply.status(201).send(await calendar.createFeed(ctx, requireActor(request))),
    );
    app.delete(
      '/api/calendar/feed',
      {
        schema: {
          tags: ['calendar'],
          summary: 'Revoke my calendar feed URL',
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await calendar.revokeFeed(ctx, requireActor(request));
        return { ok: true as const };
      },
    );
    app.get(
      '/calendar/:token.ics',
      {
        schema: {
          tags: ['calendar'],
          summary:
            'A person’s calendar feed (webcal): no session, the token is the key; dates, names and links only',
          params: feedTokenParams,
          produces: ['text/calendar'],
        },
      },
      async (request, reply) => {
        const body = await calendar.feedIcs(ctx, request.params.token);
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('cache-control', 'private, no-cache')
          .header('x-robots-tag', 'noindex')
          .send(body);
      },
    );
  };
}
