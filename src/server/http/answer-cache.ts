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
export interface AnswerCache {
  /** The kept answer as UTF-8 bytes, encoded once: sending a string would encode it again on every request. */
  get(key: string, stamp: string): Buffer | undefined;
  set(key: string, stamp: string, body: string): Buffer;
  readonly bytes: number;
  readonly size: number;
}

export function answerCache(maxBytes: number): AnswerCache {
  const entries = new Map<string, { stamp: string; body: Buffer; bytes: number }>();
  let bytes = 0;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.bytes;
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
      entries.set(key, { stamp, body, bytes: size });
      bytes += size;
      while (bytes > maxBytes) {
        const oldest = entries.keys().next().value as string;
        drop(oldest);
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
export function answerCacheOf(owner: object, name: string, maxBytes = 8 * 1024 * 1024): AnswerCache {
  let caches = perApp.get(owner);
  if (!caches) {
    caches = new Map();
    perApp.set(owner, caches);
  }
  let cache = caches.get(name);
  if (!cache) {
    cache = answerCache(maxBytes);
    caches.set(name, cache);
  }
  return cache;
}

/** The part of a key that says who reads: the same person with other roles or another language reads another answer. */
export const readerKey = (actor: { personId: string; roles: readonly string[]; locale?: string }): string =>
  `${actor.personId}\u0000${actor.roles.join(',')}\u0000${actor.locale ?? ''}`;
