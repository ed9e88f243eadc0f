import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, okResponse } from '../../../shared/contracts/common.js';
import {
  actionProgressBody,
  actionResponse,
  createActionBody,
  createCommentBody,
  createGoalBody,
  goalResponse,
  updateActionBody,
  updateGoalBody,
  versionQuery,
} from '../../../shared/contracts/plans.js';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/request.js';
import * as service from './plan-goals.service.js';

export function planGoalRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/plans/:id/goals',
      {
        schema: {
          tags: ['goals'],
          summary:
            'Add an ontwikkeldoel; withdraws the approvals given so far (the plan’s employee and manager)',
          params: idParams,
          body: createGoalBody,
          response: { 201: goalResponse },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.createGoal(ctx, requireActor(request), request.params.id, request.body)),
    );

    app.get(
      '/api/goals/:id',
      {
        schema: {
          tags: ['goals'],
          summary: 'One goal with its actions and SMART check',
          params: idParams,
          response: { 200: goalResponse },
        },
      },
      async (request) => service.getGoal(ctx, requireActor(request), request.params.id),
    );

    app.patch(
      '/api/goals/:id',
      {
        schema: {
          tags: ['goals'],
          summary:
            'Change a goal (while the content is editable) or record its evaluation result (in evaluatie); a stale version answers 409',
          params: idParams,
          body: updateGoalBody,
          response: { 200: goalResponse },
        },
      },
      async (request) => service.updateGoal(ctx, requireActor(request), request.params.id, request.body),
    );

    app.delete(
      '/api/goals/:id',
      {
        schema: {
          tags: ['goals'],
          summary: 'Remove a goal and its actions (while the content is editable)',
          params: idParams,
          querystring: versionQuery,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await service.deleteGoal(ctx, requireActor(request), request.params.id, request.query.version);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/goals/:id/actions',
      {
        schema: {
          tags: ['actions'],
          summary: 'Add an action (VTO(C)-maatregel) to a goal',
          params: idParams,
          body: createActionBody,
          response: { 201: actionResponse },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.createAction(ctx, requireActor(request), request.params.id, request.body)),
    );

    app.get(
      '/api/actions/:id',
      {
        schema: {
          tags: ['actions'],
          summary: 'One action with its comments',
          params: idParams,
          response: { 200: actionResponse },
        },
      },
      async (request) => service.getAction(ctx, requireActor(request), request.params.id),
    );

    app.patch(
      '/api/actions/:id',
      {
        schema: {
          tags: ['actions'],
          summary: 'Change what was agreed about an action (while the content is editable)',
          params: idParams,
          body: updateActionBody,
          response: { 200: actionResponse },
        },
      },
      async (request) => service.updateAction(ctx, requireActor(request), request.params.id, request.body),
    );

    app.delete(
      '/api/actions/:id',
      {
        schema: {
          tags: ['actions'],
          summary: 'Remove an action (while the content is editable)',
          params: idParams,
          querystring: versionQuery,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await service.deleteAction(ctx, requireActor(request), request.params.id, request.query.version);
        return { ok: true as const };
      },
    );

    app.patch(
      '/api/actions/:id/progress',
      {
        schema: {
          tags: ['actions'],
          summary:
            'Status, actual hours, cost, dates and certificate note during the execution (the plan’s employee and manager)',
          params: idParams,
          body: actionProgressBody,
          response: { 200: actionResponse },
        },
      },
      async (request) => service.updateProgress(ctx, requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/api/actions/:id/comments',
      {
        schema: {
          tags: ['actions'],
          summary: 'Comment on an action (the plan’s employee and manager)',
          params: idParams,
          body: createCommentBody,
          response: { 201: actionResponse },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.addComment(ctx, requireActor(request), request.params.id, request.body)),
    );
  };
}
