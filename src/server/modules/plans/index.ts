export {
  createFollowUp,
  saveEvaluation,
  submitEvaluation,
  updateFollowUp,
} from './plan-follow-ups.service.js';
export {
  addComment,
  createAction,
  createGoal,
  updateGoal,
  updateProgress,
} from './plan-goals.service.js';
export {
  addTalkingPoint,
  getOwnPreparation,
  savePreparation,
  sharePreparation,
} from './plan-preparations.service.js';
export { plansRoutes } from './plans.routes.js';
export { firePlanEvent, getPlan, getVersion, requestPlan, startPlan, updatePlan } from './plans.service.js';
