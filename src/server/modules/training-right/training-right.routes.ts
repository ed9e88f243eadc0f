import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { okResponse } from '../../../shared/contracts/common.js';
import {
  balanceListQuery,
  balanceListResponse,
  dayNormResponse,
  deadlinesResponse,
  exportQuery,
  learningAccountExport,
  myTrainingRightResponse,
  normParams,
  normVersionQuery,
  saveDayNormBody,
  sendStatementsBody,
  sendStatementsResponse,
  trainingRightSettingsResponse,
  updateTrainingRightSettingsBody,
  yearQuery,
} from '../../../shared/contracts/training-right.js';
import { learningAccountCsv } from '../../../shared/training-right/learning-account.js';
import type { AppContext } from '../../context.js';
import { exportRateLimit } from '../../http/rate-limit.js';
import { requireActor } from '../../http/request.js';
import * as learningAccount from './learning-account.service.js';
import * as balances from './training-balances.service.js';
import * as service from './training-right.service.js';

const tags = ['training-right'];

/** The Belgian training right and the federal learning account. Organisations in the Netherlands get 404. */
export function trainingRightRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/training-right/settings',
      {
        schema: {
          tags,
          summary: 'Training-right settings, the computed size and the day norms per year (HR, beheerder)',
          querystring: yearQuery,
          response: { 200: trainingRightSettingsResponse },
        },
      },
      async (request) => service.getSettings(ctx, requireActor(request), request.query.year),
    );

    app.put(
      '/api/training-right/settings',
      {
        schema: {
          tags,
          summary:
            'Change the average FTE, joint committee, carry-over, hours per day, consultation body (HR, beheerder)',
          body: updateTrainingRightSettingsBody,
          response: { 200: trainingRightSettingsResponse },
        },
      },
      async (request) => service.updateSettings(ctx, requireActor(request), request.body),
    );

    app.put(
      '/api/training-right/norms/:year',
      {
        schema: {
          tags,
          summary: 'Set the training days per FTE of one year, e.g. from a sector agreement (HR, beheerder)',
          params: normParams,
          body: saveDayNormBody,
          response: { 200: dayNormResponse },
        },
      },
      async (request) => service.saveNorm(ctx, requireActor(request), request.params.year, request.body),
    );

    app.delete(
      '/api/training-right/norms/:year',
      {
        schema: {
          tags,
          summary: 'Remove the norm of a year: the legal number of days applies again (HR, beheerder)',
          params: normParams,
          querystring: normVersionQuery,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await service.deleteNorm(ctx, requireActor(request), request.params.year, request.query.version);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/training-right/balances',
      {
        schema: {
          tags,
          summary: 'Training-days balances of a year: everyone (HR, beheerder) or the people one manages',
          querystring: balanceListQuery,
          response: { 200: balanceListResponse },
        },
      },
      async (request) => balances.listBalances(ctx, requireActor(request), request.query),
    );

    app.get(
      '/api/training-right/me',
      {
        schema: {
          tags,
          summary: 'My own training days of a year and my trainings, with whether each counts',
          querystring: yearQuery,
          response: { 200: myTrainingRightResponse },
        },
      },
      async (request) => balances.getMine(ctx, requireActor(request), request.query.year, request.locale),
    );

    app.post(
      '/api/training-right/statements',
      {
        schema: {
          tags,
          summary: 'Email every active employee their balance statement of a year, once each (HR)',
          body: sendStatementsBody,
          response: { 200: sendStatementsResponse },
        },
      },
      async (request) => balances.sendStatements(ctx, requireActor(request), request.body),
    );

    app.get(
      '/api/training-right/learning-account.json',
      {
        preHandler: exportRateLimit(ctx),
        schema: {
          tags,
          summary: 'Training records for the federal learning account, as JSON (HR); recorded as a delivery',
          querystring: exportQuery,
          response: { 200: learningAccountExport },
        },
      },
      async (request, reply) => {
        const file = await learningAccount.exportLearningAccount(
          ctx,
          requireActor(request),
          request.query.period,
        );
        return reply
          .header('content-disposition', `attachment; filename="${file.fileName}.json"`)
          .send(file.data);
      },
    );

    app.get(
      '/api/training-right/learning-account.csv',
      {
        preHandler: exportRateLimit(ctx),
        schema: {
          tags,
          summary: 'Training records for the federal learning account, as CSV (HR); recorded as a delivery',
          querystring: exportQuery,
          produces: ['text/csv'],
        },
      },
      async (request, reply) => {
        const file = await learningAccount.exportLearningAccount(
          ctx,
          requireActor(request),
          request.query.period,
        );
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${file.fileName}.csv"`)
          .send(learningAccountCsv(file.rows));
      },
    );

    app.get(
      '/api/training-right/deadlines',
      {
        schema: {
          tags,
          summary: 'Learning-account deliveries due in a year, and whether an export covered each (HR)',
          querystring: yearQuery,
          response: { 200: deadlinesResponse },
        },
      },
      async (request) => learningAccount.listDeadlines(ctx, requireActor(request), request.query.year),
    );
  };
}
