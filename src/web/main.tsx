import './app/mantine-styles.js';
import { pageStateId } from '../shared/page-render.js';

const run = () => void import('./app/start.js').then((app) => app.start());
// A page the server rendered paints first, and only then fetches and runs the app that takes it over; a page it did
// not render needs the app at once.
if (document.getElementById(pageStateId)) requestAnimationFrame(() => setTimeout(run, 0));
else run();
