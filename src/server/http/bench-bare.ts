import type { FastifyInstance, FastifyReply, FastifyRequest, InjectOptions } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../shared/errors.js';
import { requireActor } from './request.js';

/**
 * The benchmark's "bare limit" (bench/run.ts): routes that answer bytes captured once from a real endpoint, straight
 * from memory, behind the same hooks as every API route (session lookup, CSRF for writes, JSON body parsing, the
 * security headers). An endpoint's requests per second are reported as a share of this limit.
 *
 * Registered only when GROEIPAD_BENCH_BARE is set (the benchmark runner sets it); never in a real install, and hidden
 * from the OpenAPI document. Captures live in this process's memory only.
 */
const keyParams = z.strictObject({ key: z.string().regex(/^[a-z0-9-]{1,64}$/) });
const captureBody = z.strictObject({
  method: z.enum(['GET', 'PATCH', 'POST', 'PUT']),
  url: z.string().startsWith('/api/').max(500),
  body: z.unknown().optional(),
});

interface Captured {
  status: number;
  contentType: string;
  contentEncoding: string | undefined;
  body: Buffer;
}

export async function registerBenchBare(app: FastifyInstance): Promise<void> {
  const captured = new Map<string, Captured>();
  app.log.warn('benchmark bare-limit routes are on (GROEIPAD_BENCH_BARE): never set this in a real install');

  // Calls the real endpoint once, as the caller (same cookie, same CSRF token), and keeps its answer's bytes.
  app.post(
    '/api/bench/bare/:key/capture',
    { schema: { hide: true, params: keyParams, body: captureBody } },
    async (request) => {
      requireActor(request);
      const { key } = request.params as z.infer<typeof keyParams>;
      const input = request.body as z.infer<typeof captureBody>;
      const headers: Record<string, string> = {};
      for (const name of ['cookie', 'x-csrf-token', 'accept-language', 'accept-encoding'] as const) {
        const value = request.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const options: InjectOptions = { method: input.method, url: input.url, headers };
      if (input.body !== undefined) options.payload = input.body as object;
      let response = await app.inject(options);
      if (input.method === 'GET') {
        // The answer as it is sent once kept: its gzip is made in the background after the first request.
        await new Promise((r) => setTimeout(r, 200));
        response = await app.inject(options);
      }
      const encoding = response.headers['content-encoding'];
      captured.set(key, {
        status: response.statusCode,
        contentType: String(response.headers['content-type'] ?? 'application/json; charset=utf-8'),
        contentEncoding: typeof encoding === 'string' ? encoding : undefined,
        body: response.rawPayload,
      });
      return { status: response.statusCode, bytes: response.rawPayload.length };
    },
  );

  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    requireActor(request);
    const { key } = request.params as z.infer<typeof keyParams>;
    const found = captured.get(key);
    if (!found) throw new AppError('NOT_FOUND');
    if (found.contentEncoding)
      reply.header('content-encoding', found.contentEncoding).header('vary', 'accept-encoding');
    return reply.status(found.status).type(found.contentType).send(found.body);
  };
  app.get('/api/bench/bare/:key', { schema: { hide: true, params: keyParams } }, serve);
  app.patch('/api/bench/bare/:key', { schema: { hide: true, params: keyParams } }, serve);
  app.post('/api/bench/bare/:key', { schema: { hide: true, params: keyParams } }, serve);
}
