import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext } from '../../src/server/bootstrap.js';
import type { AppContext } from '../../src/server/context.js';
import type { Mailer } from '../../src/server/email/mailer.js';
import { createJobRunner } from '../../src/server/jobs/runner.js';
import { dialects, type Harness, startHarness } from '../support/harness.js';

/** A context on the same database with its own connection pool, as a second server process would have. */
async function secondProcess(h: Harness): Promise<AppContext> {
  const schema = (await sql<{ schema: string }>`select current_schema() as schema`.execute(h.ctx.database.db))
    .rows[0]?.schema;
  return createAppContext(h.ctx.config, {
    clock: h.clock,
    logger: pino({ level: 'silent' }),
    connect: { ...(schema ? { schema } : {}), poolSize: 5 },
    migrate: false,
  });
}

/** Counts the deliveries a process made itself. */
function counting(ctx: AppContext): { ctx: AppContext; sent: () => number } {
  let sent = 0;
  const mailer: Mailer = {
    ...ctx.mailer,
    deliver: async (...args) => {
      const outcome = await ctx.mailer.deliver(...args);
      if (outcome === 'sent') sent++;
      return outcome;
    },
  };
  return { ctx: { ...ctx, mailer }, sent: () => sent };
}

describe.runIf(dialects.includes('postgresql'))('two job runners racing on one PostgreSQL', () => {
  let h: Harness & { close(): Promise<void> };
  let other: AppContext;
  beforeAll(async () => {
    h = await startHarness('postgresql');
    other = await secondProcess(h);
  }, 60_000);
  afterAll(async () => {
    await other?.database.close();
    await h?.close();
  });

  it('sends every reminder exactly once, whichever runner claims it', async () => {
    h.clock.set('2026-03-02T08:00:00.000Z');
    const org = await h.createOrganisation();
    const manager = await h.createPerson(org.id, {
      roles: ['employee', 'manager'],
      firstName: 'Katrien',
      lastName: 'Van den Broeck',
    });
    const m = await h.login(manager);
    const employees = [];
    for (let i = 0; i < 8; i++) {
      const employee = await h.createPerson(org.id, {
        firstName: `Medewerker${i}`,
        lastName: 'Test',
        managerId: manager.id,
      });
      employees.push(employee);
      const started = await m.post('/api/plans', {
        employeeId: employee.id,
        conversationAt: `2026-03-${String(20 + (i % 5)).padStart(2, '0')}T10:00:00+01:00`,
      });
      expect(started.statusCode, started.body).toBe(201);
    }
    const a = counting(h.ctx);
    const b = counting(other);
    const runnerA = createJobRunner(a.ctx, { intervalSeconds: 0 });
    const runnerB = createJobRunner(b.ctx, { intervalSeconds: 0 });
    const race = async () => {
      for (let i = 0; i < 3; i++) await Promise.all([runnerA.runOnce(), runnerB.runOnce()]);
    };
    const addresses = new Set([manager.email, ...employees.map((e) => e.email)]);
    const received = () =>
      h.smtp.messages
        .filter((x) => x.to.some((to) => addresses.has(to)))
        .map((x) => `${x.to.join(',')} | ${x.subject}`);

    // Each employee: the new cycle and the invitation; the manager: eight invitations.
    h.clock.set('2026-03-02T08:05:00.000Z');
    await race();
    let mails = received();
    expect(mails).toHaveLength(24);
    expect(new Set(mails).size).toBe(24);
    for (const employee of employees) {
      expect(mails.filter((x) => x.startsWith(`${employee.email} |`))).toHaveLength(2);
    }
    expect(mails.filter((x) => x.startsWith(`${manager.email} | Uitnodiging`))).toHaveLength(8);
    expect(a.sent() + b.sent()).toBe(24);

    // A week before each exchange deadline: sixteen preparation reminders, each once.
    h.clock.set('2026-03-10T07:00:00.000Z');
    await race();
    mails = received();
    expect(mails).toHaveLength(40);
    expect(new Set(mails).size).toBe(40);
    expect(a.sent() + b.sent()).toBe(40);
    const outbox = await h.ctx.database.db
      .selectFrom('emails')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('organisation_id', '=', org.id)
      .executeTakeFirst();
    expect(Number(outbox?.n)).toBe(40);
    const reminders = await h.ctx.database.db
      .selectFrom('reminders')
      .select(['status', (eb) => eb.fn.countAll().as('n')])
      .where('organisation_id', '=', org.id)
      .where('status', '=', 'sent')
      .groupBy('status')
      .execute();
    expect(reminders.map((r) => Number(r.n))).toEqual([40]);
  });
});
