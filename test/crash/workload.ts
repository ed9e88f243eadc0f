import { type ApiClient, type ApiResponse, NetworkError } from '../support/api-client.js';
import type { Ledger, Stored } from './ledger.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Deterministic random numbers (mulberry32), so a run can be repeated with its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Open while the server is up; workers wait at it while the server is down. */
export class Gate {
  private isOpen = false;
  private waiters: Array<() => void> = [];

  open(): void {
    this.isOpen = true;
    for (const w of this.waiters.splice(0)) w();
  }

  close(): void {
    this.isOpen = false;
  }

  wait(): Promise<void> {
    return this.isOpen ? Promise.resolve() : new Promise((r) => this.waiters.push(r));
  }
}

/** Answers of preparation questions, compared without regard to key order. */
export const canonicalAnswers = (answers: Record<string, string>): string =>
  JSON.stringify(Object.entries(answers).sort(([a], [b]) => a.localeCompare(b)));
export const goalContent = (g: { title: string; description: string | null }) =>
  JSON.stringify([g.title, g.description]);
export const progressContent = (a: {
  status: string;
  actualHours: number | null;
  certificateNote: string | null;
}) => JSON.stringify([a.status, a.actualHours, a.certificateNote]);

/**
 * One simulated user who keeps writing to one POP through the API. After a lost answer it reloads what it edits
 * (as the web app does after a network error) before writing again, so every write carries the current version.
 */
export abstract class Worker {
  protected stale = true;
  protected n = 0;
  steps = 0;

  constructor(
    readonly name: string,
    protected readonly client: ApiClient,
    protected readonly ledger: Ledger,
    protected readonly planId: string,
    protected readonly rng: () => number,
  ) {}

  protected abstract refresh(): Promise<void>;
  protected abstract step(): Promise<void>;

  /** A status the workload does not expect: 5xx are bugs; a 409 means another write won (reload). */
  protected unexpected(what: string, response: ApiResponse): void {
    if (response.status === 409) {
      this.ledger.conflicts++;
      this.stale = true;
      return;
    }
    this.ledger.serverErrors.push(
      `${this.name} ${what}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`,
    );
    this.stale = true;
  }

  async run(gate: Gate, stopped: () => boolean): Promise<void> {
    while (!stopped()) {
      await gate.wait();
      if (stopped()) break;
      try {
        if (this.stale) {
          await this.refresh();
          this.stale = false;
        }
        await this.step();
        this.steps++;
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error;
        this.stale = true;
        await sleep(5);
      }
    }
  }

  /** Sends one write; a network failure records the attempt as unknown and is rethrown. */
  protected async write(
    kind: string,
    id: string,
    content: string,
    send: () => Promise<ApiResponse>,
  ): Promise<ApiResponse> {
    try {
      return await send();
    } catch (error) {
      if (error instanceof NetworkError) this.ledger.attemptLost(kind, id, content);
      throw error;
    }
  }
}

/** The employee autosaves the answers of their preparation and adds talking points (phase voorbereiding). */
export class PreparationWorker extends Worker {
  private version = 0;
  private questionIds: string[] = [];

  protected async refresh(): Promise<void> {
    const r = await this.client.get(`/api/plans/${this.planId}/preparations/mine`);
    if (r.status !== 200) return this.unexpected('reload preparation', r);
    this.version = r.body.version;
    this.questionIds = (r.body.questions as Array<{ id: string }>).slice(0, 3).map((q) => q.id);
  }

  protected async step(): Promise<void> {
    this.n++;
    if (this.rng() < 0.65) {
      const answers = Object.fromEntries(
        this.questionIds.map((id, i) => [
          id,
          `${this.name} antwoord ${this.n}.${i} — “ëxtra” ${'x'.repeat(i * 40)}`,
        ]),
      );
      const content = canonicalAnswers(answers);
      const r = await this.write('preparation', this.planId, content, () =>
        this.client.put(`/api/plans/${this.planId}/preparations/mine`, { answers, version: this.version }),
      );
      if (r.status !== 200) return this.unexpected('save preparation', r);
      if (canonicalAnswers(r.body.answers) !== content)
        this.ledger.serverErrors.push(`${this.name}: the preparation answer differs from what was sent`);
      this.version = r.body.version;
      this.ledger.ack('preparation', this.planId, r.body.version, canonicalAnswers(r.body.answers));
    } else {
      const text = `${this.name} gesprekspunt ${this.n}`;
      const r = await this.write('talking-point', `new:${text}`, text, () =>
        this.client.post(`/api/plans/${this.planId}/talking-points`, { text }),
      );
      if (r.status !== 201) return this.unexpected('add talking point', r);
      this.ledger.ack('talking-point', r.body.id, r.body.version, r.body.text);
    }
  }
}

/** The employee adds ontwikkeldoelen and rewrites them (phase gesprek). */
export class GoalWorker extends Worker {
  private goals: Array<{ id: string; version: number }> = [];
  static readonly maxGoals = 40;

