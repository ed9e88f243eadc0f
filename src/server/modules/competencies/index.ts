export { type CompetencyInsert, insertCompetency } from './competencies.repository.js';
export { competenciesRoutes } from './competencies.routes.js';
