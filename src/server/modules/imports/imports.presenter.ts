import type { ImportPreview } from '../../../shared/contracts/organisation.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import { translate } from '../../../shared/i18n/translate.js';
import { countActions, type ImportPlan } from './import-plan.domain.js';

export function presentImportPreview(plan: ImportPlan, locale: Locale): ImportPreview {
  const message = (code: string, params?: Record<string, string | number>) =>
    translate(locale, `validation.${code}`, params);
  return {
    columns: plan.columns,
    rows: plan.rows.map((row) => ({
      line: row.line,
      action: row.action,
      label: row.label,
      changes: row.changes,
      errors: row.errors.map((e) => ({ field: e.field, code: e.code, message: message(e.code, e.params) })),
    })),
    counts: countActions(plan.rows),
    fileErrors: plan.fileErrors.map((e) => ({ code: e.code, message: message(e.code, e.params) })),
  };
}
