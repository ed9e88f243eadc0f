import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { organisationResponse, updateOrganisationBody } from '../../../shared/contracts/organisation.js';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/request.js';
import * as service from './organisation.service.js';

export function organisationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/organisation',
      {
        schema: {
          tags: ['organisation'],
          summary: 'The organisation of the signed-in person',
          response: { 200: organisationResponse },
        },
      },
      async (request) => service.getOrganisation(ctx, requireActor(request)),
    );
    app.patch(
      '/api/organisation',
      {
        schema: {
          tags: ['organisation'],
          summary: 'Change the organisation settings (beheerder)',
          body: updateOrganisationBody,
          response: { 200: organisationResponse },
        },
      },
      async (request) => service.updateOrganisation(ctx, requireActor(request), request.body),
    );
  };
}
