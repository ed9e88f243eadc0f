import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';

/**
 * The request a service runs for, so an audit row carries the request id of the server log without every service
 * passing it along. Entered right before the handler: body parsing, which runs in the stream's context, lies behind.
 */
const storage = new AsyncLocalStorage<{ requestId: string }>();

export function registerAuditRequestContext(app: FastifyInstance): void {
  app.addHook('preHandler', (request, _reply, done) => {
    storage.run({ requestId: String(request.id) }, done);
  });
}

/** The id of the request being handled, or null outside one (jobs, the command line). */
export const currentRequestId = (): string | null => storage.getStore()?.requestId ?? null;
