import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { planExportKinds, planExportQuery } from '../../../shared/contracts/exports.js';
import type { AppContext } from '../../context.js';
import { streamTable } from '../../exports/stream-table.js';
import { exportRateLimit } from '../../http/rate-limit.js';
import { requireActor } from '../../http/request.js';
import * as service from './plan-exports.service.js';

const summaries = {
  plans: 'POPs with phase, dates, counts (and agreements where the caller may read them)',
  goals: 'Ontwikkeldoelen of the POPs (titles and descriptions only where the caller may read plan content)',
  actions:
    'Acties of the POPs with kind, timing, year, hours, cost and status (descriptions only where the caller may read plan content)',
} as const;

export function planExportRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const rateLimit = exportRateLimit(ctx);
    for (const kind of planExportKinds) {
      app.get(
        `/api/exports/${kind}`,
        {
          schema: {
            tags: ['exports'],
            summary: `Download as CSV (UTF-8 with BOM, ';') or XLSX: ${summaries[kind]}. HR: every plan of the organisation; a manager: the plans they lead. The filters of the screen apply; X-Export-Rows tells how many rows follow`,
            querystring: planExportQuery,
          },
          preHandler: rateLimit,
        },
        async (request, reply) => {
          const table = await service.planExport(
            ctx,
            requireActor(request),
            kind,
            request.query,
            request.locale,
          );
          return streamTable(reply, request.query.format, table);
        },
      );
    }
  };
}
