import { describe, expect, it } from 'vitest';
import { answerCache, answerCacheOf, readerKey } from './answer-cache.js';

describe('the answer cache', () => {
  it('answers only for the stamp it was kept under, as UTF-8 bytes', () => {
    const cache = answerCache(1024);
    const kept = cache.set('plan-1', 'revision 3', '{"naam":"Zoë"}');
    expect(kept.toString('utf8')).toBe('{"naam":"Zoë"}');
    expect(cache.get('plan-1', 'revision 3')?.toString('utf8')).toBe('{"naam":"Zoë"}');
    expect(cache.get('plan-1', 'revision 4')).toBeUndefined();
    // A stale stamp drops the entry: asking again with the old stamp finds nothing either.
    expect(cache.get('plan-1', 'revision 3')).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it.each([
    { name: 'keeps what fits', max: 200, sets: ['a', 'b'], read: 'a', left: ['a', 'b'] },
    {
      name: 'drops the least recently used first',
      max: 80,
      sets: ['a', 'b', 'c'],
      read: 'a',
      left: ['a', 'c'],
    },
    { name: 'never keeps an answer larger than the whole cache', max: 20, sets: ['a'], read: null, left: [] },
  ])('$name', ({ max, sets, read, left }) => {
    const cache = answerCache(max);
    const body = 'x'.repeat(30);
    for (const [i, key] of sets.entries()) {
      cache.set(key, 's', body);
      // Reading the first entry after the second was set makes it the most recently used.
      if (i === 1 && read) cache.get(read, 's');
    }
    expect(['a', 'b', 'c'].filter((key) => cache.get(key, 's') !== undefined)).toEqual(left);
    expect(cache.bytes).toBeLessThanOrEqual(max);
  });

  it('keeps one set of caches per app and name', () => {
    const one = {};
    const other = {};
    expect(answerCacheOf(one, 'plans')).toBe(answerCacheOf(one, 'plans'));
    expect(answerCacheOf(one, 'plans')).not.toBe(answerCacheOf(one, 'team-view'));
    expect(answerCacheOf(one, 'plans')).not.toBe(answerCacheOf(other, 'plans'));
  });

  it('tells readers apart by person, roles and language', () => {
    const base = { personId: 'p1', roles: ['employee', 'manager'], locale: 'nl-BE' };
    const keys = new Set([
      readerKey(base),
      readerKey({ ...base, personId: 'p2' }),
      readerKey({ ...base, roles: ['employee'] }),
      readerKey({ ...base, locale: 'en' }),
    ]);
    expect(keys.size).toBe(4);
  });
});
