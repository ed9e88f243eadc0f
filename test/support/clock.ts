import type { Clock } from '../../src/server/context.js';

export interface MovableClock extends Clock {
  set(date: Date | string): void;
  advance(ms: number): void;
}

export function movableClock(start: Date | string = '2026-03-02T08:00:00.000Z'): MovableClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (date) => {
      current = new Date(date).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
