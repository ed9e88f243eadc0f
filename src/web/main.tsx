import './app/mantine-styles.js';
import { pagePreloadsId, pageStateId } from '../shared/page-render.js';

const run = () => void import('./app/start.js').then((app) => app.start());

/**
 * A rendered page's app in steps, each compiled and evaluated in a task of its own with the main thread free between
 * them: React's DOM renderer, the translations, the providers (Mantine's core, the query cache), then the rest.
 */
const steps: Array<() => Promise<unknown>> = [
  () => import('react-dom/client'),
  () => import('./i18n/i18n.js'),
  () => import('./app/providers.js'),
];
const runInSteps = () => {
  const step = steps.shift();
  if (!step) return run();
  void step().then(() => setTimeout(runInSteps, 0));
};

/** Links put in the document in one task: each costs the main thread up to a millisecond or two while the page loads. */
const preloadsPerTask = 4;

/**
 * The server's list of the chunks the page needs, into the document a few at a time, then `next`: the browser
 * fetches them all together, and the main thread stays free for the visitor between two groups.
 */
function preloadPageChunks(next: () => void): void {
  const template = document.getElementById(pagePreloadsId);
  const links = template instanceof HTMLTemplateElement ? [...template.content.children] : [];
  template?.remove();
  const step = () => {
    document.head.append(...links.splice(0, preloadsPerTask));
    setTimeout(links.length > 0 ? step : next, 0);
  };
  step();
}

// A page the server rendered paints first, then fetches the chunks it needs, and only then runs the app that takes
// it over; a page it did not render needs the app at once.
if (document.getElementById(pageStateId))
  requestAnimationFrame(() => setTimeout(() => preloadPageChunks(runInSteps), 0));
else run();
