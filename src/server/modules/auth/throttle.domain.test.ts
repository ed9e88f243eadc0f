import { describe, expect, it } from 'vitest';
import { afterFailure, secondsBlocked, type ThrottleRule, type ThrottleState } from './throttle.domain.js';

const rule: ThrottleRule = { maxFailures: 3, windowSeconds: 60, blockSeconds: 120 };
const t0 = new Date('2026-01-01T10:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('afterFailure', () => {
  const cases: Array<{
    name: string;
    state: ThrottleState | undefined;
    now: Date;
    failures: number;
    blocked: boolean;
  }> = [
    { name: 'first failure starts a window', state: undefined, now: t0, failures: 1, blocked: false },
    {
      name: 'second failure in window',
      state: { failures: 1, windowStartedAt: t0, blockedUntil: null },
      now: at(10),
      failures: 2,
      blocked: false,
    },
    {
      name: 'reaching the maximum blocks',
      state: { failures: 2, windowStartedAt: t0, blockedUntil: null },
      now: at(20),
      failures: 3,
      blocked: true,
    },
    {
      name: 'a new window after expiry starts over',
      state: { failures: 2, windowStartedAt: t0, blockedUntil: null },
      now: at(61),
      failures: 1,
      blocked: false,
    },
    {
      name: 'after a block has passed, counting starts over',
      state: { failures: 3, windowStartedAt: t0, blockedUntil: at(50) },
      now: at(55),
      failures: 1,
      blocked: false,
    },
    {
      name: 'a failure while blocked extends the block',
      state: { failures: 3, windowStartedAt: t0, blockedUntil: at(120) },
      now: at(30),
      failures: 4,
      blocked: true,
    },
  ];
  it.each(cases)('$name', ({ state, now, failures, blocked }) => {
    const next = afterFailure(state, now, rule);
    expect(next.failures).toBe(failures);
    expect(next.blockedUntil !== null).toBe(blocked);
    if (blocked) expect(next.blockedUntil?.getTime()).toBe(now.getTime() + 120_000);
  });
});

describe('secondsBlocked', () => {
  it.each([
    { state: undefined, now: t0, seconds: 0 },
    { state: { failures: 1, windowStartedAt: t0, blockedUntil: null }, now: t0, seconds: 0 },
    { state: { failures: 3, windowStartedAt: t0, blockedUntil: at(90) }, now: at(0.5), seconds: 90 },
    { state: { failures: 3, windowStartedAt: t0, blockedUntil: at(90) }, now: at(90), seconds: 0 },
  ])('answers $seconds', ({ state, now, seconds }) => {
    expect(secondsBlocked(state, now)).toBe(seconds);
  });
});
