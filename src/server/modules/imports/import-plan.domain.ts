import type { FieldError } from '../../../shared/errors.js';
import type { ImportIssue } from './csv.domain.js';

export type ImportAction = 'create' | 'update' | 'unchanged' | 'error';

export interface ImportChange {
  field: string;
  from: string | null;
  to: string | null;
}

export interface RowIssue extends ImportIssue {
  field: string;
}

/** One line of the file as the preview shows it and the import carries it out. */
export interface PlannedRow {
  line: number;
  action: ImportAction;
  label: string;
  changes: ImportChange[];
  errors: RowIssue[];
}

export interface ImportPlan<R extends PlannedRow = PlannedRow> {
  columns: { header: string; field: string | null }[];
  rows: R[];
  fileErrors: ImportIssue[];
}

export const hasImportErrors = (plan: ImportPlan): boolean =>
  plan.fileErrors.length > 0 || plan.rows.some((r) => r.errors.length > 0);

export function countActions(rows: readonly PlannedRow[]): Record<ImportAction, number> {
  const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const row of rows) counts[row.action]++;
  return counts;
}

/** The errors of a plan as field errors of one 422 answer: `file` or `rows.<line>.<field>`. */
export function importFieldErrors(plan: ImportPlan): FieldError[] {
  return [
    ...plan.fileErrors.map((e) => ({
      path: 'file',
      code: e.code,
      ...(e.params ? { params: e.params } : {}),
    })),
    ...plan.rows.flatMap((row) =>
      row.errors.map((e) => ({
        path: `rows.${row.line}.${e.field}`,
        code: e.code,
        ...(e.params ? { params: e.params } : {}),
      })),
    ),
  ];
}

/** Rows with an error get the error action; the rest keep what the planner decided. */
export function settleAction<R extends PlannedRow>(row: R): R {
  return row.errors.length > 0 ? { ...row, action: 'error' } : row;
}

/** Values as the preview shows them in its from/to columns. */
export const shown = (value: string | number | null | undefined): string | null =>
  value === null || value === undefined || value === '' ? null : String(value);
