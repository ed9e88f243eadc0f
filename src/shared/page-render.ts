import type { Locale } from './i18n/locales.js';

/**
 * Pages rendered by the server before the web app takes over in the browser (server-side rendering).
 *
 * The server asks the web app's server entry which API answers a page shows at once (`prefetchesFor`), reads them
 * through its own API with the visitor's cookie (so every access rule applies exactly as to the browser's own
 * requests), and has the entry render the page with them (`render`). The browser receives the HTML and the same
 * answers, and the web app hydrates the HTML instead of building the page again.
 */

/** An API answer a page shows at once: the web app's query key and the API path that answers it. */
export interface PagePrefetch {
  key: readonly unknown[];
  path: string;
}

/** What the API answered to a prefetch, for the visitor. */
export interface PageAnswer extends PagePrefetch {
  status: number;
  body: unknown;
}

/** An answer as the web app keeps it, under its query key. */
export interface PageData {
  key: readonly unknown[];
  data: unknown;
}

/** What the browser receives beside the HTML, as JSON in the page (never executed). */
export interface PageState {
  locale: Locale;
  data: PageData[];
  /** The lazy modules (chunks) the page rendered, loaded by the browser before it hydrates the page. */
  modules: string[];
}

export interface PageRenderInput {
  /** Path and query of the page. */
  url: string;
  answers: PageAnswer[];
  /** Stops rendering (the server then sends the page unrendered). */
  signal?: AbortSignal;
}

export interface RenderedPage {
  /** The HTML inside the app's root element. */
  html: string;
  state: PageState;
}

export interface PageRenderer {
  /** The answers a page at this address shows at once. */
  prefetchesFor(url: string): PagePrefetch[];
  /** The page, or null for one the browser should build itself (a visitor who is not signed in). */
  render(input: PageRenderInput): Promise<RenderedPage | null>;
}

/** The id of the element that carries the page state. */
export const pageStateId = 'groeipad-state';

/**
 * The state as the text of a `<script type="application/json">`: `<` is escaped, so no text in the data can close
 * the element or open another one; JSON.parse reads it back unchanged.
 */
export function serialisePageState(state: PageState): string {
  return JSON.stringify(state)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The id of the template that carries the page's preloads: a link for each chunk the app and the rendered modules
 * need. Inert in a template; the app's entry puts them in the document after the page has painted.
 */
export const pagePreloadsId = 'groeipad-preloads';
