export { trainingPlanRoutes } from './training-plan.routes.js';
export {
  getTrainingPlan,
  updateSettings as updateTrainingPlanSettings,
  updateTask as updateTrainingPlanTask,
} from './training-plan.service.js';
