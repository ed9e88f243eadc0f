import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { importJobParams, importJobResponse } from '../../../shared/contracts/organisation.js';
import { requireActor } from '../../http/request.js';
import { getImportJob } from './import-jobs.service.js';

export function importsRoutes(): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/imports/:jobId',
      {
        schema: {
          tags: ['imports'],
          summary: 'Progress of an import (only for the person who started it)',
          params: importJobParams,
          response: { 200: importJobResponse },
        },
      },
      async (request) => getImportJob(requireActor(request), request.params.jobId),
    );
  };
}
