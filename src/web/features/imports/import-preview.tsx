import { Alert, Badge, Group, List, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../shared/contracts/organisation.js';
import { ResponsiveTable } from '../../components/table-scroll.js';
import { useFieldLabel, useImportValue } from './field-label.js';

type Action = ImportPreview['rows'][number]['action'];
type Filter = Action | 'all';

const actionColor: Record<Action, string> = {
  create: 'green',
  update: 'blue',
  unchanged: 'gray',
  error: 'red',
};

export function ActionBadge({ action }: { action: Action }) {
  const { t } = useTranslation();
  return (
    <Badge color={actionColor[action]} variant="light" size="sm">
      {t(`imports.actions.${action}`)}
    </Badge>
  );
}

/** The preview of a CSV import: counts, file errors, how columns were read, and every row with its outcome. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  const shownValue = useImportValue();
  const [filter, setFilter] = useState<Filter>(preview.counts.error > 0 ? 'error' : 'all');
  const rows = preview.rows.filter((row) => filter === 'all' || row.action === filter);
  const filters: Filter[] = ['all', 'create', 'update', 'unchanged', 'error'];
  const countOf = (f: Filter) => (f === 'all' ? preview.rows.length : preview.counts[f]);
  const empty = t('imports.emptyValue');

  return (
    <Stack gap="md">
      <Group gap="xs" role="status" aria-live="polite">
        <Badge color="green" variant="light" size="lg">
          {t('imports.counts.create', { count: preview.counts.create })}
        </Badge>
        <Badge color="blue" variant="light" size="lg">
          {t('imports.counts.update', { count: preview.counts.update })}
        </Badge>
        <Badge color="gray" variant="light" size="lg">
          {t('imports.counts.unchanged', { count: preview.counts.unchanged })}
        </Badge>
        <Badge color="red" variant="light" size="lg">
          {t('imports.counts.error', { count: preview.counts.error })}
        </Badge>
      </Group>

      {preview.fileErrors.length > 0 && (
        <Alert color="red" title={t('imports.fileErrors')} role="alert">
          <List size="sm">
            {preview.fileErrors.map((e) => (
              <List.Item key={`${e.code}-${e.message}`}>{e.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}

      {preview.columns.length > 0 && (
        <section aria-labelledby="columns-heading">
          <Title order={3} fz="h5" id="columns-heading" mb={4}>
            {t('imports.columns')}
          </Title>
          <Group gap="xs">
            {preview.columns.map((column) => (
              <Badge
                key={column.header}
                variant="outline"
                color={column.field ? 'groeipad' : 'gray'}
                tt="none"
                size="md"
              >
                {column.field
                  ? t('imports.columnMapped', { header: column.header, field: fieldLabel(column.field) })
                  : t('imports.columnIgnored', { header: column.header })}
              </Badge>
            ))}
          </Group>
        </section>
      )}

      {preview.rows.length > 0 && (
        <section aria-labelledby="rows-heading">
          <Group justify="space-between" align="flex-end" mb="xs">
            <Title order={3} fz="h5" id="rows-heading">
              {t('imports.rows')}
            </Title>
            <SegmentedControl
              size="xs"
              value={filter}
              onChange={(value) => setFilter(value as Filter)}
              aria-label={t('imports.filterLabel')}
              data={filters.map((f) => ({
                value: f,
                label: t('imports.filter', { label: t(`imports.filters.${f}`), count: countOf(f) }),
              }))}
            />
          </Group>
          <ResponsiveTable label={t('imports.rowsTable')} minWidth={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('imports.line')}</Table.Th>
                <Table.Th scope="col">{t('imports.row')}</Table.Th>
                <Table.Th scope="col">{t('imports.action')}</Table.Th>
                <Table.Th scope="col">{t('imports.details')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.line}>
                  <Table.Td>{row.line}</Table.Td>
                  <Table.Td>{row.label}</Table.Td>
                  <Table.Td>
                    <ActionBadge action={row.action} />
                  </Table.Td>
                  <Table.Td>
                    {row.errors.length > 0 && (
                      <List size="sm" c="red.9">
                        {row.errors.map((e) => (
                          <List.Item key={`${e.field}-${e.code}`}>
                            {t('imports.errorLine', { field: fieldLabel(e.field), message: e.message })}
                          </List.Item>
                        ))}
                      </List>
                    )}
                    {row.changes.length > 0 && (
                      <List size="sm">
                        {row.changes.map((c) => (
                          <List.Item key={c.field}>
                            {t('imports.change', {
                              field: fieldLabel(c.field),
                              from: c.from === null ? empty : shownValue(c.field, c.from),
                              to: c.to === null ? empty : shownValue(c.field, c.to),
                            })}
                          </List.Item>
                        ))}
                      </List>
                    )}
                    {row.errors.length === 0 && row.changes.length === 0 && (
                      <Text size="sm" c="dimmed">
                        {t('common.none')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ResponsiveTable>
        </section>
      )}
    </Stack>
  );
}
