export { actionTypesRoutes } from './action-types.routes.js';
export { createActionType, resolveActionType } from './action-types.service.js';
