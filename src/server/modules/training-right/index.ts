export { exportLearningAccount } from './learning-account.service.js';
export { getMine as getOwnTrainingRight } from './training-balances.service.js';
export { trainingRightRoutes } from './training-right.routes.js';
export { getSettings, loadEmployer, saveNorm, updateSettings } from './training-right.service.js';
