import {
  Alert,
  Box,
  Button,
  Group,
  List,
  Pagination,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SendStatementsResult, TrainingBalance } from '../../../shared/contracts/training-right.js';
import { useTeams } from '../../api/hooks.js';
import { AppModal } from '../../components/app-modal.js';
import { errorWithFields } from '../../components/error-message.js';
import { activeOptions } from '../../components/options.js';
import { QueryError } from '../../components/query-error.js';
import { ResponsiveTable } from '../../components/table-scroll.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { trainingRightApi, trainingRightKeys, useBalances } from './training-right-api.js';

const pageSize = 25;

function RemainingCell({
  balance,
  year,
  carryOver,
}: {
  balance: TrainingBalance;
  year: number;
  carryOver: boolean;
}) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <Stack gap={2}>
      <Text size="sm" fw={700}>
        {n(Math.max(0, balance.remaining))}
      </Text>
      {balance.remaining < 0 && (
        <Text size="xs" c="dimmed">
          {t('trainingRight.balances.extra', { days: n(-balance.remaining) })}
        </Text>
      )}
      {carryOver && balance.remaining > 0 && balance.lapsingAtYearEnd > 0 && (
        <Text size="xs" c="dimmed">
          {t('trainingRight.balances.lapsing', { days: n(balance.lapsingAtYearEnd), year })}
        </Text>
      )}
    </Stack>
  );
}

