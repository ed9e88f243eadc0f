export { insertOrganisation, markSetupDone } from './organisation.repository.js';
export { organisationRoutes } from './organisation.routes.js';
export { defaultTimeZone, needsSetup, setup } from './organisation.service.js';
