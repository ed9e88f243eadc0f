import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  budgetListResponse,
  budgetOverviewResponse,
  budgetResponse,
  budgetVersionQuery,
  budgetYearQuery,
  createBudgetBody,
  createFundingSourceBody,
  fundingSourceListResponse,
  fundingSourceResponse,
  updateBudgetBody,
  updateFundingSourceBody,
} from '../../../shared/contracts/budgets.js';
import { idParams, okResponse } from '../../../shared/contracts/common.js';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/request.js';
import * as service from './budgets.service.js';

export function budgetsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/funding-sources',
      {
        schema: {
          tags: ['budgets'],
          summary:
            'Funding sources (VIVO, sector fund, subsidy, own means...): names for everyone who fills in actions, with their rules for HR',
          response: { 200: fundingSourceListResponse },
        },
      },
      async (request) => ({ items: await service.listFundingSources(ctx, requireActor(request)) }),
    );

    app.post(
      '/api/funding-sources',
      {
        schema: {
          tags: ['budgets'],
          summary: 'Add a funding source with its rules in words (HR)',
          body: createFundingSourceBody,
          response: { 201: fundingSourceResponse },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.createFundingSource(ctx, requireActor(request), request.body)),
    );

    app.get(
      '/api/funding-sources/:id',
      {
        schema: {
          tags: ['budgets'],
          summary: 'One funding source (HR)',
          params: idParams,
          response: { 200: fundingSourceResponse },
        },
      },
      async (request) => service.getFundingSource(ctx, requireActor(request), request.params.id),
    );

    app.patch(
      '/api/funding-sources/:id',
      {
        schema: {
          tags: ['budgets'],
          summary: 'Change a funding source; `active: false` archives it (HR)',
          params: idParams,
          body: updateFundingSourceBody,
          response: { 200: fundingSourceResponse },
        },
      },
      async (request) =>
        service.updateFundingSource(ctx, requireActor(request), request.params.id, request.body),
    );

    app.get(
      '/api/budgets',
      {
        schema: {
          tags: ['budgets'],
          summary: 'The budgets of one year: organisation-wide, per team, per funding source (HR)',
          querystring: budgetYearQuery,
          response: { 200: budgetListResponse },
        },
      },
      async (request) => service.listBudgets(ctx, requireActor(request), request.query.year),
    );

    app.get(
      '/api/budgets/overview',
      {
        schema: {
          tags: ['budgets'],
          summary:
            'Planned, committed and spent per budget, funding source and team for one year (HR; a manager for the teams they lead)',
          querystring: budgetYearQuery,
          response: { 200: budgetOverviewResponse },
        },
      },
      async (request) => service.budgetOverview(ctx, requireActor(request), request.query.year),
    );

    app.post(
      '/api/budgets',
      {
        schema: {
          tags: ['budgets'],
          summary: 'Set a budget for a year, hard (refuses overspending approvals) or soft (HR)',
          body: createBudgetBody,
          response: { 201: budgetResponse },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.createBudget(ctx, requireActor(request), request.body)),
    );

    app.get(
      '/api/budgets/:id',
      {
        schema: {
          tags: ['budgets'],
          summary: 'One budget (HR)',
          params: idParams,
          response: { 200: budgetResponse },
        },
      },
      async (request) => service.getBudget(ctx, requireActor(request), request.params.id),
    );

    app.patch(
      '/api/budgets/:id',
      {
        schema: {
          tags: ['budgets'],
          summary: 'Change a budget (HR)',
          params: idParams,
          body: updateBudgetBody,
          response: { 200: budgetResponse },
        },
      },
      async (request) => service.updateBudget(ctx, requireActor(request), request.params.id, request.body),
    );

    app.delete(
      '/api/budgets/:id',
      {
        schema: {
          tags: ['budgets'],
          summary: 'Remove a budget at the version the caller saw (HR)',
          params: idParams,
          querystring: budgetVersionQuery,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await service.deleteBudget(ctx, requireActor(request), request.params.id, request.query.version);
        return { ok: true as const };
      },
    );
  };
}
