/** Pure throttle rules: how many failures within a window block a key, and for how long. */
export interface ThrottleRule {
  maxFailures: number;
  windowSeconds: number;
  blockSeconds: number;
}

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  blockedUntil: Date | null;
}

export const loginPerAccount: ThrottleRule = {
  maxFailures: 5,
  windowSeconds: 15 * 60,
  blockSeconds: 15 * 60,
};
export const loginPerIp: ThrottleRule = { maxFailures: 30, windowSeconds: 15 * 60, blockSeconds: 15 * 60 };
export const resetPerAccount: ThrottleRule = {
  maxFailures: 3,
  windowSeconds: 60 * 60,
  blockSeconds: 60 * 60,
};
export const resetPerIp: ThrottleRule = { maxFailures: 20, windowSeconds: 60 * 60, blockSeconds: 60 * 60 };

/** Seconds the caller must still wait, or 0 when the key is not blocked. */
export function secondsBlocked(state: ThrottleState | undefined, now: Date): number {
  if (!state?.blockedUntil) return 0;
  const ms = state.blockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

/** The state after one more failure (or counted attempt). */
export function afterFailure(state: ThrottleState | undefined, now: Date, rule: ThrottleRule): ThrottleState {
  const windowExpired =
    !state ||
    now.getTime() - state.windowStartedAt.getTime() >= rule.windowSeconds * 1000 ||
    (secondsBlocked(state, now) === 0 && state.blockedUntil !== null);
  const failures = windowExpired ? 1 : state.failures + 1;
  const windowStartedAt = windowExpired ? now : state.windowStartedAt;
  const blockedUntil =
    failures >= rule.maxFailures ? new Date(now.getTime() + rule.blockSeconds * 1000) : null;
  return { failures, windowStartedAt, blockedUntil };
}
