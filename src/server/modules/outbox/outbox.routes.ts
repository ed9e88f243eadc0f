import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/common.js';
import { outboxResponse } from '../../../shared/contracts/organisation.js';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/request.js';
import * as service from './outbox.service.js';

export function outboxRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/outbox',
      {
        schema: {
          tags: ['admin'],
          summary: 'The last 200 emails of the organisation, newest first (beheerder)',
          response: { 200: outboxResponse },
        },
      },
      async (request) => service.listOutbox(ctx, requireActor(request)),
    );
    app.post(
      '/api/admin/outbox/:id/retry',
      {
        schema: {
          tags: ['admin'],
          summary: 'Send a failed or waiting email again now (beheerder)',
          params: idParams,
          response: { 200: outboxResponse.shape.items.element },
        },
      },
      async (request) => service.retryEmail(ctx, requireActor(request), request.params.id),
    );
  };
}
