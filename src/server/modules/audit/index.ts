export type { AuditFieldKind, AuditValues } from './audit.domain.js';
export {
  actionAuditValues,
  budgetAuditValues,
  followUpAuditValues,
  fundingSourceAuditValues,
  goalAuditValues,
  organisationAuditValues,
  personAuditValues,
  planAuditValues,
  trainingNormAuditValues,
} from './audit.mapper.js';
export { purgeAuditEventsBefore } from './audit.repository.js';
export { auditRoutes } from './audit.routes.js';
export {
  type AuditEntry,
  forgetOldReads,
  organisationAuditSnapshot,
  planActorRole,
  recordAudit,
  recordChange,
  recordChanges,
  recordOrganisationChange,
  recordPlanRead,
} from './audit.service.js';
