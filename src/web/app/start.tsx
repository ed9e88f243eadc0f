import { type ReactNode, StrictMode, startTransition, useEffect } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { isLocale } from '../../shared/i18n/locales.js';
import { type PageState, pageStateId } from '../../shared/page-render.js';
import { deferSessionToken } from '../api/client.js';
import { createQueryClient } from '../api/query-client.js';
import { initI18n } from '../i18n/i18n.js';
import { HydratedModules, preloadModules } from './lazy-module.js';
import { Providers } from './providers.js';
import { AppRoutes, preloadPage } from './router.js';

/** The answers the server rendered the page with (src/web/entry-server.tsx), if it did. */
function renderedState(): PageState | null {
  const element = document.getElementById(pageStateId);
  if (!element?.textContent) return null;
  // Read once: the answers move into the query cache and the element leaves the page.
  element.remove();
  try {
    const state = JSON.parse(element.textContent) as PageState;
    return isLocale(state.locale) && Array.isArray(state.data) && Array.isArray(state.modules) ? state : null;
  } catch {
    return null;
  }
}

/** A page that never shows a module the server rendered (it rendered something else) is not inert for longer. */
const moduleWaitMs = 10_000;

/** Resolves `all` once each of these modules has been on the page (hydrated), or after `moduleWaitMs`. */
function moduleTracker(keys: readonly string[]): { all: Promise<void>; hydrated: (key: string) => void } {
  const waiting = new Set(keys);
  let done = () => {};
  const all = new Promise<void>((resolve) => {
    done = resolve;
  });
  if (waiting.size === 0) done();
  else setTimeout(done, moduleWaitMs);
  return {
    all,
    hydrated: (key) => {
      if (waiting.delete(key) && waiting.size === 0) done();
    },
  };
}

/** Tells when the first render (or hydration) of the app has been committed. */
function Committed({ onCommit, children }: { onCommit: () => void; children: ReactNode }) {
  useEffect(onCommit, [onCommit]);
  return children;
}

/** Lets the browser handle what is waiting (a tap, a frame) before the app's next step. */
const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Starts the app: hydrates the page the server rendered, or renders it. A rendered page is on screen already, so its
 * start goes in steps with the main thread free between them (evaluating the app's code, reading the page's state
 * and the translations, hydrating) rather than in one long task.
 */
export async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) return;
  const state = renderedState();
  const hydrate = state !== null;
  // An unrendered page needs its code as soon as possible; a rendered one is on screen and takes it in turn.
  const pageCode = hydrate ? Promise.resolve() : preloadPage(window.location.pathname);
  if (hydrate) await yieldToBrowser();
  const i18n = await initI18n(state?.locale);
  const queryClient = createQueryClient();
  if (hydrate) {
    for (const { key, data } of state.data) queryClient.setQueryData(key, data);
    // Only a signed-in person's pages are rendered: the session's token was left out of the page.
    deferSessionToken();
    // Every part the server rendered has its code before hydration starts, so no part waits for its code while the
    // page hydrates. The state names them in the order they rendered (the frame, the page, its
    // sections: a page's module knows its sections), their chunks were fetched with the page (main.tsx), and each is
    // evaluated in a task of its own.
    for (const key of state.modules) {
      await yieldToBrowser();
      await preloadModules([key]);
    }
    // Once more, all at once: a module known only after one later in the list (none today) loads now. What is loaded
    // already resolves at once.
    await preloadModules(state.modules);
    await yieldToBrowser();
  }
  let committed = () => {};
  const hydrated = new Promise<void>((resolve) => {
    committed = resolve;
  });
  const modules = moduleTracker(state?.modules ?? []);
  const app = (
    <StrictMode>
      <Committed onCommit={committed}>
        <HydratedModules.Provider value={modules.hydrated}>
          <Providers i18n={i18n} queryClient={queryClient}>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </Providers>
        </HydratedModules.Provider>
      </Committed>
    </StrictMode>
  );
  // The server's page is inert until the app has taken it over: the root hydrated, the code of its page arrived, and
  // every module the server rendered hydrated too (React takes the parts inside Suspense boundaries after the root).
  void Promise.all([hydrated, pageCode, modules.all]).then(() =>
    requestAnimationFrame(() => root.removeAttribute('inert')),
  );
  // The first render (or the hydration of the server's HTML) yields to the browser every few milliseconds instead
  // of holding the main thread in one task.
  startTransition(() => {
    if (hydrate) hydrateRoot(root, app);
    else {
      root.replaceChildren();
      createRoot(root).render(app);
    }
  });
}
