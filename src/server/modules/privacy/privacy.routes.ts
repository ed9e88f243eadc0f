import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../shared/contracts/common.js';
import {
  dataExportResponse,
  erasureBody,
  erasureRecordResponse,
  legalHoldBody,
  personPrivacyResponse,
  recordsOfProcessingResponse,
  retentionSettingsResponse,
  updateRetentionBody,
} from '../../../shared/contracts/privacy.js';
import type { AppContext } from '../../context.js';
import { attachmentHeader, pdfContentType } from '../../documents/index.js';
import { exportRateLimit } from '../../http/rate-limit.js';
import { requireActor } from '../../http/request.js';
import * as exports from './data-export.service.js';
import * as service from './privacy.service.js';

export function privacyRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['privacy'];
    // Both downloads share the per-person limit of every export and PDF.
    const rateLimit = exportRateLimit(ctx);

    app.get(
      '/api/me/data-export.json',
      {
        preHandler: rateLimit,
        schema: {
          tags,
          summary:
            'Everything Groeipad holds about me (GDPR art. 15) as one JSON file: record, account, my POPs with what others wrote in them, training, messages, and who read or changed my data',
          response: { 200: dataExportResponse },
        },
      },
      async (request, reply) => {
        const file = await exports.exportOwnDataJson(ctx, requireActor(request), request.locale);
        reply
          .header('content-disposition', attachmentHeader(file.fileName))
          .header('cache-control', 'no-store');
        return file.data;
      },
    );

    app.get(
      '/api/me/data-export.pdf',
      {
        preHandler: rateLimit,
        schema: {
          tags,
          summary: 'The same export of my data as a readable PDF in my language',
        },
      },
      async (request, reply) => {
        const file = await exports.exportOwnDataPdf(ctx, requireActor(request), request.locale);
        return reply
          .type(pdfContentType)
          .header('content-disposition', attachmentHeader(file.fileName))
          .header('cache-control', 'no-store')
          .send(file.bytes);
      },
    );

    app.get(
      '/api/organisation/retention',
      {
        schema: {
          tags,
          summary:
            'Retention periods per category (months after leaving; the audit log after each event), with the country’s defaults and legal minimums (beheerder)',
          response: { 200: retentionSettingsResponse },
        },
      },
      async (request) => service.getRetentionSettings(ctx, requireActor(request)),
    );

    app.put(
      '/api/organisation/retention',
      {
        schema: {
          tags,
          summary:
            'Change retention periods (null = the country’s default); refused under a legal minimum or with training records going before the content (beheerder)',
          body: updateRetentionBody,
          response: { 200: retentionSettingsResponse },
        },
      },
      async (request) => service.updateRetentionSettings(ctx, requireActor(request), request.body),
    );

    app.get(
      '/api/organisation/records-of-processing',
      {
        schema: {
          tags,
          summary:
            'The records of processing (GDPR art. 30) generated from the settings: purposes, legal basis, data subjects and categories, recipients, retention, in the reader’s language',
          response: { 200: recordsOfProcessingResponse },
        },
      },
      async (request) => service.getRecordsOfProcessing(ctx, requireActor(request), request.locale),
    );

    app.get(
      '/api/people/:id/privacy',
      {
        schema: {
          tags,
          summary:
            'A person’s legal hold, when each category of their data is due for removal, and their erasure (beheerder)',
          params: idParams,
          response: { 200: personPrivacyResponse },
        },
      },
      async (request) => service.getPersonPrivacy(ctx, requireActor(request), request.params.id),
    );

    app.put(
      '/api/people/:id/legal-hold',
      {
        schema: {
          tags,
          summary:
            'Set (with a reason) or lift a legal hold: nothing about the person is purged or erased meanwhile (beheerder)',
          params: idParams,
          body: legalHoldBody,
          response: { 200: personPrivacyResponse },
        },
      },
      async (request) => service.setLegalHold(ctx, requireActor(request), request.params.id, request.body),
    );

    app.post(
      '/api/people/:id/erasure',
      {
        schema: {
          tags,
          summary:
            'Erase a person on request (GDPR art. 17), with the reason: content, account and messages go, training records the law requires stay under a pseudonym; refused under a legal hold (beheerder)',
          params: idParams,
          body: erasureBody,
          response: { 201: erasureRecordResponse },
        },
      },
      async (request, reply) => {
        const record = await service.erasePerson(ctx, requireActor(request), request.params.id, request.body);
        return reply.status(201).send(record);
      },
    );
  };
}
