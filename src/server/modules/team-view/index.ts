export { teamViewRoutes } from './team-view.routes.js';