function SendStatements({ year }: { year: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, modal] = useDisclosure(false);
  const [result, setResult] = useState<SendStatementsResult | null>(null);
  const send = useMutation({
    mutationFn: () => trainingRightApi.sendStatements(year),
    onSuccess: (answer) => {
      setResult(answer);
      modal.close();
      void queryClient.invalidateQueries({ queryKey: trainingRightKeys.all });
    },
  });
  return (
    <>
      <Button
        variant="default"
        onClick={() => {
          send.reset();
          modal.open();
        }}
      >
        {t('trainingRight.statements.action')}
      </Button>
      {result && result.year === year && (
        <Alert
          color="green"
          title={t('trainingRight.statements.resultTitle', { year })}
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setResult(null)}
          w="100%"
        >
          {[
            t('trainingRight.statements.sent', { count: result.sent }),
            result.alreadySent > 0
              ? t('trainingRight.statements.alreadySent', { count: result.alreadySent })
              : '',
            result.notEmployed > 0
              ? t('trainingRight.statements.notEmployed', { count: result.notEmployed, year })
              : '',
          ]
            .filter(Boolean)
            .join(' ')}
        </Alert>
      )}
      <AppModal opened={opened} onClose={modal.close} title={t('trainingRight.statements.title', { year })}>
        <Stack gap="sm">
          <Text size="sm">{t('trainingRight.statements.body', { year })}</Text>
          {send.isError && (
            <Alert color="red" role="alert">
              {errorWithFields(send.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={modal.close}>
              {t('common.cancel')}
            </Button>
            <Button loading={send.isPending} onClick={() => send.mutate()}>
              {t('trainingRight.statements.confirm')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </>
  );
}

/** Every person's training days in a year: numbers only, never what the trainings are about. */
export function BalancesSection({ year, canSendStatements }: { year: number; canSendStatements: boolean }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const teams = useTeams();
  const balances = useBalances({
    year,
    ...(debounced ? { q: debounced } : {}),
    ...(teamId ? { teamId } : {}),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const data = balances.data;
  const total = data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const filtered = Boolean(debounced || teamId);
  const carry = data?.carryOver ?? false;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={2} fz="h3">
          {t('trainingRight.balances.title', { year })}
        </Title>
        {canSendStatements && <SendStatements year={year} />}
      </Group>
      <Group align="flex-end" gap="sm" role="search" aria-label={t('trainingRight.balances.filters')}>
        <TextInput
          label={t('trainingRight.balances.search')}
          placeholder={t('trainingRight.balances.searchPlaceholder')}
          type="search"
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          style={{ flex: '2 1 16rem' }}
        />
        <Select
          label={t('common.fields.team')}
          placeholder={t('trainingRight.balances.allTeams')}
          data={activeOptions(teams.data?.items)}
          value={teamId}
          onChange={(value) => {
            setTeamId(value);
            setPage(1);
          }}
          clearable
          searchable
          clearButtonProps={{ 'aria-label': t('trainingRight.balances.clearTeam') }}
          style={{ flex: '1 1 12rem' }}
        />
      </Group>

      {balances.isPending && <Skeleton height={240} />}
      {balances.isError && <QueryError error={balances.error} onRetry={() => void balances.refetch()} />}
      {data && (
        <Text size="sm" c="dimmed" role="status" aria-live="polite">
          {t('trainingRight.balances.count', { count: total, year })}
          {total > 0 &&
            ` · ${t('trainingRight.balances.totals', {
              entitlement: n(data.totals.entitlement),
              followed: n(data.totals.followed),
              planned: n(data.totals.planned),
            })}`}
        </Text>
      )}
      {data && data.items.length === 0 && (
        <Text>
          {filtered
            ? t('trainingRight.balances.noMatches')
            : canSendStatements
              ? t('trainingRight.balances.empty', { year })
              : t('trainingRight.balances.emptyManaged', { year })}
        </Text>
      )}
      {data && data.items.length > 0 && (
        <ResponsiveTable label={t('trainingRight.balances.tableLabel')} minWidth={carry ? 960 : 860}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trainingRight.balances.columns.name')}</Table.Th>
              <Table.Th scope="col">{t('trainingRight.balances.columns.team')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('trainingRight.balances.columns.months')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('trainingRight.balances.columns.entitlement')}
              </Table.Th>
              {carry && (
                <Table.Th scope="col" ta="right">
                  {t('trainingRight.balances.columns.carriedOver')}
                </Table.Th>
              )}
              <Table.Th scope="col" ta="right">
                {t('trainingRight.balances.columns.followed')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('trainingRight.balances.columns.planned')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('trainingRight.balances.columns.remaining')}
              </Table.Th>
              <Table.Th scope="col">{t('trainingRight.balances.columns.statement')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((b) => (
              <Table.Tr key={b.personId}>
                <Table.Th scope="row" fw={600}>
                  <Text size="sm" fw={600}>
                    {b.name}
                  </Text>
                  <Text size="xs" c="dimmed" fw={400}>
                    {b.workRegime
                      ? t('trainingRight.balances.regimeWith', { regime: b.workRegime, fte: n(b.fte) })
                      : t('trainingRight.balances.regime', { fte: n(b.fte) })}
                  </Text>
                </Table.Th>
                <Table.Td>{b.teamName ?? t('common.none')}</Table.Td>
                <Table.Td ta="right">{b.months}</Table.Td>
                <Table.Td ta="right">{n(b.entitlement)}</Table.Td>
                {carry && <Table.Td ta="right">{n(b.carriedOver)}</Table.Td>}
                <Table.Td ta="right">
                  {n(b.followed)}
                  {b.withoutHours > 0 && (
                    <Text size="xs" c="orange.9">
                      {t('trainingRight.balances.withoutHours', { count: b.withoutHours })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{n(b.planned)}</Table.Td>
                <Table.Td ta="right">
                  <RemainingCell balance={b} year={year} carryOver={carry} />
                </Table.Td>
                <Table.Td>
                  {b.statementSentAt ? formatDate(b.statementSentAt) : t('trainingRight.balances.notSent')}
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
            onChange={setPage}
            getItemProps={(p) => ({ 'aria-label': t('common.pagination.page', { page: p }) })}
            getControlProps={(control) => ({ 'aria-label': t(`common.pagination.${control}`) })}
          />
        </Box>
      )}
      <List size="xs" c="dimmed" spacing={2}>
        <List.Item>{t('trainingRight.summary.hours', { hours: n(data?.hoursPerDay ?? 7.6) })}</List.Item>
        <List.Item>
          {carry ? t('trainingRight.summary.carryOn') : t('trainingRight.summary.carryOff')}
        </List.Item>
      </List>
    </Stack>
  );
}
