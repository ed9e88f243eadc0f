import { z } from 'zod';
import { phases } from '../pop/phases.js';
import { id } from './common.js';

/**
 * Downloads of plans, goals and actions as CSV or XLSX, with the filters of the screen they are started from: the
 * HR overview of POP cycles (phase, team, year, search) or the team view (team; `as=manager` for everyone the
 * caller leads). HR without permission to read plan content gets no content columns at all.
 */
export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const planExportKinds = ['plans', 'goals', 'actions'] as const;
export type PlanExportKind = (typeof planExportKinds)[number];

export const planExportQuery = z.strictObject({
  format: z.enum(exportFormats).default('csv'),
  phase: z.enum(phases).optional(),
  teamId: id.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Words that must all occur in the employee's name or email address. */
  q: z
    .string()
    .trim()
    .max(100)
    .regex(/^[^\p{Cc}]*$/u)
    .optional(),
  /** Only the plans where the caller is the leidinggevende (the team view of someone who is also HR). */
  as: z.enum(['manager']).optional(),
});
export type PlanExportQuery = z.infer<typeof planExportQuery>;
