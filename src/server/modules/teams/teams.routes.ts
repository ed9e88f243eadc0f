import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/common.js';
import {
  createTeamBody,
  teamListResponse,
  teamResponse,
  updateTeamBody,
} from '../../../shared/contracts/organisation.js';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/request.js';
import * as service from './teams.service.js';

export function teamsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/teams',
      {
        schema: {
          tags: ['teams'],
          summary: 'Teams (afdelingen): all for HR and the beheerder, the teams they lead for a manager',
          response: { 200: teamListResponse },
        },
      },
      async (request) => ({ items: await service.listTeams(ctx, requireActor(request)) }),
    );

    app.post(
      '/api/teams',
      {
        schema: {
          tags: ['teams'],
          summary: 'Create a team (HR, beheerder)',
          body: createTeamBody,
          response: { 201: teamResponse },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.createTeam(ctx, requireActor(request), request.body)),
    );

    app.get(
      '/api/teams/:id',
      {
        schema: {
          tags: ['teams'],
          summary: 'One team',
          params: idParams,
          response: { 200: teamResponse },
        },
      },
      async (request) => service.getTeam(ctx, requireActor(request), request.params.id),
    );

    app.patch(
      '/api/teams/:id',
      {
        schema: {
          tags: ['teams'],
          summary: 'Change a team; `active: false` archives it (HR, beheerder)',
          params: idParams,
          body: updateTeamBody,
          response: { 200: teamResponse },
        },
      },
      async (request) => service.updateTeam(ctx, requireActor(request), request.params.id, request.body),
    );
  };
}
