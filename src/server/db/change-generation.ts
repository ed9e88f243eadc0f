/**
 * A counter per organisation that moves on every write request, for caches of derived figures (the training plan).
 * It moves when a write starts and again before its answer is sent, so a figure computed while a write ran is never
 * served after it. It lives in this process only: a cache that uses it also keeps entries for a short time at most,
 * for writes made by another process or outside a request.
 */
const generations = new Map<string, number>();

export function organisationChanged(organisationId: string): void {
  generations.set(organisationId, (generations.get(organisationId) ?? 0) + 1);
}

export function changeGeneration(organisationId: string): number {
  return generations.get(organisationId) ?? 0;
}

/** A small cache of values derived from one organisation's data, valid for its change generation and `ttlMs`. */
export function derivedCache<T>(options: { ttlMs: number; maxEntries: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: T; generation: number; at: number }>();
  return {
    async get(organisationId: string, key: string, compute: () => Promise<T>): Promise<T> {
      const fullKey = `${organisationId}\u0000${key}`;
      const generation = changeGeneration(organisationId);
      const hit = entries.get(fullKey);
      if (hit && hit.generation === generation && now() - hit.at < options.ttlMs) return hit.value;
      const value = await compute();
      // Stored under the generation seen before computing: a write that started meanwhile makes it stale.
      entries.delete(fullKey);
      entries.set(fullKey, { value, generation, at: now() });
      if (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string);
      return value;
    },
  };
}
