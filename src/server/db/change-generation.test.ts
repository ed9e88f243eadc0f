import { describe, expect, it } from 'vitest';
import { changeGeneration, derivedCache, organisationChanged } from './change-generation.js';

describe('derivedCache', () => {
  const counting = () => {
    let calls = 0;
    return { compute: async () => ++calls, calls: () => calls };
  };

  it('computes once while nothing changes', async () => {
    const cache = derivedCache<number>({ ttlMs: 60_000, maxEntries: 10 });
    const c = counting();
    expect(await cache.get('org-a', 'y2027', c.compute)).toBe(1);
    expect(await cache.get('org-a', 'y2027', c.compute)).toBe(1);
    expect(c.calls()).toBe(1);
  });

  it('computes again after a write in the same organisation, not after one in another', async () => {
    const cache = derivedCache<number>({ ttlMs: 60_000, maxEntries: 10 });
    const c = counting();
    await cache.get('org-b', 'k', c.compute);
    organisationChanged('org-other');
    expect(await cache.get('org-b', 'k', c.compute)).toBe(1);
    organisationChanged('org-b');
    expect(await cache.get('org-b', 'k', c.compute)).toBe(2);
  });

  it('never keeps a value computed while a write ran', async () => {
    const cache = derivedCache<number>({ ttlMs: 60_000, maxEntries: 10 });
    const c = counting();
    const before = changeGeneration('org-c');
    await cache.get('org-c', 'k', async () => {
      organisationChanged('org-c');
      return c.compute();
    });
    expect(changeGeneration('org-c')).toBe(before + 1);
    expect(await cache.get('org-c', 'k', c.compute)).toBe(2);
  });

  it('forgets values after their time and beyond its size', async () => {
    let clock = 0;
    const cache = derivedCache<number>({ ttlMs: 1000, maxEntries: 2, now: () => clock });
    const c = counting();
    await cache.get('org-d', 'a', c.compute);
    clock = 999;
    expect(await cache.get('org-d', 'a', c.compute)).toBe(1);
    clock = 1000;
    expect(await cache.get('org-d', 'a', c.compute)).toBe(2);
    await cache.get('org-d', 'b', c.compute);
    await cache.get('org-d', 'c', c.compute);
    expect(await cache.get('org-d', 'a', c.compute)).toBe(5);
  });
});
