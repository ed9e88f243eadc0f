import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  auditPageResponse,
  auditSearchQuery,
  planAuditQuery,
  planAuditResponse,
} from '../../../shared/contracts/audit.js';
import { idParams } from '../../../shared/contracts/common.js';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/request.js';
import * as service from './audit.service.js';

export function auditRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/plans/:id/audit',
      {
        schema: {
          tags: ['audit'],
          summary:
            'Who read and changed this POP, newest first: its employee sees the readers and the changes, its manager the changes',
          params: idParams,
          querystring: planAuditQuery,
          response: { 200: planAuditResponse },
        },
      },
      async (request) => service.listPlanAudit(ctx, requireActor(request), request.params.id, request.query),
    );

    app.get(
      '/api/audit',
      {
        schema: {
          tags: ['audit'],
          summary:
            'Search the organisation’s audit log, newest first (beheerder): changed content fields are named, never shown',
          querystring: auditSearchQuery,
          response: { 200: auditPageResponse },
        },
      },
      async (request) => service.searchAudit(ctx, requireActor(request), request.query),
    );
  };
}
