import { existsSync } from 'node:fs';
import pg from 'pg';

/** Before the tests: say clearly what is missing instead of failing later in a hundred places. */
const postgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const problems: string[] = [];

const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
try {
  await client.connect();
  await client.query('select 1');
} catch (error) {
  problems.push(
    `PostgreSQL is not reachable at ${postgresUrl} (${error instanceof Error ? error.message : error}). ` +
      'Start it, or point TEST_POSTGRES_URL at a database the tests may create schemas in.',
  );
} finally {
  await client.end().catch(() => {});
}
if (!existsSync(chromium)) {
  problems.push(
    `Chromium is not at ${chromium}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
}
if (problems.length > 0) {
  console.error(`The tests need:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
