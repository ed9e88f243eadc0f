import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/common.js';
import {
  actionTypeListResponse,
  actionTypeResponse,
  createActionTypeBody,
  updateActionTypeBody,
} from '../../../shared/contracts/templates.js';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/request.js';
import * as service from './action-types.service.js';

export function actionTypesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/action-types',
      {
        schema: {
          tags: ['action-types'],
          summary: 'Kinds of POP action (VTO(C)-maatregelen): the built-in ones and those HR added',
          response: { 200: actionTypeListResponse },
        },
      },
      async (request) => ({
        items: await service.listActionTypes(ctx, requireActor(request), request.locale),
      }),
    );

    app.post(
      '/api/action-types',
      {
        schema: {
          tags: ['action-types'],
          summary: 'Add a kind of action (HR)',
          body: createActionTypeBody,
          response: { 201: actionTypeResponse },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.createActionType(ctx, requireActor(request), request.body, request.locale)),
    );

    app.patch(
      '/api/action-types/:id',
      {
        schema: {
          tags: ['action-types'],
          summary: 'Rename, reorder or deactivate a kind of action the organisation added (HR)',
          params: idParams,
          body: updateActionTypeBody,
          response: { 200: actionTypeResponse },
        },
      },
      async (request) =>
        service.updateActionType(ctx, requireActor(request), request.params.id, request.body, request.locale),
    );
  };
}
