import { searchKey } from '../../../shared/text.js';
import {
  type ColumnSpec,
  type CsvRecord,
  hasControlCharacters,
  type ImportChange,
  type ImportIssue,
  type ImportPlan,
  mapColumns,
  type PlannedRow,
  type RowIssue,
  settleAction,
  shown,
  splitIndicators,
} from '../imports/index.js';

export type CompetencyField = 'name' | 'description' | 'indicators';

export const competencyColumns: readonly ColumnSpec<CompetencyField>[] = [
  {
    field: 'name',
    aliases: ['naam', 'name', 'competentie', 'competency'],
    required: true,
    label: { 'nl-BE': 'naam', en: 'name' },
  },
  {
    field: 'description',
    aliases: ['omschrijving', 'beschrijving', 'description'],
    label: { 'nl-BE': 'omschrijving', en: 'description' },
  },
  {
    field: 'indicators',
    aliases: ['gedragsindicatoren', 'indicatoren', 'indicators', 'gedragsindicator'],
    label: { 'nl-BE': 'gedragsindicatoren', en: 'indicators' },
  },
];

export interface ExistingCompetency {
  id: string;
  name: string;
  nameKey: string;
  description: string | null;
  indicators: string[];
  version: number;
}

export type CompetencyWrite =
  | { kind: 'create'; name: string; description: string | null; indicators: string[] }
  | { kind: 'update'; id: string; version: number; description?: string; indicators?: string[] };

export interface PlannedCompetencyRow extends PlannedRow {
  write?: CompetencyWrite;
}

const LIMITS = { name: 120, description: 4000, indicator: 500, indicators: 30 };
const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * What importing a competency file would do: a known name (case- and accent-insensitive) updates the description
 * and indicators it carries, a new name creates a competency. Empty cells leave existing values alone.
 */
export function planCompetencyImport(
  table: { headers: string[]; records: CsvRecord[]; fileErrors: ImportIssue[] },
  existing: readonly ExistingCompetency[],
  locale: 'nl-BE' | 'en',
): ImportPlan<PlannedCompetencyRow> {
  const map = mapColumns(table.headers, competencyColumns);
  const fileErrors = [
    ...table.fileErrors,
    ...(table.fileErrors.length === 0
      ? map.missing.map((m) => ({ code: 'csv_missing_column', params: { column: m.label[locale] } }))
      : []),
  ];
  if (fileErrors.length > 0) return { columns: map.columns, rows: [], fileErrors };
  const byKey = new Map(existing.map((c) => [c.nameKey, c]));
  const firstLine = new Map<string, number>();
  const rows = table.records.map((record): PlannedCompetencyRow => {
    const errors: RowIssue[] = [];
    const name = map.cell(record, 'name') ?? '';
    const description = map.cell(record, 'description') ?? '';
    const indicators = splitIndicators(map.cell(record, 'indicators') ?? '');
    if (name === '') errors.push({ field: 'name', code: 'required' });
    else if (name.length > LIMITS.name)
      errors.push({ field: 'name', code: 'too_long', params: { max: LIMITS.name } });
    else if (hasControlCharacters(name)) errors.push({ field: 'name', code: 'invalid_format' });
    if (description.length > LIMITS.description)
      errors.push({ field: 'description', code: 'too_long', params: { max: LIMITS.description } });
    else if (hasControlCharacters(description, { multiLine: true }))
      errors.push({ field: 'description', code: 'invalid_format' });
    if (indicators.some((i) => hasControlCharacters(i)))
      errors.push({ field: 'indicators', code: 'invalid_format' });
    if (indicators.length > LIMITS.indicators)
      errors.push({ field: 'indicators', code: 'too_big', params: { max: LIMITS.indicators } });
    if (indicators.some((i) => i.length > LIMITS.indicator))
      errors.push({ field: 'indicators', code: 'too_long', params: { max: LIMITS.indicator } });
    const key = searchKey(name);
    if (name !== '') {
      const earlier = firstLine.get(key);
      if (earlier !== undefined)
        errors.push({ field: 'name', code: 'duplicate_in_file', params: { line: earlier } });
      else firstLine.set(key, record.line);
    }
    const base = { line: record.line, label: name || `#${record.line}`, errors };
    if (errors.length > 0) return settleAction({ ...base, action: 'error', changes: [] });
    const current = byKey.get(key);
    if (!current) {
      const changes: ImportChange[] = [
        { field: 'name', from: null, to: name },
        ...(description ? [{ field: 'description', from: null, to: description }] : []),
        ...(indicators.length ? [{ field: 'indicators', from: null, to: indicators.join(' | ') }] : []),
      ];
      return {
        ...base,
        action: 'create',
        changes,
        write: { kind: 'create', name, description: description || null, indicators },
      };
    }
    const changes: ImportChange[] = [];
    const write: CompetencyWrite = { kind: 'update', id: current.id, version: current.version };
    if (description !== '' && description !== current.description) {
      changes.push({ field: 'description', from: shown(current.description), to: description });
      write.description = description;
    }
    if (indicators.length > 0 && !sameList(indicators, current.indicators)) {
      changes.push({
        field: 'indicators',
        from: shown(current.indicators.join(' | ')),
        to: indicators.join(' | '),
      });
      write.indicators = indicators;
    }
    return changes.length > 0
      ? { ...base, label: current.name, action: 'update', changes, write }
      : { ...base, label: current.name, action: 'unchanged', changes };
  });
  return { columns: map.columns, rows, fileErrors };
}
