import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  trainingPlanQuery,
  trainingPlanResponse,
  trainingPlanSettingsResponse,
  trainingPlanTask,
  trainingPlanTaskParams,
  updateTrainingPlanSettingsBody,
  updateTrainingPlanTaskBody,
} from '../../../shared/contracts/training-plan.js';
import type { AppContext } from '../../context.js';
import { attachmentHeader, csvContentType, pdfContentType, xlsxContentType } from '../../documents/index.js';
import { exportRateLimit } from '../../http/rate-limit.js';
import { requireActor } from '../../http/request.js';
import * as service from './training-plan.service.js';

export function trainingPlanRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // Documents are expensive to make: the PDF and the workbook share the per-person limit of every export.
    const rateLimit = exportRateLimit(ctx);
    app.get(
      '/api/training-plan',
      {
        schema: {
          tags: ['training plan'],
          summary:
            'The training plan (opleidingsplan) of one year from every POP’s actions: counts per kind, team, function and target group, the Belgian obligation and consultation timeline (HR; plan content only when the organisation allows)',
          querystring: trainingPlanQuery,
          response: { 200: trainingPlanResponse },
        },
      },
      async (request) => service.getTrainingPlan(ctx, requireActor(request), request.query, request.locale),
    );

    app.get(
      '/api/training-plan/export.pdf',
      {
        preHandler: rateLimit,
        schema: {
          tags: ['training plan'],
          summary: 'The training plan of one year as a PDF in the caller’s language (HR)',
          querystring: trainingPlanQuery,
        },
      },
      async (request, reply) => {
        const file = await service.exportTrainingPlanPdf(
          ctx,
          requireActor(request),
          request.query,
          request.locale,
        );
        return reply
          .type(pdfContentType)
          .header('content-disposition', attachmentHeader(file.fileName))
          .header('cache-control', 'no-store')
          .send(file.bytes);
      },
    );

    app.get(
      '/api/training-plan/export.xlsx',
      {
        preHandler: rateLimit,
        schema: {
          tags: ['training plan'],
          summary: 'The training plan of one year as an Excel workbook (XLSX) in the caller’s language (HR)',
          querystring: trainingPlanQuery,
        },
      },
      async (request, reply) => {
        const file = await service.exportTrainingPlanXlsx(
          ctx,
          requireActor(request),
          request.query,
          request.locale,
        );
        return reply
          .type(xlsxContentType)
          .header('content-disposition', attachmentHeader(file.fileName))
          .header('cache-control', 'no-store')
          .send(file.bytes);
      },
    );

    app.get(
      '/api/training-plan/export.csv',
      {
        preHandler: rateLimit,
        schema: {
          tags: ['training plan'],
          summary: 'The training plan of one year as CSV, a section per table, in the caller’s language (HR)',
          querystring: trainingPlanQuery,
        },
      },
      async (request, reply) => {
        const file = await service.exportTrainingPlanCsv(
          ctx,
          requireActor(request),
          request.query,
          request.locale,
        );
        return reply
          .type(csvContentType)
          .header('content-disposition', attachmentHeader(file.fileName))
          .header('cache-control', 'no-store')
          .send(file.bytes);
      },
    );

    app.put(
      '/api/training-plan/tasks/:year/:key',
      {
        schema: {
          tags: ['training plan'],
          summary: 'Tick a consultation step of the year’s training plan off or reopen it, with a note (HR)',
          params: trainingPlanTaskParams,
          body: updateTrainingPlanTaskBody,
          response: { 200: trainingPlanTask },
        },
      },
      async (request) => service.updateTask(ctx, requireActor(request), request.params, request.body),
    );

    app.put(
      '/api/training-plan/settings',
      {
        schema: {
          tags: ['training plan'],
          summary: 'Who advises on the training plan: works council, union delegation or neither (HR)',
          body: updateTrainingPlanSettingsBody,
          response: { 200: trainingPlanSettingsResponse },
        },
      },
      async (request) => service.updateSettings(ctx, requireActor(request), request.body),
    );
  };
}
