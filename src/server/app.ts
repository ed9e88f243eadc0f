import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { AppError } from '../shared/errors.js';
import type { AppContext } from './context.js';
import { organisationChanged } from './db/change-generation.js';
import { registerBenchBare } from './http/bench-bare.js';
import { registerDurableAnswers } from './http/durable-answers.js';
import { registerErrorHandler, sendAppError } from './http/error-handler.js';
import { type PageRendererSource, pageRendering } from './http/page-render.js';
import type { CookieSettings } from './http/request.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerSessionHooks } from './http/session-hooks.js';
import { registerModuleRoutes } from './modules/index.js';

export interface BuildOptions {
  /** Folder of the built web app to serve (production); omitted in API-only tests. */
  webRoot?: string;
  /** Renders the web app's pages on the server (the server build of the web app); without it, pages are the shell. */
  pageRenderer?: PageRendererSource;
}

const belowInfo = new Set(['warn', 'error', 'fatal', 'silent']);

/**
 * One log line per request, written when it is answered with the request in it, instead of Fastify's two.
 *
 * A request answered without error is written by `lines`, the app's logger without its redaction: the line holds the
 * method, the URL with its secret segments already replaced (the `req` serializer), the address, the status and the
 * time, never a header or a body, so the redaction had nothing to remove and cost most of the line's time (5 of 7 µs;
 * test/integration/audit.test.ts reads the log for every secret). An error line keeps the redaction.
 */
class OneLinePerRequest extends LogController {
  lines: FastifyBaseLogger | null = null;

  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: Parameters<LogController['requestCompleted']>[1],
    reply: Parameters<LogController['requestCompleted']>[2],
  ): void {
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else if (this.lines && !belowInfo.has(reply.log.level))
      this.lines.info({ reqId: request.id, ...line }, 'request completed');
    else reply.log.info(line, 'request completed');
  }
}

/** Builds the Fastify app: plugins, hooks, routes. Does not listen (tests use `inject()`). */
export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const requestLines = new OneLinePerRequest();
  const app: FastifyInstance = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 3 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    logController: requestLines,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Errors the router meets before any hook runs (malformed URL, over-long path parameter).
    frameworkErrors: (_error, request, reply) => {
      void sendAppError(request, reply, new AppError('BAD_REQUEST'));
    },
  });
  requestLines.lines = app.log.child({}, { redact: [] });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a cross-site HTML form (urlencoded, multipart, text/plain) cannot reach a route.
  app.removeContentTypeParser(['text/plain']);
  registerErrorHandler(app);

  const cookie: CookieSettings = {
    name: ctx.config.isHttps ? '__Host-groeipad_session' : 'groeipad_session',
    secure: ctx.config.isHttps,
  };

  await app.register(fastifyCookie);
  registerSecurityHeaders(app, { isHttps: ctx.config.isHttps });
  registerDurableAnswers(app, ctx.database);

  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !request.url.startsWith('/api/docs')) {
      reply.header('cache-control', 'no-store');
    }
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Groeipad API',
        description:
          'Personal development plans (POP). Sign in through /api/auth/login; state-changing requests carry the x-csrf-token header from /api/auth/me.',
        version: ctx.version,
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerSessionHooks(app, ctx, cookie);
  // Caches of derived figures learn of every write of the organisation: when it starts and before it answers.
  const writes = (request: { method: string; actor?: { organisationId: string } | null }) =>
    request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS'
      ? request.actor?.organisationId
      : undefined;
  app.addHook('preHandler', async (request) => {
    const organisationId = writes(request);
    if (organisationId) organisationChanged(organisationId);
  });
  app.addHook('onSend', async (request) => {
    const organisationId = writes(request);
    if (organisationId) organisationChanged(organisationId);
  });

  await registerModuleRoutes(app, ctx, cookie);
  if (ctx.config.benchBare) await registerBenchBare(app);

  const webRoot = options.webRoot;
  if (webRoot && existsSync(webRoot)) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      maxAge: '365d',
      immutable: true,
      // The build writes .br and .gz beside each asset: sent to browsers that accept them, with Vary: accept-encoding.
      preCompressed: true,
      setHeaders: (res, path) => {
        // `path` is the file actually sent: index.html.br for a browser that accepts brotli.
        if (/\.html(\.br|\.gz)?$/.test(path)) res.header('cache-control', 'no-cache');
      },
    });
  }

  const pages =
    webRoot && existsSync(webRoot)
      ? pageRendering(app, {
          webRoot,
          ...(options.pageRenderer ? { renderer: options.pageRenderer } : {}),
        })
      : null;
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    // Every other address is a page of the web app: rendered with its data, or its shell.
    if (!isApi && pages && request.method === 'GET') return pages.send(request, reply);
    throw new AppError('NOT_FOUND');
  });

  return app;
}
