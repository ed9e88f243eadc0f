import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type TeamView, teamViewQuery, teamViewResponse } from '../../../shared/contracts/team-view.js';
import type { AppContext } from '../../context.js';
import { requireActor, serializedJson } from '../../http/request.js';
import * as service from './team-view.service.js';

export function teamViewRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/team-view',
      {
        schema: {
          tags: ['team-view'],
          summary:
            'The team view: people with their POP phase, next date and what is late; learning needs (competency matrix, themes); chart figures. A manager for the people they lead, HR for any team (content only as the organisation allows)',
          querystring: teamViewQuery,
          response: { 200: teamViewResponse },
        },
      },
      async (request, reply) => {
        const json = serializedJson<TeamView>(reply);
        return json.send(
          await service.getTeamView(
            ctx,
            requireActor(request),
            request.query,
            request.locale,
            json.serialize,
          ),
        );
      },
    );
  };
}
