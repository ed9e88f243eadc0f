import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { budgetCheckResponse } from '../../../shared/contracts/budgets.js';
import { idParams } from '../../../shared/contracts/common.js';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/request.js';
import * as service from './plan-budget.service.js';

export function planBudgetRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/plans/:id/budget-check',
      {
        schema: {
          tags: ['plans', 'budgets'],
          summary:
            'Before approval: the budgets (organisation, team, funding sources) the POP’s content would exceed, and whether one is hard (its parties and HR)',
          params: idParams,
          response: { 200: budgetCheckResponse },
        },
      },
      async (request) => service.budgetCheck(ctx, requireActor(request), request.params.id),
    );
  };
}
