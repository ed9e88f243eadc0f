export { planExportRoutes } from './plan-exports.routes.js';
