import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ImportJob, ImportPreview } from '../../../shared/contracts/organisation.js';
import { AppError } from '../../../shared/errors.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import { type Actor, canManageStructure } from '../../../shared/policies.js';
import { searchKey } from '../../../shared/text.js';
import type { AppContext } from '../../context.js';
import { guardedUpdate } from '../../db/guarded-update.js';
import type { Database } from '../../db/schema.js';
import {
  assertCsvUpload,
  hasImportErrors,
  type ImportPlan,
  importFieldErrors,
  presentImportPreview,
  readCsv,
  startImportJob,
} from '../imports/index.js';
import { parseIndicators } from './competencies.presenter.js';
import * as repo from './competencies.repository.js';
import { type PlannedCompetencyRow, planCompetencyImport } from './competencies-import.domain.js';

type Db = Kysely<Database>;
const CHUNK = 200;

async function plan(
  db: Db,
  actor: Actor,
  file: { filename: string; content: string },
  locale: Locale,
): Promise<ImportPlan<PlannedCompetencyRow>> {
  assertCsvUpload(file);
  const existing = (await repo.listCompetencies(db, actor.organisationId)).map((row) => ({
    id: row.id,
    name: row.name,
    nameKey: row.name_key,
    description: row.description,
    indicators: parseIndicators(row.indicators),
    version: Number(row.version),
  }));
  return planCompetencyImport(readCsv(file.content), existing, locale);
}

export async function previewCompetencyImport(
  ctx: AppContext,
  actor: Actor,
  file: { filename: string; content: string },
  locale: Locale,
): Promise<ImportPreview> {
  if (!canManageStructure(actor)) throw new AppError('FORBIDDEN');
  return presentImportPreview(await plan(ctx.database.db, actor, file, locale), locale);
}

/** Checks the file, then writes every row in one transaction in the background; nothing is written on failure. */
export async function startCompetencyImport(
  ctx: AppContext,
  actor: Actor,
  file: { filename: string; content: string },
  locale: Locale,
): Promise<ImportJob> {
  if (!canManageStructure(actor)) throw new AppError('FORBIDDEN');
  const checked = await plan(ctx.database.db, actor, file, locale);
  if (hasImportErrors(checked))
    throw new AppError('VALIDATION_FAILED', { fields: importFieldErrors(checked) });
  const total = checked.rows.filter((r) => r.write).length;
  return startImportJob(ctx, { ...actor, locale }, total, async (job) => {
    await ctx.database.db.transaction().execute(async (trx) => {
      // Planned again inside the transaction: the library may have changed since the check above.
      const current = await plan(trx, actor, file, locale);
      if (hasImportErrors(current))
        throw new AppError('VALIDATION_FAILED', { fields: importFieldErrors(current) });
      const writes = current.rows.flatMap((r) => (r.write ? [r.write] : []));
      job.total = writes.length;
      for (let start = 0; start < writes.length; start += CHUNK) {
        const now = ctx.clock.now();
        for (const write of writes.slice(start, start + CHUNK)) {
          if (write.kind === 'create') {
            await repo.insertCompetency(trx, {
              id: randomUUID(),
              organisationId: actor.organisationId,
              name: write.name,
              nameKey: searchKey(write.name),
              description: write.description,
              indicators: write.indicators,
              now: now.toISOString(),
            });
            job.created++;
          } else {
            await guardedUpdate(
              trx,
              'competencies',
              { id: write.id, organisationId: actor.organisationId, version: write.version },
              {
                ...(write.description !== undefined ? { description: write.description } : {}),
                ...(write.indicators !== undefined ? { indicators: JSON.stringify(write.indicators) } : {}),
              },
              now,
            );
            job.updated++;
          }
          job.processed++;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
  });
}
