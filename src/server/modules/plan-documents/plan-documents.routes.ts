import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/common.js';
import { versionParams } from '../../../shared/contracts/plans.js';
import type { AppContext } from '../../context.js';
import { attachmentHeader, pdfContentType } from '../../documents/index.js';
import { exportRateLimit } from '../../http/rate-limit.js';
import { requireActor } from '../../http/request.js';
import type { DocumentFile } from './plan-documents.service.js';
import * as service from './plan-documents.service.js';

export function planDocumentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    // Every PDF shares the per-person limit of exports: documents are expensive to make.
    const rateLimit = exportRateLimit(ctx);
    const send = (reply: FastifyReply, file: DocumentFile) =>
      reply
        .type(pdfContentType)
        .header('content-disposition', attachmentHeader(file.fileName))
        .header('cache-control', 'no-store')
        .send(file.bytes);

    app.get(
      '/api/plans/:id/versions/:number/pdf',
      {
        preHandler: rateLimit,
        schema: {
          tags: ['documents'],
          summary:
            'An approved version of the POP as a PDF (A4, in the employee’s language): header, goals with their SMART check, the POP form’s table, practical agreements, follow-up and evaluation of the latest version, signature boxes. Refused as the JSON version is',
          params: versionParams,
        },
      },
      async (request, reply) =>
        send(
          reply,
          await service.exportVersionPdf(
            ctx,
            requireActor(request),
            request.params.id,
            request.params.number,
          ),
        ),
    );

    app.get(
      '/api/plans/:id/pdf',
      {
        preHandler: rateLimit,
        schema: {
          tags: ['documents'],
          summary:
            'The current state of the POP as a PDF marked as a draft (Ontwerp), for whoever may read its content',
          params: idParams,
        },
      },
      async (request, reply) =>
        send(reply, await service.exportDraftPdf(ctx, requireActor(request), request.params.id)),
    );

    app.get(
      '/api/plans/:id/preparations/mine/pdf',
      {
        preHandler: rateLimit,
        schema: {
          tags: ['documents'],
          summary:
            'One’s own preparation form of the POP as a blank PDF to prepare on paper: the questions with lines to write on, never the answers (its employee or its manager)',
          params: idParams,
        },
      },
      async (request, reply) =>
        send(
          reply,
          await service.exportOwnPreparationForm(
            ctx,
            requireActor(request),
            request.params.id,
            request.locale,
          ),
        ),
    );

    app.get(
      '/api/documents/pop-form.pdf',
      {
        preHandler: rateLimit,
        schema: {
          tags: ['documents'],
          summary:
            'An empty POP form as a PDF (the sample template: goal, action, timing, support, follow-up) in the caller’s language',
        },
      },
      async (request, reply) =>
        send(reply, await service.exportEmptyPopForm(ctx, requireActor(request), request.locale)),
    );
  };
}
