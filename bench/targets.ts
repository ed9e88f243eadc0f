import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BenchFixture } from './seed/context.js';

/** Where a generated organisation lives, for the seeder and the runner alike. */
export type BenchDb = 'sqlite' | 'postgres';

/** Debian's PostgreSQL socket folder. */
const localSocketDir = '/var/run/postgresql';

/**
 * PostgreSQL on the same machine is reached through its Unix socket when it has one, as a server installed beside its
 * database connects (docs/decisions/0014-postgresql-socket.md); over TCP otherwise. `BENCH_POSTGRES_URL` overrides.
 */
export const defaultPostgresUrl =
  process.env.BENCH_POSTGRES_URL ??
  (existsSync(`${localSocketDir}/.s.PGSQL.5432`)
    ? `postgres://postgres@localhost/groeipad_bench?host=${localSocketDir}`
    : 'postgres://postgres@127.0.0.1:5432/groeipad_bench');

/** 1000 -> "1k", 10000 -> "10k", 50000 -> "50k", 2500 -> "2500". */
export const sizeLabel = (people: number): string =>
  people % 1000 === 0 ? `${people / 1000}k` : String(people);

export interface BenchTarget {
  db: BenchDb;
  people: number;
  /** SQLite file. */
  file?: string;
  /** PostgreSQL schema inside the bench database. */
  schema?: string;
  postgresUrl: string;
}

export function resolveTarget(options: {
  db: BenchDb;
  people: number;
  file?: string | undefined;
  schema?: string | undefined;
  postgresUrl?: string | undefined;
}): BenchTarget {
  const postgresUrl = options.postgresUrl ?? defaultPostgresUrl;
  if (options.db === 'sqlite')
    return {
      db: 'sqlite',
      people: options.people,
      file: resolve(options.file ?? `./data/bench-${sizeLabel(options.people)}.db`),
      postgresUrl,
    };
  const schema = options.schema ?? `bench_${sizeLabel(options.people)}`;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new Error(`--schema must be a plain lower-case name: ${schema}`);
  return { db: 'postgres', people: options.people, schema, postgresUrl };
}

/** The DATABASE_URL the server is started with. */
export function databaseUrl(target: BenchTarget): string {
  if (target.db === 'sqlite') return `sqlite:${target.file}`;
  const separator = target.postgresUrl.includes('?') ? '&' : '?';
  return `${target.postgresUrl}${separator}options=${encodeURIComponent(`-c search_path=${target.schema}`)}`;
}

export function fixturePath(target: BenchTarget): string {
  return target.db === 'sqlite'
    ? `${target.file}.fixture.json`
    : resolve(`./data/bench-pg-${target.schema}.fixture.json`);
}

export function readFixture(target: BenchTarget): BenchFixture | undefined {
  const path = fixturePath(target);
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as BenchFixture;
}

/** `--name value` and `--flag` arguments. */
export function parseArgs(argv: readonly string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) continue;
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const next = argv[i + 1];
    if (inline !== undefined) args.set(name, inline);
    else if (next !== undefined && !next.startsWith('--')) {
      args.set(name, next);
      i++;
    } else args.set(name, 'true');
  }
  return args;
}
