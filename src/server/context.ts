import type { Logger } from 'pino';
import type { Config } from './config/config.js';
import type { DatabaseHandle } from './db/connection.js';
import type { Mailer } from './email/mailer.js';

/** The clock every service reads; tests replace it with a fixed or movable one. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** Everything wired once at start and handed down to routes, services and jobs. */
export interface AppContext {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  mailer: Mailer;
  logger: Logger;
  version: string;
}
