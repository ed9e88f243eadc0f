/**
 * The write benchmark saves goals with PATCH /api/goals/:id, the guarded write (`WHERE version = ?`). Every request
 * must be a real, successful write, never a 409, so the goals are leased: a request takes a goal no other request
 * has in flight, sends the version it last saw, and gives the goal back with the version its answer carries. The
 * goals belong to the bench team's plans in voorbereiding or gesprek (content editable), spread round-robin over
 * the plans, so concurrent writes land on different plans where they can.
 */
export interface LeasedGoal {
  id: string;
  version: number;
  title: string;
  saves: number;
}

export class GoalPool {
  private readonly free: LeasedGoal[];
  private readonly all: LeasedGoal[];
  private next = 0;
  /** Requests sent while every goal was in flight (after timeouts): they may conflict, and are counted. */
  overdrawn = 0;
  conflicts = 0;
  failures = 0;
  saved = 0;

  constructor(goals: LeasedGoal[]) {
    this.free = [...goals];
    this.all = [...goals];
  }

  get size(): number {
    return this.free.length;
  }

  /** A goal no other request has in flight; when a timed-out request never gave one back, a shared one. */
  take(): { goal: LeasedGoal; leased: boolean } {
    const goal = this.free.shift();
    if (goal) return { goal, leased: true };
    this.overdrawn++;
    const shared = this.all[this.next++ % this.all.length];
    if (!shared) throw new Error('no writable goals');
    return { goal: shared, leased: false };
  }

  give(goal: LeasedGoal): void {
    this.free.push(goal);
  }
}

/** Interleaves the goals of several plans: the first goal of every plan, then the second... */
export function interleave<T>(groups: T[][]): T[] {
  const out: T[] = [];
  for (let i = 0; groups.some((g) => i < g.length); i++)
    for (const g of groups) if (i < g.length) out.push(g[i] as T);
  return out;
}

interface CannonRequest {
  method?: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
}

/**
 * autocannon requests that save leased goals. `context` lives from setupRequest to onResponse of one request; the
 * pool outlives both. With `bare`, the same bodies go to the bare-limit route instead (nothing is written).
 */
export function goalSaveRequests(pool: GoalPool, options: { bare?: string } = {}) {
  return [
    {
      method: 'PATCH',
      setupRequest(request: CannonRequest, context: Record<string, unknown>) {
        const { goal, leased } = pool.take();
        context.goal = goal;
        context.leased = leased;
        goal.saves++;
        request.path = options.bare ?? `/api/goals/${goal.id}`;
        request.body = JSON.stringify({
          title: `${goal.title.replace(/ \(\d+\)$/, '')} (${goal.saves})`,
          version: goal.version,
        });
        return request;
      },
      onResponse(status: number, body: string, context: Record<string, unknown>) {
        const goal = context.goal as LeasedGoal | undefined;
        if (!goal) return;
        context.goal = undefined;
        try {
          const parsed = JSON.parse(body) as { version?: number; error?: { currentVersion?: number } };
          if (status === 200 && !options.bare && typeof parsed.version === 'number') {
            goal.version = parsed.version;
            pool.saved++;
          } else if (status === 409) {
            pool.conflicts++;
            if (typeof parsed.error?.currentVersion === 'number') goal.version = parsed.error.currentVersion;
          } else if (status >= 300) pool.failures++;
        } catch {
          pool.failures++;
        }
        if (context.leased) pool.give(goal);
      },
    },
  ];
}
