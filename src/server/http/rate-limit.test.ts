import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './rate-limit.js';

describe('TokenBuckets', () => {
  it.each([
    // capacity, perMinute, request times (ms), expected waits (s)
    [3, 3, [0, 0, 0, 0], [0, 0, 0, 20]],
    [3, 3, [0, 0, 0, 20_000], [0, 0, 0, 0]],
    [3, 3, [0, 0, 0, 19_000, 20_000, 20_001], [0, 0, 0, 1, 0, 20]],
    [1, 60, [0, 500, 1000], [0, 1, 0]],
    [2, 1, [0, 0, 0, 30_000], [0, 0, 60, 30]],
    // A long pause refills up to the capacity, not beyond.
    [2, 2, [0, 0, 3_600_000, 3_600_000, 3_600_000], [0, 0, 0, 0, 30]],
  ])('capacity %i, %i a minute, requests at %o wait %o', (capacity, perMinute, times, waits) => {
    const buckets = new TokenBuckets({ capacity, perMinute });
    expect(times.map((t) => buckets.take('person', t))).toEqual(waits);
  });

  it('keeps one bucket per key', () => {
    const buckets = new TokenBuckets({ capacity: 1, perMinute: 1 });
    expect(buckets.take('a', 0)).toBe(0);
    expect(buckets.take('a', 0)).toBe(60);
    expect(buckets.take('b', 0)).toBe(0);
  });
});
