/**
 * When the outbox tries a failed delivery again: 1, 4, 16 and 64 minutes, then every 4 hours, 8 attempts in all
 * (about a day), after which the email is marked failed for the beheerder to see and retry by hand.
 */
export const maxDeliveryAttempts = 8;
const minute = 60_000;
const maxDelay = 4 * 60 * minute;

/** The wait after the `attempts`-th failed attempt (1-based), or null when the email has had all its attempts. */
export function retryDelayMs(attempts: number): number | null {
  if (attempts >= maxDeliveryAttempts) return null;
  return Math.min(minute * 4 ** Math.max(0, attempts - 1), maxDelay);
}

/** A process that claimed a row and did not finish within this time is taken to have died. */
export const claimTimeoutMs = 10 * minute;
