export {
  type ColumnSpec,
  type CsvRecord,
  type ImportIssue,
  looseKey,
  mapColumns,
  readCsv,
} from './csv.domain.js';
export { assertCsvUpload, type ImportWork, startImportJob } from './import-jobs.service.js';
export {
  hasImportErrors,
  type ImportChange,
  type ImportPlan,
  importFieldErrors,
  type PlannedRow,
  type RowIssue,
  settleAction,
  shown,
} from './import-plan.domain.js';
export {
  hasControlCharacters,
  parseCountry,
  parseFte,
  parseImportDate,
  parseLanguage,
  parseRoles,
  splitIndicators,
} from './import-values.domain.js';
export { presentImportPreview } from './imports.presenter.js';
export { importsRoutes } from './imports.routes.js';
