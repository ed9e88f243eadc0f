import {
  Anchor,
  Box,
  Button,
  Group,
  Pagination,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { PersonStatus } from '../../../shared/roles.js';
import { fullName } from '../../../shared/text.js';
import { usePeople, useTeams } from '../../api/hooks.js';
import { RoleBadges, StatusBadge } from '../../components/badges.js';
import { activeOptions } from '../../components/options.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { ResponsiveTable } from '../../components/table-scroll.js';

const pageSize = 25;
type StatusFilter = PersonStatus | 'all';
const statusFilters: StatusFilter[] = ['active', 'disabled', 'all'];
const isStatusFilter = (value: string | null): value is StatusFilter =>
  value !== null && (statusFilters as string[]).includes(value);

export function PeoplePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const teamId = params.get('team') ?? undefined;
  const rawStatus = params.get('status');
  const status: StatusFilter = isStatusFilter(rawStatus) ? rawStatus : 'active';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const teams = useTeams();

  const update = (changes: Record<string, string | null>) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  };

  const q = params.get('q') ?? '';
  useEffect(() => {
    if (debouncedSearch !== q) {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (debouncedSearch) next.set('q', debouncedSearch);
          else next.delete('q');
          next.delete('page');
          return next;
        },
        { replace: true },
      );
    }
  }, [debouncedSearch, q, setParams]);

  const people = usePeople({
    q: q || undefined,
    teamId,
    status,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const total = people.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));

  return (
    <>
      <PageHeader
        title={t('people.title')}
        description={t('people.intro')}
        actions={
          <>
            <Button component={Link} to="/import" variant="default">
              {t('people.importAction')}
            </Button>
            <Button component={Link} to="/people/new">
              {t('people.addAction')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        <Group align="flex-end" gap="sm" role="search" aria-label={t('people.filters')}>
          <TextInput
            label={t('people.search')}
            placeholder={t('people.searchPlaceholder')}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: '2 1 16rem' }}
          />
          <Select
            label={t('common.fields.team')}
            placeholder={t('people.allTeams')}
            data={activeOptions(teams.data?.items)}
            value={teamId ?? null}
            onChange={(value) => update({ team: value, page: null })}
            clearable
            searchable
            clearButtonProps={{ 'aria-label': t('people.clearTeam') }}
            style={{ flex: '1 1 12rem' }}
          />
          <Select
            label={t('common.fields.status')}
            data={statusFilters.map((s) => ({ value: s, label: t(`people.statusFilter.${s}`) }))}
            value={status}
            onChange={(value) => update({ status: value === 'active' ? null : value, page: null })}
            allowDeselect={false}
            style={{ flex: '1 1 10rem' }}
          />
        </Group>

        {people.isPending && <Skeleton height={240} />}
        {people.isError && <QueryError error={people.error} onRetry={() => void people.refetch()} />}
        {people.isSuccess && (
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {t('people.count', { count: total })}
          </Text>
        )}
        {people.isSuccess && people.data.items.length === 0 && (
          <Text>{q || teamId || status !== 'active' ? t('people.noMatches') : t('people.empty')}</Text>
        )}
        {people.data && people.data.items.length > 0 && (
          <ResponsiveTable label={t('people.tableLabel')} minWidth={860}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('common.fields.name')}</Table.Th>
                <Table.Th scope="col">{t('common.fields.function')}</Table.Th>
                <Table.Th scope="col">{t('common.fields.team')}</Table.Th>
                <Table.Th scope="col">{t('common.fields.manager')}</Table.Th>
                <Table.Th scope="col">{t('common.fields.roles')}</Table.Th>
                <Table.Th scope="col">{t('common.fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.data.items.map((person) => (
                <Table.Tr key={person.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/people/${person.id}`} fw={600}>
                      {fullName(person)}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {person.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>{person.functionName ?? t('common.none')}</Table.Td>
                  <Table.Td>{person.teamName ?? t('common.none')}</Table.Td>
                  <Table.Td>{person.managerName ?? t('common.none')}</Table.Td>
                  <Table.Td>
                    <RoleBadges roles={person.roles} />
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={person.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ResponsiveTable>
        )}
        {pages > 1 && (
          <Box component="nav" aria-label={t('common.pagination.label')}>
            <Pagination
              total={pages}
              value={Math.min(page, pages)}
              onChange={(p) => update({ page: p === 1 ? null : String(p) })}
              getItemProps={(p) => ({ 'aria-label': t('common.pagination.page', { page: p }) })}
              getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
            />
          </Box>
        )}
      </Stack>
    </>
  );
}
