import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/common.js';
import {
  createTemplateBody,
  templateAssignmentsBody,
  templateListResponse,
  templateResponse,
  updateTemplateBody,
} from '../../../shared/contracts/templates.js';
import type { AppContext } from '../../context.js';
import { attachmentHeader, pdfContentType } from '../../documents/index.js';
import { exportRateLimit } from '../../http/rate-limit.js';
import { requireActor } from '../../http/request.js';
import * as service from './templates.service.js';

export function templatesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/templates',
      {
        schema: {
          tags: ['templates'],
          summary:
            'Preparation templates (voorbereidingsformulieren) and which team or function uses which (HR)',
          response: { 200: templateListResponse },
        },
      },
      async (request) => service.listTemplates(ctx, requireActor(request)),
    );

    app.post(
      '/api/templates',
      {
        schema: {
          tags: ['templates'],
          summary: 'Create a preparation template for the employee or the manager (HR)',
          body: createTemplateBody,
          response: { 201: templateResponse },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.createTemplate(ctx, requireActor(request), request.body)),
    );

    app.put(
      '/api/templates/assignments',
      {
        schema: {
          tags: ['templates'],
          summary: 'Choose per team or function which template applies, per party; replaces the list (HR)',
          body: templateAssignmentsBody,
          response: { 200: templateListResponse },
        },
      },
      async (request) => service.replaceAssignments(ctx, requireActor(request), request.body),
    );

    app.get(
      '/api/templates/:id',
      {
        schema: {
          tags: ['templates'],
          summary: 'One preparation template with its questions (HR)',
          params: idParams,
          response: { 200: templateResponse },
        },
      },
      async (request) => service.getTemplate(ctx, requireActor(request), request.params.id),
    );

    app.get(
      '/api/templates/:id/pdf',
      {
        preHandler: exportRateLimit(ctx),
        schema: {
          tags: ['templates'],
          summary:
            'A preparation template as a blank PDF form with lines to write on, to prepare on paper (any signed-in member of the organisation)',
          params: idParams,
        },
      },
      async (request, reply) => {
        const file = await service.exportTemplatePdf(
          ctx,
          requireActor(request),
          request.params.id,
          request.locale,
        );
        return reply
          .type(pdfContentType)
          .header('content-disposition', attachmentHeader(file.fileName))
          .header('cache-control', 'no-store')
          .send(file.bytes);
      },
    );

    app.patch(
      '/api/templates/:id',
      {
        schema: {
          tags: ['templates'],
          summary:
            'Rename, make default, archive, or add, reorder and reword questions (full ordered list); running plans keep their copy (HR)',
          params: idParams,
          body: updateTemplateBody,
          response: { 200: templateResponse },
        },
      },
      async (request) => service.updateTemplate(ctx, requireActor(request), request.params.id, request.body),
    );
  };
}
