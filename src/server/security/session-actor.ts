import type { Locale } from '../../shared/i18n/locales.js';
import type { Actor } from '../../shared/policies.js';

/** The signed-in person behind a request: who they are, their roles, and their session's CSRF token. */
export interface SessionActor extends Actor {
  sessionId: string;
  csrfToken: string;
  locale: Locale;
}
