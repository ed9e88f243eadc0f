import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PageRenderer } from '../shared/page-render.js';
import { buildApp } from './app.js';
import { createAppContext, createLogger, packageRoot } from './bootstrap.js';
import { type Config, ConfigError, loadConfig } from './config/config.js';
import { seedDemoIfEmpty } from './demo/index.js';
import { createJobRunner } from './jobs/runner.js';

function readConfig(): Config {
  try {
    return loadConfig(process.env, process.argv.includes('--demo') ? { demo: true } : {});
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config);
  const ctx = await createAppContext(config, { logger });
  if (config.demo) {
    const logins = await seedDemoIfEmpty(ctx);
    if (logins) {
      const lines = logins.map((l) => `  ${l.role.padEnd(16)} ${l.email.padEnd(36)} ${l.password}`);
      console.log(
        `\nGroeipad demo organisation "${logins[0]?.organisation}". Sign in with:\n${lines.join('\n')}\n`,
      );
    }
  }
  const app = await buildApp(ctx, {
    webRoot: join(packageRoot(), 'dist', 'web'),
    // The server build of the web app (npm run build) loads with the first page asked for.
    pageRenderer: () =>
      import(
        pathToFileURL(join(packageRoot(), 'dist', 'ssr', 'entry-server.js')).href
      ) as Promise<PageRenderer>,
  });
  const jobs = createJobRunner(ctx, { intervalSeconds: config.jobs.intervalSeconds });
  const close = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await jobs.stop();
    await app.close();
    await ctx.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
  jobs.start();
  logger.info(
    { url: config.publicUrl, database: ctx.database.dialect, demo: config.demo },
    `Groeipad ${ctx.version} listening on ${config.publicUrl}`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
