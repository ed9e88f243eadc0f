import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/common.js';
import {
  competencyListResponse,
  competencyResponse,
  createCompetencyBody,
  csvUploadBody,
  importJobResponse,
  importPreviewResponse,
  updateCompetencyBody,
} from '../../../shared/contracts/organisation.js';
import type { AppContext } from '../../context.js';
import { requireActor } from '../../http/request.js';
import * as service from './competencies.service.js';
import * as importer from './competencies-import.service.js';

export function competenciesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/competencies',
      {
        schema: {
          tags: ['competencies'],
          summary: "The organisation's competency library; every member may read it",
          response: { 200: competencyListResponse },
        },
      },
      async (request) => ({ items: await service.listCompetencies(ctx, requireActor(request)) }),
    );

    app.post(
      '/api/competencies',
      {
        schema: {
          tags: ['competencies'],
          summary: 'Add a competency with its behavioural indicators (HR, beheerder)',
          body: createCompetencyBody,
          response: { 201: competencyResponse },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.createCompetency(ctx, requireActor(request), request.body)),
    );

    app.post(
      '/api/competencies/import/preview',
      {
        schema: {
          tags: ['competencies'],
          summary: 'What importing this CSV file would do (columns naam, omschrijving, gedragsindicatoren)',
          body: csvUploadBody,
          response: { 200: importPreviewResponse },
        },
      },
      async (request) =>
        importer.previewCompetencyImport(ctx, requireActor(request), request.body, request.locale),
    );

    app.post(
      '/api/competencies/import',
      {
        schema: {
          tags: ['competencies'],
          summary: 'Import a CSV file of competencies, all or nothing; poll GET /api/imports/:jobId',
          body: csvUploadBody,
          response: { 202: importJobResponse },
        },
      },
      async (request, reply) =>
        reply
          .status(202)
          .send(
            await importer.startCompetencyImport(ctx, requireActor(request), request.body, request.locale),
          ),
    );

    app.get(
      '/api/competencies/:id',
      {
        schema: {
          tags: ['competencies'],
          summary: 'One competency',
          params: idParams,
          response: { 200: competencyResponse },
        },
      },
      async (request) => service.getCompetency(ctx, requireActor(request), request.params.id),
    );

    app.patch(
      '/api/competencies/:id',
      {
        schema: {
          tags: ['competencies'],
          summary: 'Change a competency; `active: false` archives it (HR, beheerder)',
          params: idParams,
          body: updateCompetencyBody,
          response: { 200: competencyResponse },
        },
      },
      async (request) =>
        service.updateCompetency(ctx, requireActor(request), request.params.id, request.body),
    );
  };
}
