import { Button, Group, Skeleton, Switch, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobFunction } from '../../../shared/contracts/organisation.js';
import { useFunctions } from '../../api/hooks.js';
import { ActiveBadge } from '../../components/badges.js';
import { EntityDrawer } from '../../components/entity-drawer.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { ResponsiveTable } from '../../components/table-scroll.js';
import { FunctionForm } from './function-form.js';

type Editing = { mode: 'create' } | { mode: 'edit'; jobFunction: JobFunction } | null;

export function FunctionsPage() {
  const { t } = useTranslation();
  const functions = useFunctions();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const visible = (functions.data?.items ?? [])
    .filter((f) => showInactive || f.active)
    .sort((a, b) => a.name.localeCompare(b.name));

  return (
    <>
      <PageHeader
        title={t('functions.title')}
        description={t('functions.intro')}
        actions={<Button onClick={() => setEditing({ mode: 'create' })}>{t('functions.add')}</Button>}
      />
      <Group mb="md">
        <Switch
          label={t('common.showInactive')}
          checked={showInactive}
          onChange={(e) => setShowInactive(e.currentTarget.checked)}
        />
      </Group>
      {functions.isPending && <Skeleton height={200} />}
      {functions.isError && <QueryError error={functions.error} onRetry={() => void functions.refetch()} />}
      {functions.isSuccess && visible.length === 0 && <Text>{t('functions.empty')}</Text>}
      {visible.length > 0 && (
        <ResponsiveTable label={t('functions.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('common.fields.name')}</Table.Th>
              <Table.Th scope="col">{t('functions.fields.competencies')}</Table.Th>
              <Table.Th scope="col">{t('functions.fields.people')}</Table.Th>
              <Table.Th scope="col">{t('common.fields.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.map((jobFunction) => (
              <Table.Tr key={jobFunction.id}>
                <Table.Td>
                  <UnstyledButton
                    onClick={() => setEditing({ mode: 'edit', jobFunction })}
                    c="groeipad.8"
                    fw={600}
                    td="underline"
                    aria-label={t('functions.editNamed', { name: jobFunction.name })}
                  >
                    {jobFunction.name}
                  </UnstyledButton>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {jobFunction.competencies.length > 0
                      ? jobFunction.competencies.map((c) => c.name).join(', ')
                      : t('common.none')}
                  </Text>
                </Table.Td>
                <Table.Td>{jobFunction.peopleCount}</Table.Td>
                <Table.Td>
                  <ActiveBadge active={jobFunction.active} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ResponsiveTable>
      )}
      <EntityDrawer
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.mode === 'edit' ? t('functions.editTitle') : t('functions.createTitle')}
      >
        {editing && (
          <FunctionForm
            key={editing.mode === 'edit' ? editing.jobFunction.id : 'new'}
            jobFunction={editing.mode === 'edit' ? editing.jobFunction : null}
            onDone={() => setEditing(null)}
          />
        )}
      </EntityDrawer>
    </>
  );
}
