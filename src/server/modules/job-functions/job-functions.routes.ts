import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/common.js';
import {
  createJobFunctionBody,
  jobFunctionListResponse,
  jobFunctionResponse,
  updateJobFunctionBody,
} from '../../../shared/contracts/organisation.js';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/request.js';
import * as service from './job-functions.service.js';

export function jobFunctionsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/functions',
      {
        schema: {
          tags: ['functions'],
          summary: 'Function profiles (functieprofielen) with their competencies; every member may read them',
          response: { 200: jobFunctionListResponse },
        },
      },
      async (request) => ({ items: await service.listJobFunctions(ctx, requireActor(request)) }),
    );

    app.post(
      '/api/functions',
      {
        schema: {
          tags: ['functions'],
          summary: 'Create a function profile with an ordered list of competencies (HR, beheerder)',
          body: createJobFunctionBody,
          response: { 201: jobFunctionResponse },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.createJobFunction(ctx, requireActor(request), request.body)),
    );

    app.get(
      '/api/functions/:id',
      {
        schema: {
          tags: ['functions'],
          summary: 'One function profile',
          params: idParams,
          response: { 200: jobFunctionResponse },
        },
      },
      async (request) => service.getJobFunction(ctx, requireActor(request), request.params.id),
    );

    app.patch(
      '/api/functions/:id',
      {
        schema: {
          tags: ['functions'],
          summary:
            'Change a function profile; `competencyIds` replaces the list, `active: false` archives it',
          params: idParams,
          body: updateJobFunctionBody,
          response: { 200: jobFunctionResponse },
        },
      },
      async (request) =>
        service.updateJobFunction(ctx, requireActor(request), request.params.id, request.body),
    );
  };
}
