export { privacyRoutes } from './privacy.routes.js';
export { type PurgeReport, runPrivacyPurge } from './purge.service.js';
