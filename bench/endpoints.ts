import type { BenchFixture } from './seed/context.js';

/**
 * What the benchmark measures: one entry per endpoint of issue 7. The runner takes every entry whose route exists in
 * the server's OpenAPI document at run time; an entry whose route is missing is reported as "not available", so the
 * same list runs before and after a module lands. Adding an endpoint is adding an entry here.
 */
export type BenchUser = 'employee' | 'manager' | 'hr';
export type BenchDialect = 'sqlite' | 'postgresql';

export interface BenchRequest {
  method: 'GET' | 'PATCH';
  path: string;
}

export interface Target {
  /** Requests/s as a share of the bare limit, per database. */
  minRatio?: Record<BenchDialect, number>;
  /** p99 latency at the benchmark's connections, per database (undefined: no limit on that database). */
  maxP99Ms?: Partial<Record<BenchDialect, number>>;
  /** Successful writes per second. */
  minRps?: Record<BenchDialect, number>;
  /** Median of sequential requests. */
  maxMedianMs?: number;
  /** Median as a multiple of the hand-written SQL for the same figures. */
  maxSqlRatio?: number;
  /** Shown in the table. */
  text: string;
}

export interface BenchEndpoint {
  key: string;
  label: string;
  user: BenchUser;
  /**
   * load: autocannon at the run's connections, against the bare limit.
   * write: like load, each request a real guarded write (see bench/writes.ts).
   * latency: sequential requests (one connection), median against hand-written SQL: an HR report, not a hot path.
   */
  mode: 'load' | 'write' | 'latency';
  /** The route as the OpenAPI document names it: when absent, the endpoint is not available. */
  route: { method: 'GET' | 'PATCH'; path: string } | ((paths: Record<string, object>) => BenchRequest | null);
  /** The concrete request for the fixture (write endpoints choose their goal per request). */
  request(fixture: BenchFixture): BenchRequest;
  target: Target;
  /** Measured in the growth run (1,000 against a larger organisation). */
  growth?: boolean;
}

const pageTarget: Target = {
  minRatio: { sqlite: 0.5, postgresql: 0.25 },
  maxP99Ms: { sqlite: 50, postgresql: 50 },
  text: '>= 50 % (SQLite) / 25 % (PG) of bare; p99 <= 50 ms',
};

export const endpoints: BenchEndpoint[] = [
  {
    key: 'plan-page',
    label: 'Plan page: GET /api/plans/:id (5 goals, 15 actions, 3 follow-ups, 3 versions)',
    user: 'employee',
    mode: 'load',
    route: { method: 'GET', path: '/api/plans/{id}' },
    request: (f) => ({ method: 'GET', path: `/api/plans/${f.fullPlanId}` }),
    target: pageTarget,
    growth: true,
  },
  {
    key: 'team-view',
    label: 'Team view: GET /api/team-view?teamId= (team of 25)',
    user: 'manager',
    mode: 'load',
    route: { method: 'GET', path: '/api/team-view' },
    request: (f) => ({ method: 'GET', path: `/api/team-view?teamId=${f.benchTeamId}` }),
    target: pageTarget,
    growth: true,
  },
  {
    key: 'home',
    label: "Employee's home: GET /api/plans?as=employee&limit=100",
    user: 'employee',
    mode: 'load',
    route: { method: 'GET', path: '/api/plans' },
    request: () => ({ method: 'GET', path: '/api/plans?as=employee&limit=100' }),
    target: pageTarget,
  },
  {
    key: 'training-plan',
    label: 'HR training plan: GET /api/training-plan?year= (whole organisation)',
    user: 'hr',
    mode: 'latency',
    route: { method: 'GET', path: '/api/training-plan' },
    request: (f) => ({ method: 'GET', path: `/api/training-plan?year=${f.year}` }),
    target: { maxMedianMs: 300, maxSqlRatio: 2, text: 'median <= 300 ms; <= 2x hand-written SQL' },
  },
  {
    key: 'save-goal',
    label: 'Save a goal: PATCH /api/goals/:id (guarded write)',
    user: 'manager',
    mode: 'write',
    route: { method: 'PATCH', path: '/api/goals/{id}' },
    request: () => ({ method: 'PATCH', path: '/api/goals/:id' }),
    target: {
      minRps: { sqlite: 1000, postgresql: 500 },
      maxP99Ms: { sqlite: 50 },
      text: '>= 1000/s, p99 <= 50 ms (SQLite); >= 500/s (PG)',
    },
  },
  {
    key: 'notifications-count',
    label: 'Notifications: unread count',
    user: 'employee',
    mode: 'load',
    // Whichever GET route of the notifications module answers the unread count.
    route: (paths) => {
      const path = Object.keys(paths).find(
        (p) => /^\/api\/notifications\b/.test(p) && /unread|count/i.test(p) && !p.includes('{'),
      );
      return path ? { method: 'GET', path } : null;
    },
    request: () => ({ method: 'GET', path: '' }),
    target: { text: 'no target in the issue (reported against bare)' },
  },
];
