import { z } from 'zod';

/**
 * Every environment variable Groeipad reads, parsed once at start. Invalid values are all reported together and
 * the process exits non-zero (see main.ts). The README lists the same variables, one line each.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = (fallback: number) =>
  z.coerce.number().int('must be a whole number').positive('must be positive').default(fallback);

const databaseUrl = z
  .string()
  .refine(
    (v) => /^postgres(ql)?:\/\//.test(v) || /^sqlite:.+/.test(v),
    'must start with postgres://, postgresql:// or sqlite:',
  );

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://pop.example.org' }).optional(),
  DATABASE_URL: databaseUrl.default('sqlite:./data/groeipad.db'),
  SESSION_IDLE_MINUTES: positiveInt(30),
  SESSION_ABSOLUTE_HOURS: positiveInt(12),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\//.test(v), 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Groeipad <no-reply@groeipad.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: booleanFlag.default(false),
  DEMO: booleanFlag.default(false),
  BACKUP_DIR: z.string().min(1).default('./backups'),
  INVITATION_DAYS: positiveInt(14),
  RESET_MINUTES: positiveInt(60),
  JOBS_INTERVAL_SECONDS: z.coerce.number().int('must be a whole number').min(0).max(86_400).default(60),
  /** Benchmarks only (bench/run.ts): adds the bare-limit routes of src/server/http/bench-bare.ts. */
  GROEIPAD_BENCH_BARE: booleanFlag.default(false),
  EXPORTS_PER_MINUTE: positiveInt(30),
});

export type RawConfig = z.infer<typeof configSchema>;

export interface Config {
  env: RawConfig['NODE_ENV'];
  host: string;
  port: number;
  publicUrl: string;
  isHttps: boolean;
  database: { url: string; dialect: 'sqlite' | 'postgresql' };
  session: { idleMinutes: number; absoluteHours: number };
  mail: { smtpUrl: string | undefined; from: string };
  logLevel: RawConfig['LOG_LEVEL'];
  trustProxy: boolean;
  demo: boolean;
  backupDir: string;
  tokens: { invitationDays: number; resetMinutes: number };
  /** Seconds between two passes of the job runner (reminders, email retries); 0 = no runner in this process. */
  jobs: { intervalSeconds: number };
  /** The benchmark's bare-limit routes are registered (never in a real install). */
  benchBare: boolean;
  /** Per-person limit of exports and PDF generation (http/rate-limit.ts). */
  limits: { exportsPerMinute: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment; throws `ConfigError` listing every invalid variable. */
export function loadConfig(
  env: Record<string, string | undefined>,
  overrides: { demo?: boolean } = {},
): Config {
  const cleaned = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const raw = parsed.data;
  const demo = overrides.demo ?? raw.DEMO;
  const publicUrl = (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, '');
  const databaseUrl = demo && env.DATABASE_URL === undefined ? 'sqlite:./data/demo.db' : raw.DATABASE_URL;
  return {
    env: raw.NODE_ENV,
    host: raw.HOST,
    port: raw.PORT,
    publicUrl,
    isHttps: publicUrl.startsWith('https://'),
    database: {
      url: databaseUrl,
      dialect: databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgresql',
    },
    session: { idleMinutes: raw.SESSION_IDLE_MINUTES, absoluteHours: raw.SESSION_ABSOLUTE_HOURS },
    mail: { smtpUrl: raw.SMTP_URL, from: raw.MAIL_FROM },
    logLevel: raw.LOG_LEVEL,
    trustProxy: raw.TRUST_PROXY,
    demo,
    backupDir: raw.BACKUP_DIR,
    tokens: { invitationDays: raw.INVITATION_DAYS, resetMinutes: raw.RESET_MINUTES },
    jobs: { intervalSeconds: raw.JOBS_INTERVAL_SECONDS },
    benchBare: raw.GROEIPAD_BENCH_BARE,
    limits: { exportsPerMinute: raw.EXPORTS_PER_MINUTE },
  };
}
