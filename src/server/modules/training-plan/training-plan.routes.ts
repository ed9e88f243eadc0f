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

    const files = [
      {
        extension: 'pdf',
        contentType: pdfContentType,
        summary: 'The training plan of one year as a PDF in the caller’s language (HR)',
        make: service.exportTrainingPlanPdf,
      },
      {
        extension: 'xlsx',
        contentType: xlsxContentType,
        summary: 'The training plan of one year as an Excel workbook (XLSX) in the caller’s language (HR)',
        make: service.exportTrainingPlanXlsx,
      },
      {
        extension: 'csv',
        contentType: csvContentType,
        summary: 'The training plan of one year as CSV, a section per table, in the caller’s language (HR)',
        make: service.exportTrainingPlanCsv,
      },
    ] as const;
    for (const file of files)
      app.get(
        `/api/training-plan/export.${file.extension}`,
        {
          preHandler: rateLimit,
          schema: { tags: ['training plan'], summary: file.summary, querystring: trainingPlanQuery },
        },
        async (request, reply) => {
          const made = await file.make(ctx, requireActor(request), request.query, request.locale);
          return reply
            .type(file.contentType)
            .header('content-disposition', attachmentHeader(made.fileName))
            .header('cache-control', 'no-store')
            .send(made.bytes);
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
