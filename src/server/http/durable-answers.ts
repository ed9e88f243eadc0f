import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../shared/errors.js';
import type { DatabaseHandle } from '../db/connection.js';
import { errorBody } from './error-handler.js';

/**
 * No answer leaves before the commits it may reflect are on disk (SQLite commits in groups: decisions/0008). When
 * the disk cannot confirm them, the answer becomes the plain internal error: it must never say a save succeeded.
 */
export function registerDurableAnswers(
  app: FastifyInstance,
  database: Pick<DatabaseHandle, 'whenDurable' | 'pollDurable'>,
): void {
  // Each request that starts takes in the flushes finished meanwhile: the answers they release leave now.
  app.addHook('onRequest', (_request, _reply, done) => {
    database.pollDurable();
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    database.whenDurable().then(
      () => done(),
      (error: unknown) => {
        request.log.error({ err: error }, 'commit not confirmed on disk');
        if (payload && typeof (payload as Readable).destroy === 'function') (payload as Readable).destroy();
        reply.removeHeader('content-disposition');
        reply.status(500).header('content-type', 'application/json; charset=utf-8');
        done(null, JSON.stringify(errorBody(request, new AppError('INTERNAL'))));
      },
    );
  });
}
