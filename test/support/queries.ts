import type { CompiledQuery, Kysely } from 'kysely';
import { preparedRunnerOf } from '../../src/server/db/prepared-query.js';

/**
 * Every statement `run` sends through `db`, or through the runner of its prepared queries (on PostgreSQL a pool of its
 * own, decisions/0019), in the order sent.
 */
export async function queriesOf<DB>(db: Kysely<DB>, run: () => Promise<unknown>): Promise<CompiledQuery[]> {
  const executors = [...new Set([db.getExecutor(), preparedRunnerOf(db).getExecutor()])];
  const originals = executors.map((executor) => executor.executeQuery);
  const seen: CompiledQuery[] = [];
  executors.forEach((executor, i) => {
    const original = originals[i]!.bind(executor) as (
      ...args: unknown[]
    ) => ReturnType<typeof executor.executeQuery>;
    executor.executeQuery = ((query: CompiledQuery, ...rest: unknown[]) => {
      seen.push(query);
      return original(query, ...rest);
    }) as typeof executor.executeQuery;
  });
  try {
    await run();
  } finally {
    executors.forEach((executor, i) => {
      executor.executeQuery = originals[i]!;
    });
  }
  return seen;
}
