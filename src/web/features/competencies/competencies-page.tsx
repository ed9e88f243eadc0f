import { Button, Group, Skeleton, Switch, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Competency } from '../../../shared/contracts/organisation.js';
import { useCompetencies } from '../../api/hooks.js';
import { ActiveBadge } from '../../components/badges.js';
import { EntityDrawer } from '../../components/entity-drawer.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { ResponsiveTable } from '../../components/table-scroll.js';
import { CompetencyForm } from './competency-form.js';
import { CompetencyImport } from './competency-import.js';

type Panel = { mode: 'create' } | { mode: 'edit'; competency: Competency } | { mode: 'import' } | null;

export function CompetenciesPage() {
  const { t } = useTranslation();
  const competencies = useCompetencies();
  const [showInactive, setShowInactive] = useState(false);
  const [panel, setPanel] = useState<Panel>(null);
  const visible = (competencies.data?.items ?? [])
    .filter((c) => showInactive || c.active)
    .sort((a, b) => a.name.localeCompare(b.name));
  const title =
    panel?.mode === 'edit'
      ? t('competencies.editTitle')
      : panel?.mode === 'import'
        ? t('competencies.import.title')
        : t('competencies.createTitle');

  return (
    <>
      <PageHeader
        title={t('competencies.title')}
        description={t('competencies.intro')}
        actions={
          <>
            <Button variant="default" onClick={() => setPanel({ mode: 'import' })}>
              {t('competencies.import.action')}
            </Button>
            <Button onClick={() => setPanel({ mode: 'create' })}>{t('competencies.add')}</Button>
          </>
        }
      />
      <Group mb="md">
        <Switch
          label={t('common.showInactive')}
          checked={showInactive}
          onChange={(e) => setShowInactive(e.currentTarget.checked)}
        />
      </Group>
      {competencies.isPending && <Skeleton height={200} />}
      {competencies.isError && (
        <QueryError error={competencies.error} onRetry={() => void competencies.refetch()} />
      )}
      {competencies.isSuccess && visible.length === 0 && <Text>{t('competencies.empty')}</Text>}
      {visible.length > 0 && (
        <ResponsiveTable label={t('competencies.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('common.fields.name')}</Table.Th>
              <Table.Th scope="col">{t('common.fields.description')}</Table.Th>
              <Table.Th scope="col">{t('competencies.fields.indicatorCount')}</Table.Th>
              <Table.Th scope="col">{t('common.fields.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.map((competency) => (
              <Table.Tr key={competency.id}>
                <Table.Td>
                  <UnstyledButton
                    onClick={() => setPanel({ mode: 'edit', competency })}
                    c="groeipad.8"
                    fw={600}
                    td="underline"
                    aria-label={t('competencies.editNamed', { name: competency.name })}
                  >
                    {competency.name}
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {competency.description ?? t('common.none')}
                  </Text>
                </Table.Td>
                <Table.Td>{competency.indicators.length}</Table.Td>
                <Table.Td>
                  <ActiveBadge active={competency.active} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ResponsiveTable>
      )}
      <EntityDrawer opened={panel !== null} onClose={() => setPanel(null)} title={title}>
        {panel?.mode === 'import' && <CompetencyImport onDone={() => setPanel(null)} />}
        {(panel?.mode === 'create' || panel?.mode === 'edit') && (
          <CompetencyForm
            key={panel.mode === 'edit' ? panel.competency.id : 'new'}
            competency={panel.mode === 'edit' ? panel.competency : null}
            onDone={() => setPanel(null)}
          />
        )}
      </EntityDrawer>
    </>
  );
}