  protected async refresh(): Promise<void> {
    const r = await this.client.get(`/api/plans/${this.planId}`);
    if (r.status !== 200) return this.unexpected('reload plan', r);
    this.goals = (r.body.content.goals as Array<{ id: string; version: number }>).map((g) => ({
      id: g.id,
      version: g.version,
    }));
  }

  protected async step(): Promise<void> {
    this.n++;
    if (this.goals.length < GoalWorker.maxGoals && (this.goals.length === 0 || this.rng() < 0.4)) {
      const body = { title: `${this.name} doel ${this.n}`, description: `Waarom: stap ${this.n}` };
      const r = await this.write('goal', `new:${body.title}`, goalContent(body), () =>
        this.client.post(`/api/plans/${this.planId}/goals`, body),
      );
      if (r.status !== 201) return this.unexpected('add goal', r);
      this.goals.push({ id: r.body.id, version: r.body.version });
      this.ledger.ack('goal', r.body.id, r.body.version, goalContent(r.body));
      return;
    }
    const goal = this.goals[Math.floor(this.rng() * this.goals.length)]!;
    const body = {
      title: `${this.name} doel herschreven ${this.n}`,
      description: `Bijgestuurd bij stap ${this.n}`,
    };
    const r = await this.write('goal', goal.id, goalContent(body), () =>
      this.client.patch(`/api/goals/${goal.id}`, { ...body, version: goal.version }),
    );
    if (r.status !== 200) return this.unexpected('change goal', r);
    goal.version = r.body.version;
    this.ledger.ack('goal', goal.id, r.body.version, goalContent(r.body));
  }
}

const statuses = ['planned', 'in_progress', 'done', 'postponed'] as const;

/** The employee records the progress of actions and comments on them (phase uitvoering). */
export class ProgressWorker extends Worker {
  private actions: Array<{ id: string; version: number }> = [];

  protected async refresh(): Promise<void> {
    const r = await this.client.get(`/api/plans/${this.planId}`);
    if (r.status !== 200) return this.unexpected('reload plan', r);
    this.actions = (r.body.content.goals as Array<{ actions: Array<{ id: string; version: number }> }>)
      .flatMap((g) => g.actions)
      .map((a) => ({ id: a.id, version: a.version }));
  }

  protected async step(): Promise<void> {
    this.n++;
    const action = this.actions[Math.floor(this.rng() * this.actions.length)]!;
    if (this.rng() < 0.75) {
      const body = {
        status: statuses[this.n % statuses.length]!,
        actualHours: this.n % 200,
        certificateNote: `${this.name} attest ${this.n}`,
      };
      const r = await this.write('action-progress', action.id, progressContent(body), () =>
        this.client.patch(`/api/actions/${action.id}/progress`, { ...body, version: action.version }),
      );
      if (r.status !== 200) return this.unexpected('record progress', r);
      action.version = r.body.version;
      this.ledger.ack('action-progress', action.id, r.body.version, progressContent(r.body));
      return;
    }
    const text = `${this.name} opmerking ${this.n}`;
    const r = await this.write('comment', `new:${text}`, text, () =>
      this.client.post(`/api/actions/${action.id}/comments`, { text }),
    );
    if (r.status !== 201) return this.unexpected('comment', r);
    const comment = (r.body.comments as Array<{ id: string; text: string }>).find((c) => c.text === text);
    if (!comment) this.ledger.serverErrors.push(`${this.name}: acknowledged comment missing from the answer`);
    else this.ledger.ack('comment', comment.id, 1, comment.text);
  }
}

/** Everything the API shows now, keyed like the ledger. */
export async function readBack(
  plans: Array<{ client: ApiClient; planId: string }>,
): Promise<(kind: string, id: string) => Stored | undefined> {
  const stored = new Map<string, Stored>();
  for (const { client, planId } of plans) {
    const detail = await client.expect(200, 'GET', `/api/plans/${planId}`);
    const prep = await client.request('GET', `/api/plans/${planId}/preparations/mine`);
    if (prep.status === 200)
      stored.set(`preparation:${planId}`, {
        version: prep.body.version,
        content: canonicalAnswers(prep.body.answers),
      });
    for (const point of detail.talkingPoints?.employee ?? [])
      stored.set(`talking-point:${point.id}`, { version: point.version, content: point.text });
    for (const goal of detail.content?.goals ?? []) {
      stored.set(`goal:${goal.id}`, { version: goal.version, content: goalContent(goal) });
      for (const action of goal.actions) {
        stored.set(`action-progress:${action.id}`, {
          version: action.version,
          content: progressContent(action),
        });
        for (const comment of action.comments)
          stored.set(`comment:${comment.id}`, { version: 1, content: comment.text });
      }
    }
  }
  return (kind, id) => stored.get(`${kind}:${id}`);
}
