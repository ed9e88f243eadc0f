import type { Locale } from '../../shared/i18n/locales.js';
import type { Actor } from '../../shared/policies.js';

/** The signed-in person behind a request: who they are, their roles, and their session's CSRF token. */
export interface SessionActor extends Actor {
  sessionId: string;
  csrfToken: string;
  locale: Locale;
  /** The request this actor acts in: the audit log's rows carry it, beside the server log's lines of that request. */
  requestId?: string;
}
