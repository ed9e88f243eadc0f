import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, answerCache, answerCacheOf, gzipOf, readerKey } from './answer-cache.js';

/** The gzip is made in the thread pool after the answer is kept. */
async function gzipMade(body: Buffer): Promise<Buffer | undefined> {
  for (let i = 0; i < 100 && gzipOf(body) === undefined; i++) await new Promise((r) => setTimeout(r, 5));
  return gzipOf(body);
}

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

  it('gzips a kept answer of a kilobyte or more once, and counts its bytes', async () => {
    const cache = answerCache(1024 * 1024);
    const text = JSON.stringify({
      items: Array.from({ length: 200 }, (_, i) => ({ i, name: 'Zoë Peeters' })),
    });
    const body = cache.set('a', 's', text);
    const zipped = await gzipMade(body);
    expect(zipped).toBeDefined();
    expect(gunzipSync(zipped as Buffer).toString('utf8')).toBe(text);
    expect((zipped as Buffer).length).toBeLessThan(body.length / 4);
    expect(cache.bytes).toBe(4 + body.length + (zipped as Buffer).length);
    expect(cache.get('a', 's')).toBe(body);
  });

  it('gzips neither small answers nor those of a cache that does not compress, nor a replaced entry', async () => {
    const small = answerCache(1024 * 1024).set('a', 's', '{"n":1}');
    const plain = answerCache(1024 * 1024, { compress: false }).set('a', 's', 'x'.repeat(5000));
    const cache = answerCache(1024 * 1024);
    const replaced = cache.set('a', 's1', 'y'.repeat(5000));
    const current = cache.set('a', 's2', 'z'.repeat(5000));
    expect(await gzipMade(current)).toBeDefined();
    for (const body of [small, plain, replaced]) expect(gzipOf(body)).toBeUndefined();
    expect(cache.bytes).toBe(2 * 3 + 5000 + (gzipOf(current) as Buffer).length);
  });

  it.each([
    [undefined, false],
    ['', false],
    ['gzip', true],
    ['gzip, deflate, br, zstd', true],
    ['br;q=1.0, GZIP;q=0.5', true],
    ['gzip;q=0', false],
    ['br', false],
    ['*', true],
    ['*;q=0', false],
    ['*, gzip;q=0', false],
    ['identity', false],
  ])('Accept-Encoding %j takes gzip: %s', (header, takes) => {
    expect(acceptsGzip(header)).toBe(takes);
  });
});
