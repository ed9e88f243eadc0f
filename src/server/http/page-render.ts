import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  type PageAnswer,
  type PageRenderer,
  pageStateId,
  serialisePageState,
} from '../../shared/page-render.js';
import { acceptsGzip, answerCache, gzipOf } from './answer-cache.js';

const gzip = promisify(gzipCallback);

/** Where the app's shell takes the rendered page (the web build's index.html has it once). */
const rootElement = '<div id="root"></div>';
/** A page that takes longer than this to render is sent unrendered: the browser builds it. */
const renderTimeoutMs = 3000;

const stylesheetLink = /<link rel="stylesheet"(?: crossorigin)? href="\/(assets\/[\w.-]+\.css)">/g;

/**
 * The shell with its stylesheets in the page: a rendered page paints as soon as its HTML has arrived, without
 * waiting for another request (on a slow mobile network, a round trip and the stylesheet's transfer).
 */
async function withInlineStyles(html: string, webRoot: string): Promise<string> {
  const styles = new Map<string, string>();
  for (const [, path] of html.matchAll(stylesheetLink))
    if (path) styles.set(path, await readFile(join(webRoot, path), 'utf8'));
  return html.replace(stylesheetLink, (link, path: string) => {
    const css = styles.get(path);
    return css && !css.includes('</') ? `<style>${css}</style>` : link;
  });
}

export type PageRendererSource = PageRenderer | (() => Promise<PageRenderer>);

export interface PageRendering {
  /** Sends the page at the request's address: rendered with its data where that works, else the app's shell. */
  send(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply>;
}

/**
 * Pages of the web app rendered by the server (decisions/0011): the shell of the web build with the page's HTML in
 * its root element and the API answers it was rendered with beside it, for the browser's app to hydrate. The answers
 * are read through the app's own routes with the visitor's cookie, so the page shows exactly what the API would
 * show this visitor. A page that cannot be rendered (no server build, an error, too slow) is sent as the shell, as
 * before: the browser then builds it.
 */
export function pageRendering(
  app: FastifyInstance,
  options: { webRoot: string; renderer?: PageRendererSource },
): PageRendering {
  let shell: Promise<string> | undefined;
  let template: Promise<string> | undefined;
  // A page is the same HTML for the same address, answers and day: rendering one costs tens of milliseconds of CPU,
  // reading it from here none (a reload, the back button, a second tab).
  const kept = answerCache(8 * 1024 * 1024);
  let renderer: Promise<PageRenderer | null> | undefined;
  const loadShell = () => {
    shell ??= readFile(join(options.webRoot, 'index.html'), 'utf8');
    return shell;
  };
  const loadTemplate = () => {
    template ??= loadShell().then((html) => withInlineStyles(html, options.webRoot));
    return template;
  };
  const loadRenderer = () => {
    renderer ??= (async () => {
      const source = options.renderer;
      if (!source) return null;
      try {
        return typeof source === 'function' ? await source() : source;
      } catch (error) {
        app.log.warn(
          { err: error },
          'pages are sent unrendered: the server build of the web app did not load',
        );
        return null;
      }
    })();
    return renderer;
  };

  async function answersFor(request: FastifyRequest, pages: PageRenderer): Promise<PageAnswer[]> {
    const headers: Record<string, string> = {};
    for (const name of ['cookie', 'accept-language', 'user-agent'] as const) {
      const value = request.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    return Promise.all(
      pages.prefetchesFor(request.url).map(async (prefetch) => {
        const response = await app.inject({
          method: 'GET',
          url: prefetch.path,
          headers,
          remoteAddress: request.ip,
        });
        let body: unknown = null;
        try {
          body = response.body ? JSON.parse(response.body) : null;
        } catch {
          body = null;
        }
        return { ...prefetch, status: response.statusCode, body };
      }),
    );
  }

  async function rendered(request: FastifyRequest, template: string): Promise<Buffer | null> {
    if (!template.includes(rootElement)) return null;
    const pages = await loadRenderer();
    if (!pages) return null;
    const answers = await answersFor(request, pages);
    const key = createHash('sha256')
      .update(`${request.url}\u0000${new Date().toISOString().slice(0, 10)}\u0000${JSON.stringify(answers)}`)
      .digest('base64');
    const hit = kept.get(key, '');
    if (hit) return hit;
    const page = await pages.render({
      url: request.url,
      answers,
      signal: AbortSignal.timeout(renderTimeoutMs),
    });
    if (!page) return null;
    const state = `<script type="application/json" id="${pageStateId}">${serialisePageState(page.state)}</script>`;
    const html = template
      .replace(/<html lang="[^"]*"/, `<html lang="${page.state.locale}"`)
      // Inert until the app has hydrated it (app/start.tsx): nothing can be clicked, typed or sent before then.
      .replace(rootElement, () => `<div id="root" inert>${page.html}</div>${state}`);
    return kept.set(key, '', html);
  }

  return {
    async send(request, reply) {
      let html: Buffer | null = null;
      try {
        html = await rendered(request, await loadTemplate());
      } catch (error) {
        request.log.warn({ err: error, url: request.url }, 'page sent unrendered');
      }
      if (html === null)
        return reply.header('cache-control', 'no-cache').sendFile('index.html', options.webRoot);
      // The page holds what this visitor may see: kept by no cache, and different per session.
      reply
        .type('text/html; charset=utf-8')
        .header('cache-control', 'private, no-store')
        .header('vary', 'cookie, accept-encoding');
      if (acceptsGzip(request.headers['accept-encoding']))
        return reply.header('content-encoding', 'gzip').send(gzipOf(html) ?? (await gzip(html)));
      return reply.send(html);
    },
  };
}
