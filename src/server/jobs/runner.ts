import type { AppContext } from '../context.js';
import { runReminders } from '../modules/notifications/index.js';
import { runPrivacyPurge } from '../modules/privacy/index.js';

export interface RunReport {
  scheduled: number;
  sent: number;
  skipped: number;
  digest: number;
  failed: number;
  /** Emails of the outbox delivered on a retry (or after a process died holding them). */
  retried: number;
  /** The daily retention purge: people with data removed, and audit rows past their period. */
  purged: { people: number; auditRows: number };
}

export interface JobRunner {
  /**
   * One pass: plan reminders, send what is due, retry the outbox, and once a day per organisation the retention
   * purge. Tests call this with a movable clock.
   */
  runOnce(): Promise<RunReport>;
  /** Runs a pass every `intervalSeconds` (never two at once in this process) until `stop()`. */
  start(): void;
  stop(): Promise<void>;
}

/**
 * The job runner inside the server process (and in `npm run worker`). Several runners, in one process or in
 * several against one PostgreSQL database, may run at the same time: every reminder and every email is claimed with
 * a guarded update before it is sent, so each goes out once; each organisation's daily purge is claimed as a row of
 * `privacy_purge_runs` (and removing what is already gone changes nothing).
 */
export function createJobRunner(ctx: AppContext, options: { intervalSeconds: number }): JobRunner {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;

  async function runOnce(): Promise<RunReport> {
    const now = ctx.clock.now();
    const report = await runReminders(ctx, now);
    const retried = await ctx.mailer.deliverDue();
    const purge = await runPrivacyPurge(ctx, now);
    return { ...report, retried, purged: { people: purge.people, auditRows: purge.auditRows } };
  }

  function schedule(delayMs: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce()
        .then((report) => {
          if (
            report.sent + report.retried + report.failed + report.purged.people + report.purged.auditRows >
            0
          )
            ctx.logger.info({ jobs: report }, 'jobs ran');
        })
        .catch((error: unknown) => ctx.logger.error({ err: error }, 'job run failed'))
        .finally(() => {
          running = undefined;
          schedule(options.intervalSeconds * 1000);
        });
    }, delayMs);
    timer.unref?.();
  }

  return {
    runOnce,
    start() {
      if (!stopped || options.intervalSeconds <= 0) return;
      stopped = false;
      // A first pass soon after start, then every interval.
      schedule(Math.min(5_000, options.intervalSeconds * 1000));
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
