import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  type PageAnswer,
  type PageRenderer,
  pagePreloadsId,
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

/** The web build's manifest (.vite/manifest.json): each source module's chunk, the chunks it imports, its styles. */
type BuildManifest = Record<string, { file: string; imports?: string[]; css?: string[] }>;

/** A path of the web build as a page may name it. */
const buildFile = /^assets\/[\w.-]+\.(?:js|css)$/;

/** The module the app's entry loads first (src/web/main.tsx imports it), as the manifest names it. */
const appModule = 'app/start.tsx';

/**
 * The scripts and stylesheets these source modules need to run: each module's chunk and, recursively, the chunks it
 * imports, in the order they are first met. A module the manifest does not know adds nothing.
 */
function chunksOf(
  manifest: BuildManifest,
  modules: readonly string[],
): { scripts: string[]; styles: string[] } {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const seen = new Set<string>();
  const visit = (name: string) => {
    const chunk = manifest[name];
    if (seen.has(name) || !chunk) return;
    seen.add(name);
    scripts.add(chunk.file);
    for (const style of chunk.css ?? []) styles.add(style);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const name of modules) visit(name);
  return { scripts: [...scripts], styles: [...styles] };
}

/**
 * A stylesheet in the page, with its link beside it, disabled: a disabled stylesheet is neither fetched nor applied,
 * and the app's module loader, which makes sure a chunk's stylesheets are on the page before it runs the chunk, finds
 * the link there. Without it, the loader added the same stylesheet a second time when the app started: fetched,
 * parsed and every element restyled again, on the main thread, while the page was to become interactive.
 */
const inlineStyle = (css: string, path: string) =>
  `<style>${css}</style><link rel="stylesheet" crossorigin href="/${path}" disabled>`;

/** Reads a stylesheet of the build; null when it cannot be read or cannot be put in a `<style>` element. */
type ReadStylesheet = (path: string) => Promise<string | null>;

/**
 * The shell with its stylesheets in the page: a rendered page paints as soon as its HTML has arrived, without
 * waiting for another request (on a slow mobile network, a round trip and the stylesheet's transfer).
 */
async function withInlineStyles(html: string, read: ReadStylesheet): Promise<string> {
  const styles = new Map<string, string | null>();
  for (const [, path] of html.matchAll(stylesheetLink)) if (path) styles.set(path, await read(path));
  return html.replace(stylesheetLink, (link, path: string) => {
    const css = styles.get(path);
    return css ? inlineStyle(css, path) : link;
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
  const stylesheets = new Map<string, Promise<string | null>>();
  const stylesheet: ReadStylesheet = (path) => {
    let css = stylesheets.get(path);
    if (!css) {
      css = readFile(join(options.webRoot, path), 'utf8').then(
        (text) => (text.includes('</') ? null : text),
        () => null,
      );
      stylesheets.set(path, css);
    }
    return css;
  };
  const loadTemplate = () => {
    template ??= loadShell().then((html) => withInlineStyles(html, stylesheet));
    return template;
  };
  let manifest: Promise<BuildManifest> | undefined;
  // No manifest (a development build) or one that cannot be read: pages are rendered without naming their chunks.
  const loadManifest = () => {
    manifest ??= readFile(join(options.webRoot, '.vite/manifest.json'), 'utf8')
      .then((text) => JSON.parse(text) as BuildManifest)
      .catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
          app.log.warn({ err: error }, 'the web build’s manifest could not be read: pages name no chunks');
        return {};
      });
    return manifest;
  };

  /**
   * What a rendered page adds to the shell: the stylesheets of its rendered modules, in its head, and a preload of
   * every script the app and those modules need, in a template. The app's entry puts the preloads in the document
   * at once, after the page has painted: the browser then fetches every chunk together (instead of finding one
   * after the other), without holding up the first paint, and the app's module loader finds a link for each chunk
   * instead of adding them one by one (about half a millisecond each) while the page should become interactive.
   */
  async function additionsFor(
    template: string,
    modules: readonly string[],
  ): Promise<{ head: string; preloads: string }> {
    const { scripts, styles } = chunksOf(await loadManifest(), [
      appModule,
      ...modules.map((key) => `${key}.tsx`),
    ]);
    // A file of the build (`assets/name-hash.js`) the shell does not name already; anything else in a manifest is
    // left out of the page.
    const wanted = (path: string) => buildFile.test(path) && !template.includes(`"/${path}"`);
    const inline = await Promise.all(
      styles.filter(wanted).map(async (path) => {
        const css = await stylesheet(path);
        return css === null ? `<link rel="stylesheet" crossorigin href="/${path}">` : inlineStyle(css, path);
      }),
    );
    const preloads = scripts
      .filter(wanted)
      .map((path) => `<link rel="modulepreload" crossorigin href="/${path}">`);
    return {
      head: inline.join(''),
      preloads: `<template id="${pagePreloadsId}">${preloads.join('')}</template>`,
    };
  }
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
    const { head, preloads } = await additionsFor(template, page.state.modules);
    const html = template
      .replace(/<html lang="[^"]*"/, `<html lang="${page.state.locale}"`)
      .replace('</head>', () => `${head}</head>`)
      // Inert until the app has hydrated it (app/start.tsx): nothing can be clicked, typed or sent before then.
      .replace(rootElement, () => `<div id="root" inert>${page.html}</div>${state}${preloads}`);
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
