import { Alert, Skeleton, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fullName } from '../../../shared/text.js';
import { usePeople, useTeams } from '../../api/hooks.js';
import { useMe } from '../../app/session.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { ResponsiveTable } from '../../components/table-scroll.js';
import { formatDate } from '../../i18n/format.js';

export function MyTeamPage() {
  const { t } = useTranslation();
  const me = useMe();
  const people = usePeople({ status: 'active', limit: 500 });
  const teams = useTeams();
  // HR and beheerders see everyone through the same endpoints: keep only the people this person leads.
  const ledTeams = new Set(
    (teams.data?.items ?? []).filter((team) => team.managerId === me.person.id).map((team) => team.id),
  );
  const members = (people.data?.items ?? []).filter(
    (p) =>
      p.id !== me.person.id &&
      (p.managerId === me.person.id || (p.teamId !== null && ledTeams.has(p.teamId))),
  );
  return (
    <>
      <PageHeader title={t('team.title')} description={t('team.intro')} />
      {people.isPending && <Skeleton height={160} />}
      {people.isError && <QueryError error={people.error} onRetry={() => void people.refetch()} />}
      {people.isSuccess && members.length === 0 && (
        <Alert color="gray" title={t('team.empty.title')}>
          {t('team.empty.body')}
        </Alert>
      )}
      {members.length > 0 && (
        <ResponsiveTable label={t('team.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('common.fields.name')}</Table.Th>
              <Table.Th scope="col">{t('common.fields.function')}</Table.Th>
              <Table.Th scope="col">{t('common.fields.team')}</Table.Th>
              <Table.Th scope="col">{t('common.fields.startDate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((person) => (
              <Table.Tr key={person.id}>
                <Table.Th scope="row" fw={600}>
                  {fullName(person)}
                  <Text size="xs" c="dimmed" fw={400}>
                    {person.email}
                  </Text>
                </Table.Th>
                <Table.Td>{person.functionName ?? '—'}</Table.Td>
                <Table.Td>{person.teamName ?? '—'}</Table.Td>
                <Table.Td>{person.startDate ? formatDate(person.startDate) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ResponsiveTable>
      )}
    </>
  );
}
