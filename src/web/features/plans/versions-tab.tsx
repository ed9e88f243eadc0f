import {
  Alert,
  Button,
  Card,
  Group,
  List,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../shared/contracts/plans.js';
import type { ActionType } from '../../../shared/contracts/templates.js';
import type { Timing } from '../../../shared/pop/timing.js';
import { type Horizon, horizons, type Priority, priorities } from '../../../shared/pop/vocabulary.js';
import { api, type PlanDiff } from '../../api/client.js';
import { useActionTypes } from '../../api/hooks.js';
import { queryKeys } from '../../api/query-keys.js';
import { useMe } from '../../app/session.js';
import { AppModal } from '../../components/app-modal.js';
import { QueryError } from '../../components/query-error.js';
import { ResponsiveTable } from '../../components/table-scroll.js';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../i18n/format.js';
import { budgetFieldLabel } from '../budgets/budget-labels.js';
import { documentUrls, PdfDownloadButton } from '../documents/pdf-download.js';
import { actionTypeLabel, periodText, timingText, usesCustomActionTypes } from './plan-labels.js';
import { PlanTable } from './plan-table.js';

/** Every approved version with who approved it when; one read-only, and what changed between two. */
export function VersionsTab({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const tz = me.organisation.timeZone;
  const versions = [...plan.versions].sort((a, b) => b.number - a.number);
  const [viewing, setViewing] = useState<number | null>(null);
  const numbers = versions.map((v) => String(v.number));
  const [from, setFrom] = useState<string | null>(numbers[1] ?? null);
  const [to, setTo] = useState<string | null>(numbers[0] ?? null);
  const [compare, setCompare] = useState<{ a: number; b: number } | null>(null);
  return (
    <Stack gap="lg">
      <section aria-labelledby="versions-heading">
        <Title order={2} fz="h3" id="versions-heading" mb="xs">
          {t('plan.versions.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('plan.versions.intro')}
        </Text>
        <ResponsiveTable label={t('plan.versions.tableLabel')} minWidth={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('plan.versions.number')}</Table.Th>
              <Table.Th scope="col">{t('plan.versions.approvedBy', { name: plan.employee.name })}</Table.Th>
              <Table.Th scope="col">{t('plan.versions.approvedBy', { name: plan.manager.name })}</Table.Th>
              <Table.Th scope="col" pos="relative">
                <VisuallyHidden>{t('plan.versions.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((version) => (
              <Table.Tr key={version.number}>
                <Table.Th scope="row">
                  {t('plan.header.version', { version: version.number })}
                  {version.number === plan.approvedVersion && (
                    <Text span size="xs" c="dimmed" ml={6}>
                      {t('plan.versions.current')}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td>{formatDateTime(version.employeeApprovedAt, tz)}</Table.Td>
                <Table.Td>{formatDateTime(version.managerApprovedAt, tz)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => setViewing(version.number)}
                      aria-label={t('plan.versions.viewNamed', { version: version.number })}
                    >
                      {t('plan.versions.view')}
                    </Button>
                    <PdfDownloadButton
                      size="compact-sm"
                      variant="subtle"
                      url={documentUrls.version(plan.id, version.number)}
                      fallbackName={`pop-${version.number}.pdf`}
                      label={t('documents.download.versionLabel', { version: version.number })}
                    >
                      {t('documents.download.version')}
                    </PdfDownloadButton>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ResponsiveTable>
      </section>
      {versions.length > 1 && (
        <Card withBorder padding="lg" component="section" aria-labelledby="diff-heading">
          <Title order={2} fz="h3" id="diff-heading">
            {t('plan.versions.diffTitle')}
          </Title>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (from && to && from !== to) setCompare({ a: Number(from), b: Number(to) });
            }}
          >
            <Group align="flex-end" gap="sm" mt="sm">
              <Select
                label={t('plan.versions.from')}
                data={numbers.map((n) => ({ value: n, label: t('plan.header.version', { version: n }) }))}
                value={from}
                onChange={setFrom}
                allowDeselect={false}
                w={160}
              />
              <Select
                label={t('plan.versions.to')}
                data={numbers.map((n) => ({ value: n, label: t('plan.header.version', { version: n }) }))}
                value={to}
                onChange={setTo}
                allowDeselect={false}
                w={160}
              />
              <Button type="submit" variant="outline" disabled={!from || !to || from === to}>
                {t('plan.versions.compare')}
              </Button>
            </Group>
          </form>
          {compare && <VersionDiff planId={plan.id} a={compare.a} b={compare.b} />}
        </Card>
      )}
      <AppModal
        opened={viewing !== null}
        onClose={() => setViewing(null)}
        title={viewing ? t('plan.versions.viewTitle', { version: viewing }) : ''}
        size="xl"
      >
        {viewing !== null && <VersionView planId={plan.id} number={viewing} />}
      </AppModal>
    </Stack>
  );
}

function VersionView({ planId, number }: { planId: string; number: number }) {
  const { t } = useTranslation();
  const version = useQuery({
    queryKey: queryKeys.planVersion(planId, number),
    queryFn: () => api.plans.version(planId, number),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const goals = version.data?.snapshot.goals ?? [];
  const actionTypes = useActionTypes(usesCustomActionTypes(goals));
  if (version.isPending) return <Skeleton height={200} />;
  if (version.isError) return <QueryError error={version.error} onRetry={() => void version.refetch()} />;
  const snapshot = version.data.snapshot;
  return (
    <Stack gap="md">
      <Text size="sm">{t('plan.versions.period', { period: periodText(snapshot) })}</Text>
      <PlanTable goals={snapshot.goals} actionTypes={actionTypes.data?.items} />
      <Text size="sm">
        <strong>{t('plan.agreements.facilities')}:</strong> {snapshot.facilities || t('common.none')}
      </Text>
      <Text size="sm">
        <strong>{t('plan.agreements.evaluationDate')}:</strong>{' '}
        {formatDate(snapshot.evaluationDate) || t('common.none')}
      </Text>
      <Text size="sm">
        <strong>{t('plan.agreements.followUps')}:</strong>{' '}
        {snapshot.followUpDates.map(formatDate).join(', ') || t('common.none')}
      </Text>
    </Stack>
  );
}

/** Fields a reader does not need: the id behind a name, the order, the currency. */
const hiddenFields = new Set(['competencyId', 'position', 'goalId', 'currency', 'fundingSourceId']);

/** A changed value as text: dates in Belgian notation, vocabulary in words, empty as "(leeg)". */
function useValueText(actionTypes: readonly ActionType[] | undefined) {
  const { t, i18n } = useTranslation();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('common.empty');
    if (field === 'priority' && isPriority(value)) return t(`pop.priorities.${value}`);
    if (field === 'horizon' && isHorizon(value)) return t(`pop.horizons.${value}`);
    if (field === 'type' && typeof value === 'string') return actionTypeLabel(value, actionTypes, t);
    if (field === 'timing') return timingText(value as Timing, t);
    if (field === 'cost' && typeof value === 'number') return formatMoney(value, 'EUR', i18n.language);
    if (typeof value === 'boolean') return value ? t('plan.versions.yes') : t('plan.versions.no');
    if (typeof value === 'number') return formatNumber(value, i18n.language);
    if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
    if (Array.isArray(value))
      return value.map((v) => (typeof v === 'string' ? formatDate(v) || v : String(v))).join(', ');
    return JSON.stringify(value);
  };
}

const isPriority = (value: unknown): value is Priority => priorities.includes(value as Priority);
const isHorizon = (value: unknown): value is Horizon => horizons.includes(value as Horizon);

function VersionDiff({ planId, a, b }: { planId: string; a: number; b: number }) {
  const { t } = useTranslation();
  const diff = useQuery({
    queryKey: queryKeys.planDiff(planId, a, b),
    queryFn: () => api.plans.diff(planId, a, b),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const actionTypes = useActionTypes(
    (diff.data?.actions.changed ?? []).some((a) => a.changes.some((c) => c.field === 'type')),
  );
  const valueText = useValueText(actionTypes.data?.items);
  if (diff.isPending) return <Skeleton height={120} mt="md" />;
  if (diff.isError) return <QueryError error={diff.error} onRetry={() => void diff.refetch()} />;
  const d: PlanDiff = diff.data;
  const changes = (list: PlanDiff['agreements']) => (
    <List size="sm" spacing={2}>
      {list
        .filter((change) => !hiddenFields.has(change.field))
        .map((change) => (
          <List.Item key={change.field}>
            {t('plan.versions.change', {
              field: t(`plan.versions.fields.${change.field}` as 'plan.versions.fields.title', {
                defaultValue: budgetFieldLabel(change.field, t) ?? change.field,
              }),
              from: valueText(change.field, change.from),
              to: valueText(change.field, change.to),
            })}
          </List.Item>
        ))}
    </List>
  );
  const nothing =
    d.agreements.length === 0 &&
    d.goals.added.length + d.goals.removed.length + d.goals.changed.length === 0 &&
    d.actions.added.length + d.actions.removed.length + d.actions.changed.length === 0;
  return (
    <Stack gap="sm" mt="md" aria-live="polite">
      <Text size="sm" fw={700}>
        {t('plan.versions.diffHeading', { from: d.from, to: d.to })}
      </Text>
      {nothing && <Alert color="gray">{t('plan.versions.noChanges')}</Alert>}
      {d.agreements.length > 0 && (
        <div>
          <Text size="sm" fw={600}>
            {t('plan.agreements.title')}
          </Text>
          {changes(d.agreements)}
        </div>
      )}
      {d.goals.added.map((g) => (
        <Text size="sm" key={`ga-${g.id}`}>
          {t('plan.versions.goalAdded', { title: g.title })}
        </Text>
      ))}
      {d.goals.removed.map((g) => (
        <Text size="sm" key={`gr-${g.id}`}>
          {t('plan.versions.goalRemoved', { title: g.title })}
        </Text>
      ))}
      {d.goals.changed
        .filter((g) => g.changes.some((c) => !hiddenFields.has(c.field)))
        .map((g) => (
          <div key={`gc-${g.id}`}>
            <Text size="sm" fw={600}>
              {t('plan.versions.goalChanged', { title: g.title })}
            </Text>
            {changes(g.changes)}
          </div>
        ))}
      {d.actions.added.map((x) => (
        <Text size="sm" key={`aa-${x.id}`}>
          {t('plan.versions.actionAdded', { description: x.description })}
        </Text>
      ))}
      {d.actions.removed.map((x) => (
        <Text size="sm" key={`ar-${x.id}`}>
          {t('plan.versions.actionRemoved', { description: x.description })}
        </Text>
      ))}
      {d.actions.changed
        .filter((x) => x.changes.some((c) => !hiddenFields.has(c.field)))
        .map((x) => (
          <div key={`ac-${x.id}`}>
            <Text size="sm" fw={600}>
              {t('plan.versions.actionChanged', { description: x.description })}
            </Text>
            {changes(x.changes)}
          </div>
        ))}
    </Stack>
  );
}
