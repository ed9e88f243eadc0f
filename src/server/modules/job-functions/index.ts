export {
  insertJobFunction,
  type JobFunctionInsert,
  listJobFunctionRows,
  replaceFunctionCompetencies,
} from './job-functions.repository.js';
export { jobFunctionsRoutes } from './job-functions.routes.js';
