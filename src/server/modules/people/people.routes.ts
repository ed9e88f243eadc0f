import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/common.js';
import {
  createPersonBody,
  csvUploadBody,
  importJobResponse,
  importPreviewResponse,
  invitePersonResponse,
  personListQuery,
  personListResponse,
  personResponse,
  updatePersonBody,
} from '../../../shared/contracts/organisation.js';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/request.js';
import * as service from './people.service.js';
import * as importer from './people-import.service.js';

export function peopleRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/people',
      {
        schema: {
          tags: ['people'],
          summary:
            'People: everyone for HR and the beheerder, their reports and team members for a manager, themselves otherwise',
          querystring: personListQuery,
          response: { 200: personListResponse },
        },
      },
      async (request) => service.listPeople(ctx, requireActor(request), request.query),
    );

    app.post(
      '/api/people',
      {
        schema: {
          tags: ['people'],
          summary: 'Add a person; `invite: true` emails the invitation (HR, beheerder)',
          body: createPersonBody,
          response: { 201: personResponse },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.createPerson(ctx, requireActor(request), request.body)),
    );

    app.post(
      '/api/people/import/preview',
      {
        schema: {
          tags: ['people'],
          summary: 'What importing this CSV file (payroll or social secretariat export) would do, row by row',
          body: csvUploadBody,
          response: { 200: importPreviewResponse },
        },
      },
      async (request) =>
        importer.previewPeopleImport(ctx, requireActor(request), request.body, request.locale),
    );

    app.post(
      '/api/people/import',
      {
        schema: {
          tags: ['people'],
          summary:
            'Import a CSV file of people, all or nothing; poll GET /api/imports/:jobId (HR, beheerder)',
          body: csvUploadBody,
          response: { 202: importJobResponse },
        },
      },
      async (request, reply) =>
        reply
          .status(202)
          .send(await importer.startPeopleImport(ctx, requireActor(request), request.body, request.locale)),
    );

    app.get(
      '/api/people/:id',
      {
        schema: {
          tags: ['people'],
          summary: 'One person (themselves, their manager, HR and the beheerder)',
          params: idParams,
          response: { 200: personResponse },
        },
      },
      async (request) => service.getPerson(ctx, requireActor(request), request.params.id),
    );

    app.patch(
      '/api/people/:id',
      {
        schema: {
          tags: ['people'],
          summary: "Change a person; `status: 'disabled'` signs them out everywhere (HR, beheerder)",
          params: idParams,
          body: updatePersonBody,
          response: { 200: personResponse },
        },
      },
      async (request) => service.updatePerson(ctx, requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/api/people/:id/invitation',
      {
        schema: {
          tags: ['people'],
          summary: 'Email an invitation link to choose a password (HR, beheerder)',
          params: idParams,
          response: { 200: invitePersonResponse },
        },
      },
      async (request) => service.invitePerson(ctx, requireActor(request), request.params.id),
    );
  };
}
