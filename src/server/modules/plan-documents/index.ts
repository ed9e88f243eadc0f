export { planDocumentRoutes } from './plan-documents.routes.js';
