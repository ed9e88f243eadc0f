export {
  ensureDefaultTemplates,
  organisationLanguage,
  type PreparationForm,
  preparationFormFor,
} from './templates.repository.js';
export { templatesRoutes } from './templates.routes.js';
