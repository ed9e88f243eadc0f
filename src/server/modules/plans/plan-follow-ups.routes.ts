import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, okResponse } from '../../../shared/contracts/common.js';
import {
  createFollowUpBody,
  followUpResponse,
  saveEvaluationBody,
  updateFollowUpBody,
  versionBody,
  versionQuery,
  visibleEvaluation,
} from '../../../shared/contracts/plans.js';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/request.js';
import * as service from './plan-follow-ups.service.js';

export function planFollowUpRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/plans/:id/follow-ups',
      {
        schema: {
          tags: ['follow-ups'],
          summary: 'Plan an opvolgingsmoment (the plan’s employee and manager)',
          params: idParams,
          body: createFollowUpBody,
          response: { 201: followUpResponse },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await service.createFollowUp(
              ctx,
              requireActor(request),
              request.params.id,
              request.body.plannedDate,
            ),
          ),
    );

    app.patch(
      '/api/follow-ups/:id',
      {
        schema: {
          tags: ['follow-ups'],
          summary:
            'Move, hold or note a follow-up; per goal the three questions and a state. An adjusted goal opens a revision',
          params: idParams,
          body: updateFollowUpBody,
          response: { 200: followUpResponse },
        },
      },
      async (request) => service.updateFollowUp(ctx, requireActor(request), request.params.id, request.body),
    );

    app.delete(
      '/api/follow-ups/:id',
      {
        schema: {
          tags: ['follow-ups'],
          summary: 'Remove a follow-up that has not taken place',
          params: idParams,
          querystring: versionQuery,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await service.deleteFollowUp(ctx, requireActor(request), request.params.id, request.query.version);
        return { ok: true as const };
      },
    );

    app.put(
      '/api/plans/:id/evaluations/mine',
      {
        schema: {
          tags: ['evaluations'],
          summary: 'Save one’s answers to the three evaluation questions (in evaluatie)',
          params: idParams,
          body: saveEvaluationBody,
          response: { 200: visibleEvaluation },
        },
      },
      async (request) => service.saveEvaluation(ctx, requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/api/plans/:id/evaluations/mine/submit',
      {
        schema: {
          tags: ['evaluations'],
          summary: 'Submit one’s evaluation; the other party reads it from then on',
          params: idParams,
          body: versionBody,
          response: { 200: visibleEvaluation },
        },
      },
      async (request) =>
        service.submitEvaluation(ctx, requireActor(request), request.params.id, request.body.version),
    );
  };
}
