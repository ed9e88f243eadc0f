import { gzip } from 'node:zlib';

/**
 * Answers of read routes (plan pages, plan lists, the team view) as they were last serialized, per reader, kept
 * while nothing they show has changed.
 *
 * An entry is valid for a stamp the service computes on every request from a few cheap reads: the plan row (whose
 * `page_revision` the database moves on any change of the plan's content, names, links; migration 0009) or a
 * fingerprint of the plans shown, the organisation's settings, the reader's roles and today's date. A stale stamp
 * is a miss, so a change made by another process, a job or by hand in the database is seen on the next request;
 * there is nothing to invalidate. Each app (one database) has its own caches, bounded in bytes; the least recently
 * used answers go first.
 */
const gzipped = new WeakMap<Buffer, Buffer>();

/**
 * The gzip of a kept answer, once it is made: answers of a kilobyte or more are compressed once, in Node's thread
 * pool, after they are kept (a team view of 135 kB becomes about 12 kB). Until then, and for answers not kept, none.
 */
export const gzipOf = (body: Buffer): Buffer | undefined => gzipped.get(body);

/**
 * Whether an `Accept-Encoding` header takes gzip (an explicit `gzip;q=0` refuses it, `*` takes it), as RFC 9110 reads
 * it: names without regard to case, an explicit weight before the wildcard's. (`@fastify/accept-negotiator` compares
 * names by case and lets `*` win over `gzip;q=0`.)
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let any = false;
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((p) => p.trim());
    if (name !== 'gzip' && name !== '*') continue;
    const q = params.find((p) => p.startsWith('q='));
    const accepted = q === undefined || Number(q.slice(2)) > 0;
    if (name === 'gzip') return accepted;
    any = accepted;
  }
  return any;
}

export interface AnswerCache {
  /** The kept answer as UTF-8 bytes, encoded once: sending a string would encode it again on every request. */
  get(key: string, stamp: string): Buffer | undefined;
  set(key: string, stamp: string, body: string): Buffer;
  readonly bytes: number;
  readonly size: number;
}

export function answerCache(maxBytes: number, options: { compress?: boolean } = {}): AnswerCache {
  const compress = options.compress ?? true;
  const entries = new Map<string, { stamp: string; body: Buffer; bytes: number }>();
  let bytes = 0;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
  };
  const evict = () => {
    while (bytes > maxBytes) drop(entries.keys().next().value as string);
  };
  return {
    get(key, stamp) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.stamp !== stamp) {
        drop(key);
        return undefined;
      }
      // Most recently used last.
      entries.delete(key);
      entries.set(key, entry);
      return entry.body;
    },
    set(key, stamp, text) {
      drop(key);
      const body = Buffer.from(text, 'utf8');
      // Key and stamp are UTF-16 strings: two bytes per code unit.
      const size = 2 * (key.length + stamp.length) + body.length;
      if (size > maxBytes) return body;
      const entry = { stamp, body, bytes: size };
      entries.set(key, entry);
      bytes += size;
      evict();
      if (compress && body.length >= 1024) {
        gzip(body, (error, zipped) => {
          // Kept only while the entry is still the one it was made for (counted in the cache's bytes).
          if (error || entries.get(key) !== entry) return;
          gzipped.set(body, zipped);
          entry.bytes += zipped.length;
          bytes += zipped.length;
          evict();
        });
      }
      return body;
    },
    get bytes() {
      return bytes;
    },
    get size() {
      return entries.size;
    },
  };
}

const perApp = new WeakMap<object, Map<string, AnswerCache>>();

/** One named cache of one app (`owner`: its database handle), 8 MiB: a few hundred plan pages, dozens of team views. */
export function answerCacheOf(
  owner: object,
  name: string,
  maxBytes = 8 * 1024 * 1024,
  options: { compress?: boolean } = {},
): AnswerCache {
  let caches = perApp.get(owner);
  if (!caches) {
    caches = new Map();
    perApp.set(owner, caches);
  }
  let cache = caches.get(name);
  if (!cache) {
    cache = answerCache(maxBytes, options);
    caches.set(name, cache);
  }
  return cache;
}

/** The part of a key that says who reads: the same person with other roles or another language reads another answer. */
export const readerKey = (actor: { personId: string; roles: readonly string[]; locale?: string }): string =>
  `${actor.personId}\u0000${actor.roles.join(',')}\u0000${actor.locale ?? ''}`;
