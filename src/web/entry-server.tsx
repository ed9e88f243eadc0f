/**
 * The web app rendered by the server (server-side rendering): the first paint of a page comes with its HTML, and
 * the browser's app hydrates it (main.tsx). Built by `vite build --ssr` into dist/ssr; the server loads it when it
 * renders its first page (src/server/http/page-render.ts). See docs/decisions/0011-server-rendered-first-paint.md.
 */
import { QueryClient } from '@tanstack/react-query';
import { createInstance, type i18n as I18n } from 'i18next';
import { StrictMode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { matchPath, StaticRouter } from 'react-router';
import type { Me } from '../shared/contracts/auth.js';
import { en } from '../shared/i18n/en.js';
import type { Locale } from '../shared/i18n/locales.js';
import { nlBE } from '../shared/i18n/nl-be.js';
import type {
  PageAnswer,
  PageData,
  PagePrefetch,
  PageRenderInput,
  RenderedPage,
} from '../shared/page-render.js';
import { queryKeys } from './api/query-keys.js';
import { RenderedModules } from './app/lazy-module.js';
import { Providers } from './app/providers.js';
import { AppRoutes } from './app/router.js';
import { i18nOptions } from './i18n/i18n-options.js';

/** Every page needs the set-up status and the session; a plan page also its plan. */
export function prefetchesFor(url: string): PagePrefetch[] {
  const { pathname } = new URL(url, 'http://page.invalid');
  const wanted: PagePrefetch[] = [
    { key: queryKeys.setup, path: '/api/setup' },
    { key: queryKeys.me, path: '/api/auth/me' },
  ];
  const plan = matchPath('/plans/:id', pathname)?.params.id;
  if (plan) wanted.push({ key: queryKeys.plan(plan), path: `/api/plans/${encodeURIComponent(plan)}` });
  return wanted;
}

/**
 * The answers as the web app keeps them. Nobody signed in is a session of `null`, as the app's own request reads a
 * 401; the CSRF token stays out of the page (the app asks for it before its first change); an answer that failed is
 * left to the app, which asks again and shows the error as it would.
 */
function pageData(answers: PageAnswer[]): { data: PageData[]; me: Me | null } {
  const data: PageData[] = [];
  let me: Me | null = null;
  for (const answer of answers) {
    if (answer.key[0] === queryKeys.me[0]) {
      if (answer.status === 200) me = { ...(answer.body as Me), csrfToken: '' };
      if (answer.status === 200 || answer.status === 401) data.push({ key: answer.key, data: me });
    } else if (answer.status === 200) data.push({ key: answer.key, data: answer.body });
  }
  return { data, me };
}

const instances = new Map<Locale, Promise<I18n>>();

/** One i18next per language, made once: rendering only reads it. */
function i18nFor(locale: Locale): Promise<I18n> {
  let instance = instances.get(locale);
  if (!instance) {
    const i18n = createInstance();
    instance = i18n
      .init({
        ...i18nOptions,
        resources: { 'nl-BE': { translation: nlBE }, en: { translation: en } },
        lng: locale,
      })
      .then(() => i18n);
    instances.set(locale, instance);
  }
  return instance;
}

async function text(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A signed-in visitor's page. The pages of visitors who are not signed in are forms (signing in, a password link):
 * those stay the browser's to build, so that nothing can be typed or sent before the app runs.
 */
export async function render({ url, answers, signal }: PageRenderInput): Promise<RenderedPage | null> {
  const { data, me } = pageData(answers);
  if (!me) return null;
  const locale = me.person.locale;
  const i18n = await i18nFor(locale);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  for (const entry of data) queryClient.setQueryData(entry.key, entry.data);
  let failure: unknown;
  const modules = new Set<string>();
  const { prelude } = await prerenderToNodeStream(
    <StrictMode>
      <RenderedModules.Provider value={modules}>
        <Providers i18n={i18n} queryClient={queryClient}>
          <StaticRouter location={url}>
            <AppRoutes />
          </StaticRouter>
        </Providers>
      </RenderedModules.Provider>
    </StrictMode>,
    {
      ...(signal ? { signal } : {}),
      // Every part inline, in place: an outlined part would need React's inline script to move it there, which the
      // Content-Security-Policy (script-src 'self') does not run.
      progressiveChunkSize: Number.POSITIVE_INFINITY,
      onError: (error) => {
        failure ??= error;
      },
    },
  );
  const html = await text(prelude);
  queryClient.clear();
  // A part that failed would be rendered by the browser alone: the server sends the page unrendered instead.
  if (failure) throw failure;
  return { html, state: { locale, data, modules: [...modules] } };
}
