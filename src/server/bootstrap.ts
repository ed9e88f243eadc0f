import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config/config.js';
import { type AppContext, type Clock, systemClock } from './context.js';
import { type ConnectOptions, connect } from './db/connection.js';
import { migrateToLatest } from './db/migrator.js';
import { createMailer } from './email/mailer.js';

/** The package root, found from this file whether it runs from src/ or from dist/. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'groeipad') return dir;
    } catch {}
    dir = dirname(dir);
  }
  return process.cwd();
}

export function readVersion(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Paths and values that pino must never write (cookies, CSRF tokens, passwords). */
export const logRedactions = [
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
];

/** Paths whose segment is a secret: the link of an invitation or password reset, and a private calendar feed. */
const secretPaths = [/^(\/api\/auth\/tokens\/)[^/?#]+()/, /^(\/calendar\/)[^/?#]+?(\.ics)?(?=[?#]|$)/];

/** A request URL as the log may hold it: secret path segments replaced. */
export function redactUrl(url: string): string {
  return secretPaths.reduce(
    (out, pattern) =>
      out.replace(pattern, (_match, prefix: string, suffix?: string) => `${prefix}[redacted]${suffix ?? ''}`),
    url,
  );
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** `destination`: where the lines go (stdout by default; tests capture them). */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const options = {
    level: config.logLevel,
    redact: logRedactions,
    serializers: {
      // Fastify's own request serializer, with the URL stripped of secrets.
      req: (req: LoggedRequest) => ({
        method: req.method,
        url: redactUrl(req.url),
        host: req.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export interface ContextOptions {
  clock?: Clock;
  logger?: Logger;
  connect?: ConnectOptions;
  migrate?: boolean;
}

/** Connects to the database, applies migrations and wires the mailer. */
export async function createAppContext(config: Config, options: ContextOptions = {}): Promise<AppContext> {
  const logger = options.logger ?? createLogger(config);
  const clock = options.clock ?? systemClock;
  const database = connect(config.database.url, options.connect);
  if (options.migrate !== false) {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) logger.info({ migrations: applied }, 'database migrated');
  }
  const mailer = createMailer({
    smtpUrl: config.mail.smtpUrl,
    from: config.mail.from,
    db: database.db,
    logger,
    now: () => clock.now(),
  });
  return { config, database, clock, mailer, logger, version: readVersion() };
}
