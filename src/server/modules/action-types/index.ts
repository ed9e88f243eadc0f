export { actionTypesRoutes } from './action-types.routes.js';
export { resolveActionType } from './action-types.service.js';
