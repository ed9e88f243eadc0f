import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/common.js';
import type { PlanDetail, PlanList } from '../../../shared/contracts/plans.js';
import {
  batchPlansBody,
  batchPlansResponse,
  carryOverResponse,
  createPlanBody,
  diffParams,
  planDetailResponse,
  planDiffResponse,
  planEventBody,
  planListQuery,
  planListResponse,
  planVersionResponse,
  requestPlanBody,
  updatePlanBody,
  versionParams,
} from '../../../shared/contracts/plans.js';
import type { AppContext } from '../../context.js';
import { requireActor, serializedJson } from '../../http/request.js';
import { planBudgetRoutes } from './plan-budget.routes.js';
import { planFollowUpRoutes } from './plan-follow-ups.routes.js';
import { planGoalRoutes } from './plan-goals.routes.js';
import { planPreparationRoutes } from './plan-preparations.routes.js';
import * as service from './plans.service.js';

export function plansRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/plans',
      {
        schema: {
          tags: ['plans'],
          summary:
            'POPs: one’s own and those one manages; HR sees every plan’s phase, dates and counts (never content in lists)',
          querystring: planListQuery,
          response: { 200: planListResponse },
        },
      },
      async (request, reply) => {
        const json = serializedJson<PlanList>(reply);
        return json.send(await service.listPlans(ctx, requireActor(request), request.query, json.serialize));
      },
    );

    app.post(
      '/api/plans',
      {
        schema: {
          tags: ['plans'],
          summary:
            'Start a POP for one person (HR, or their manager); with previousPlanId it carries chosen unfinished goals and actions over',
          body: createPlanBody,
          response: { 201: planDetailResponse },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.startPlan(ctx, requireActor(request), request.body)),
    );

    app.post(
      '/api/plans/batch',
      {
        schema: {
          tags: ['plans'],
          summary:
            'Start POPs for people, a team or the whole organisation, with conversation dates spread over the working days of a window (HR; a manager for their people)',
          body: batchPlansBody,
          response: { 200: batchPlansResponse },
        },
      },
      async (request) => service.startBatch(ctx, requireActor(request), request.body),
    );

    app.post(
      '/api/plans/requests',
      {
        schema: {
          tags: ['plans'],
          summary: 'Ask for one’s own POP: it starts in voorbereiding and shows up for one’s manager',
          body: requestPlanBody,
          response: { 201: planDetailResponse },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.requestPlan(ctx, requireActor(request), request.body)),
    );

    app.get(
      '/api/plans/:id',
      {
        schema: {
          tags: ['plans'],
          summary:
            'One POP as the plan page loads it: the events the caller may fire, permissions, and the content the caller may read',
          params: idParams,
          response: { 200: planDetailResponse },
        },
      },
      async (request, reply) => {
        const json = serializedJson<PlanDetail>(reply);
        return json.send(
          await service.getPlanPage(ctx, requireActor(request), request.params.id, json.serialize),
        );
      },
    );

    app.patch(
      '/api/plans/:id',
      {
        schema: {
          tags: ['plans'],
          summary:
            'Conversation date, period, facilities, evaluation date, conversation notes per guide step; the manager (HR only)',
          params: idParams,
          body: updatePlanBody,
          response: { 200: planDetailResponse },
        },
      },
      async (request) => service.updatePlan(ctx, requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/api/plans/:id/events',
      {
        schema: {
          tags: ['plans'],
          summary:
            'Fire an event of the POP cycle (approve, record_disagreement with a comment, start_revision, close...)',
          params: idParams,
          body: planEventBody,
          response: { 200: planDetailResponse },
        },
      },
      async (request) => service.firePlanEvent(ctx, requireActor(request), request.params.id, request.body),
    );

    app.get(
      '/api/plans/:id/versions/:number',
      {
        schema: {
          tags: ['plans'],
          summary: 'An approved version of the POP as both parties approved it',
          params: versionParams,
          response: { 200: planVersionResponse },
        },
      },
      async (request) =>
        service.getVersion(ctx, requireActor(request), request.params.id, request.params.number),
    );

    app.get(
      '/api/plans/:id/versions/:a/diff/:b',
      {
        schema: {
          tags: ['plans'],
          summary: 'What changed between two approved versions: agreements, goals and actions',
          params: diffParams,
          response: { 200: planDiffResponse },
        },
      },
      async (request) =>
        service.diffVersions(
          ctx,
          requireActor(request),
          request.params.id,
          request.params.a,
          request.params.b,
        ),
    );

    app.get(
      '/api/plans/:id/carry-over',
      {
        schema: {
          tags: ['plans'],
          summary: 'Unfinished goals and actions a next POP may take along',
          params: idParams,
          response: { 200: carryOverResponse },
        },
      },
      async (request) => service.carryOverOptions(ctx, requireActor(request), request.params.id),
    );

    await app.register(planPreparationRoutes(ctx));
    await app.register(planGoalRoutes(ctx));
    await app.register(planFollowUpRoutes(ctx));
    await app.register(planBudgetRoutes(ctx));
  };
}
