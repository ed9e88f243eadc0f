import { Button, Group, Skeleton, Switch, Table, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../shared/contracts/organisation.js';
import { useTeams } from '../../api/hooks.js';
import { ActiveBadge } from '../../components/badges.js';
import { EntityDrawer } from '../../components/entity-drawer.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { ResponsiveTable } from '../../components/table-scroll.js';
import { TeamForm } from './team-form.js';

/** Top-level teams by name, each followed by its sub-teams. */
function ordered(teams: Team[]): Array<{ team: Team; depth: number }> {
  const byName = (a: Team, b: Team) => a.name.localeCompare(b.name);
  const ids = new Set(teams.map((t) => t.id));
  const roots = teams.filter((t) => !t.parentId || !ids.has(t.parentId)).sort(byName);
  return roots.flatMap((root) => [
    { team: root, depth: 0 },
    ...teams
      .filter((t) => t.parentId === root.id)
      .sort(byName)
      .map((team) => ({ team, depth: 1 })),
  ]);
}

type Editing = { mode: 'create' } | { mode: 'edit'; team: Team } | null;

export function TeamsPage() {
  const { t } = useTranslation();
  const teams = useTeams();
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const items = teams.data?.items ?? [];
  const visible = ordered(items.filter((team) => showInactive || team.active));
  const nameOf = (id: string | null) => items.find((team) => team.id === id)?.name ?? t('common.none');

  return (
    <>
      <PageHeader
        title={t('teams.title')}
        description={t('teams.intro')}
        actions={<Button onClick={() => setEditing({ mode: 'create' })}>{t('teams.add')}</Button>}
      />
      <Group mb="md">
        <Switch
          label={t('common.showInactive')}
          checked={showInactive}
          onChange={(e) => setShowInactive(e.currentTarget.checked)}
        />
      </Group>
      {teams.isPending && <Skeleton height={200} />}
      {teams.isError && <QueryError error={teams.error} onRetry={() => void teams.refetch()} />}
      {teams.isSuccess && visible.length === 0 && <Text>{t('teams.empty')}</Text>}
      {visible.length > 0 && (
        <ResponsiveTable label={t('teams.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('common.fields.name')}</Table.Th>
              <Table.Th scope="col">{t('teams.fields.parent')}</Table.Th>
              <Table.Th scope="col">{t('common.fields.manager')}</Table.Th>
              <Table.Th scope="col">{t('teams.fields.members')}</Table.Th>
              <Table.Th scope="col">{t('common.fields.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.map(({ team, depth }) => (
              <Table.Tr key={team.id}>
                <Table.Td style={{ paddingInlineStart: depth ? '2rem' : undefined }}>
                  <UnstyledButton
                    onClick={() => setEditing({ mode: 'edit', team })}
                    c="groeipad.8"
                    fw={600}
                    td="underline"
                    aria-label={t('teams.editNamed', { name: team.name })}
                  >
                    {team.name}
                  </UnstyledButton>
                  {team.description && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {team.description}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{team.parentId ? nameOf(team.parentId) : t('common.none')}</Table.Td>
                <Table.Td>{team.managerName ?? t('common.none')}</Table.Td>
                <Table.Td>{team.memberCount}</Table.Td>
                <Table.Td>
                  <ActiveBadge active={team.active} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ResponsiveTable>
      )}
      <EntityDrawer
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.mode === 'edit' ? t('teams.editTitle') : t('teams.createTitle')}
      >
        {editing && (
          <TeamForm
            key={editing.mode === 'edit' ? editing.team.id : 'new'}
            team={editing.mode === 'edit' ? editing.team : null}
            onDone={() => setEditing(null)}
          />
        )}
      </EntityDrawer>
    </>
  );
}
