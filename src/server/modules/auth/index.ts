export { authRoutes } from './auth.routes.js';
export {
  assertAcceptablePassword,
  getMe,
  hashPassword,
  resolveSession,
  revokeSessionsOf,
  type SessionActor,
  sendInvitation,
  startSession,
} from './auth.service.js';
