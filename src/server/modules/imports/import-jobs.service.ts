import { randomUUID } from 'node:crypto';
import type { ImportJob } from '../../../shared/contracts/organisation.js';
import { AppError } from '../../../shared/errors.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import { translate } from '../../../shared/i18n/translate.js';
import { type Actor, canViewImportJob } from '../../../shared/policies.js';
import type { AppContext } from '../../context.js';
import { csvUploadProblem } from './csv.domain.js';

interface JobEntry {
  job: ImportJob;
  organisationId: string;
  startedBy: string;
  finishedAt: number | null;
}

/**
 * Progress of running and recent imports, kept in this process only: an import is one transaction, so after a
 * restart there is nothing to resume, and the web app only needs the progress while it polls.
 */
const jobs = new Map<string, JobEntry>();
const KEEP_FINISHED_MS = 24 * 3_600_000;

function prune(now: number): void {
  for (const [id, entry] of jobs) {
    if (entry.finishedAt !== null && now - entry.finishedAt > KEEP_FINISHED_MS) jobs.delete(id);
  }
}

/** The work of an import: it updates the counters of `job` between chunks of rows. */
export type ImportWork = (job: ImportJob) => Promise<void>;

/** Registers a job and runs its work after the answer is sent; the web app polls GET /api/imports/:jobId. */
export function startImportJob(
  ctx: AppContext,
  owner: { organisationId: string; personId: string; locale: Locale },
  total: number,
  work: ImportWork,
): ImportJob {
  prune(ctx.clock.now().getTime());
  const job: ImportJob = {
    id: randomUUID(),
    status: 'running',
    total,
    processed: 0,
    created: 0,
    updated: 0,
    invited: 0,
    error: null,
  };
  const entry: JobEntry = {
    job,
    organisationId: owner.organisationId,
    startedBy: owner.personId,
    finishedAt: null,
  };
  jobs.set(job.id, entry);
  const snapshot = { ...job };
  setImmediate(() => {
    work(job)
      .then(() => {
        job.status = 'done';
      })
      .catch((error: unknown) => {
        job.status = 'failed';
        job.error = translate(owner.locale, 'errors.IMPORT_FAILED');
        ctx.logger.error({ err: error, jobId: job.id }, 'import failed');
      })
      .finally(() => {
        entry.finishedAt = ctx.clock.now().getTime();
      });
  });
  return snapshot;
}

export function getImportJob(actor: Actor, jobId: string): ImportJob {
  const entry = jobs.get(jobId);
  if (!entry || !canViewImportJob(actor, entry)) throw new AppError('NOT_FOUND');
  return { ...entry.job };
}

/** Refuses what cannot be a CSV import before reading it: too large (413) or not a CSV file (415). */
export function assertCsvUpload(file: { filename: string; content: string }): void {
  const problem = csvUploadProblem(file);
  if (!problem) return;
  throw new AppError(problem.code === 'import_too_large' ? 'PAYLOAD_TOO_LARGE' : 'UNSUPPORTED_MEDIA_TYPE', {
    params: { messageKey: problem.code, ...problem.params },
  });
}
