import { createAppContext, createLogger } from '../bootstrap.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { createJobRunner } from '../jobs/runner.js';

/**
 * `npm run worker`: the job runner on its own, for deployments that keep it out of the web processes (set
 * JOBS_INTERVAL_SECONDS=0 on those). Several workers and servers may run against one PostgreSQL database.
 */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config);
  const ctx = await createAppContext(config, { logger });
  const runner = createJobRunner(ctx, { intervalSeconds: config.jobs.intervalSeconds || 60 });
  const stop = async (signal: string) => {
    logger.info({ signal }, 'worker stopping');
    await runner.stop();
    await ctx.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  runner.start();
  logger.info(
    { database: ctx.database.dialect, intervalSeconds: config.jobs.intervalSeconds || 60 },
    'Groeipad worker running',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
