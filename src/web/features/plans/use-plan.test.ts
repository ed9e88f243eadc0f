import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlanDetail } from '../../../shared/contracts/plans.js';
import { queryKeys } from '../../api/query-keys.js';
import { planCache } from './use-plan.js';

const planId = '7d0c1f7e-0000-4000-8000-000000000001';
const plan = (version: number, facilities: string) =>
  ({ id: planId, version, content: { facilities } }) as unknown as PlanDetail;

/** A load of the plan whose answer the test gives when it wants. */
function loads() {
  const pending: Array<(plan: PlanDetail) => void> = [];
  return {
    pending,
    queryFn: () => new Promise<PlanDetail>((resolve) => pending.push(resolve)),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the plan cache', () => {
  let client: QueryClient;
  let stop = () => {};
  afterEach(() => {
    stop();
    client.clear();
  });

  function open(server: ReturnType<typeof loads>) {
    client = new QueryClient({
      defaultOptions: { queries: { retry: false, staleTime: Number.POSITIVE_INFINITY } },
    });
    const observer = new QueryObserver(client, { queryKey: queryKeys.plan(planId), queryFn: server.queryFn });
    stop = observer.subscribe(() => {});
    return planCache(client, planId, server.queryFn);
  }

  /** The page open, its first load answered. */
  async function opened() {
    const server = loads();
    const cache = open(server);
    server.pending.shift()?.(plan(1, ''));
    await settle();
    return { server, cache };
  }

  it.each([
    ['set', (cache: ReturnType<typeof planCache>) => cache.set(plan(3, 'saved'))],
    [
      'update',
      (cache: ReturnType<typeof planCache>) =>
        cache.update((p) => ({ ...p, version: 3, content: { facilities: 'saved' } }) as PlanDetail),
    ],
  ])(
    'a load under way when the page writes the plan (%s) does not land over the write, and is made again',
    async (_, write) => {
      const { server, cache } = await opened();
      void cache.refresh();
      expect(server.pending).toHaveLength(1);
      const stale = server.pending.shift();

      write(cache);
      stale?.(plan(2, ''));
      await settle();
      expect(cache.current()?.content).toEqual({ facilities: 'saved' });

      // The load is made again after the write and brings what the server has now.
      expect(server.pending).toHaveLength(1);
      server.pending.shift()?.(plan(4, 'saved'));
      await settle();
      expect(cache.current()?.version).toBe(4);
    },
  );

  it('a write with no load under way loads nothing', async () => {
    const { server, cache } = await opened();
    cache.set(plan(2, 'saved'));
    await settle();
    expect(server.pending).toHaveLength(0);
    expect(cache.current()?.version).toBe(2);
  });

  it('the latest plan of a conflict is read past the cache and kept', async () => {
    const { server, cache } = await opened();
    const latest = cache.fetchLatest();
    server.pending.shift()?.(plan(5, 'theirs'));
    await expect(latest).resolves.toMatchObject({ version: 5 });
    expect(cache.current()?.version).toBe(5);
  });
});
