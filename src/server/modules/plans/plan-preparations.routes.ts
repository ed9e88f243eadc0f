import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, okResponse } from '../../../shared/contracts/common.js';
import {
  createTalkingPointBody,
  savePreparationBody,
  talkingPointParams,
  talkingPointResponse,
  updateTalkingPointBody,
  versionBody,
  versionQuery,
  visiblePreparation,
} from '../../../shared/contracts/plans.js';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/request.js';
import * as service from './plan-preparations.service.js';

/** The caller's own preparation and talking points; the other party's are read through GET /api/plans/:id. */
export function planPreparationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/plans/:id/preparations/mine',
      {
        schema: {
          tags: ['preparations'],
          summary: 'One’s own preparation of a POP (its employee or its manager)',
          params: idParams,
          response: { 200: visiblePreparation },
        },
      },
      async (request) => service.getOwnPreparation(ctx, requireActor(request), request.params.id),
    );

    app.put(
      '/api/plans/:id/preparations/mine',
      {
        schema: {
          tags: ['preparations'],
          summary:
            'Autosave one’s answers (all of them, per question id); a stale version answers 409 with the stored text',
          params: idParams,
          body: savePreparationBody,
          response: { 200: visiblePreparation },
        },
      },
      async (request) => service.savePreparation(ctx, requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/api/plans/:id/preparations/mine/share',
      {
        schema: {
          tags: ['preparations'],
          summary:
            'Share one’s preparation and talking points with the other party (once; read-only for them)',
          params: idParams,
          body: versionBody,
          response: { 200: visiblePreparation },
        },
      },
      async (request) =>
        service.sharePreparation(ctx, requireActor(request), request.params.id, request.body.version),
    );

    app.post(
      '/api/plans/:id/talking-points',
      {
        schema: {
          tags: ['preparations'],
          summary: 'Add a gesprekspunt to one’s own list',
          params: idParams,
          body: createTalkingPointBody,
          response: { 201: talkingPointResponse },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.addTalkingPoint(ctx, requireActor(request), request.params.id, request.body)),
    );

    app.patch(
      '/api/plans/:id/talking-points/:pointId',
      {
        schema: {
          tags: ['preparations'],
          summary: 'Reword or move one of one’s own talking points',
          params: talkingPointParams,
          body: updateTalkingPointBody,
          response: { 200: talkingPointResponse },
        },
      },
      async (request) =>
        service.updateTalkingPoint(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.pointId,
          request.body,
        ),
    );

    app.delete(
      '/api/plans/:id/talking-points/:pointId',
      {
        schema: {
          tags: ['preparations'],
          summary: 'Remove one of one’s own talking points',
          params: talkingPointParams,
          querystring: versionQuery,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await service.deleteTalkingPoint(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.pointId,
          request.query.version,
        );
        return { ok: true as const };
      },
    );
  };
}
