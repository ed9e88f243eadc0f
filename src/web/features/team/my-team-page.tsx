import { Alert, Anchor, Badge, Button, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanSummary } from '../../../shared/contracts/plans.js';
import { fullName } from '../../../shared/text.js';
import { usePeople, usePlans, useTeams } from '../../api/hooks.js';
import { useMe } from '../../app/session.js';
import { AppModal } from '../../components/app-modal.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { ResponsiveTable } from '../../components/table-scroll.js';
import { formatDateTime } from '../../i18n/format.js';
import { PlanBadges } from '../plans/plan-badges.js';
import { BatchStartForm, StartPlanForm } from '../plans/start-cycles.js';

/** A person's plan that matters now: the open one, else the most recent. */
function currentPlans(plans: readonly PlanSummary[]): Map<string, PlanSummary> {
  const byEmployee = new Map<string, PlanSummary>();
  for (const plan of plans) {
    const known = byEmployee.get(plan.employee.id);
    const isOpen = plan.phase !== 'closed';
    const knownOpen = known ? known.phase !== 'closed' : false;
    if (!known || (isOpen && !knownOpen) || (isOpen === knownOpen && plan.periodStart > known.periodStart))
      byEmployee.set(plan.employee.id, plan);
  }
  return byEmployee;
}

export function MyTeamPage() {
  const { t } = useTranslation();
  const me = useMe();
  const people = usePeople({ status: 'active', limit: 500 });
  const teams = useTeams();
  const plans = usePlans({ as: 'manager', limit: 500 });
  const [starting, setStarting] = useState<{ id: string; name: string } | null>(null);
  const [batch, setBatch] = useState(false);
  // HR and beheerders see everyone through the same endpoints: keep only the people this person leads.
  const ledTeams = (teams.data?.items ?? []).filter((team) => team.managerId === me.person.id);
  const ledTeamIds = new Set(ledTeams.map((team) => team.id));
  const members = (people.data?.items ?? []).filter(
    (p) =>
      p.id !== me.person.id &&
      (p.managerId === me.person.id || (p.teamId !== null && ledTeamIds.has(p.teamId))),
  );
  const planOf = currentPlans(plans.data?.items ?? []);
  const withoutOpenPlan = members.filter((p) => {
    const plan = planOf.get(p.id);
    return !plan || plan.phase === 'closed';
  });
  const tz = me.organisation.timeZone;
  return (
    <>
      <PageHeader
        title={t('team.title')}
        description={t('team.intro')}
        actions={
          members.length > 0 && (
            <Button onClick={() => setBatch(true)} disabled={withoutOpenPlan.length === 0}>
              {t('team.startBatch')}
            </Button>
          )
        }
      />
      {(people.isPending || plans.isPending) && <Skeleton height={160} />}
      {people.isError && <QueryError error={people.error} onRetry={() => void people.refetch()} />}
      {plans.isError && <QueryError error={plans.error} onRetry={() => void plans.refetch()} />}
      {people.isSuccess && members.length === 0 && (
        <Alert color="gray" title={t('team.empty.title')}>
          {t('team.empty.body')}
        </Alert>
      )}
      {members.length > 0 && (
        <ResponsiveTable label={t('team.tableLabel')} minWidth={860}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('common.fields.name')}</Table.Th>
              <Table.Th scope="col">{t('common.fields.function')}</Table.Th>
              <Table.Th scope="col">{t('team.columns.plan')}</Table.Th>
              <Table.Th scope="col">{t('team.columns.conversation')}</Table.Th>
              <Table.Th scope="col">{t('team.columns.shared')}</Table.Th>
              <Table.Th scope="col">{t('team.columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((person) => {
              const name = fullName(person);
              const plan = planOf.get(person.id);
              const open = plan && plan.phase !== 'closed';
              return (
                <Table.Tr key={person.id}>
                  <Table.Th scope="row" fw={600}>
                    {name}
                    <Text size="xs" c="dimmed" fw={400}>
                      {person.teamName ?? person.email}
                    </Text>
                  </Table.Th>
                  <Table.Td>{person.functionName ?? '—'}</Table.Td>
                  <Table.Td>
                    {plan ? (
                      <PlanBadges plan={plan} />
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('team.noPlan')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {open && plan.conversationAt ? formatDateTime(plan.conversationAt, tz) : '—'}
                  </Table.Td>
                  <Table.Td>
                    {open && (plan.phase === 'preparation' || plan.phase === 'conversation') ? (
                      <Stack gap={2}>
                        <SharedLine label={t('pop.parties.employee')} shared={plan.employeeShared} />
                        <SharedLine label={t('team.you')} shared={plan.managerShared} />
                      </Stack>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {plan && (
                        <Anchor
                          component={Link}
                          to={`/plans/${plan.id}`}
                          size="sm"
                          aria-label={t('team.openPlanOf', { name })}
                        >
                          {t('cycles.openPlan')}
                        </Anchor>
                      )}
                      {!open && (
                        <Button
                          size="compact-sm"
                          variant="light"
                          onClick={() => setStarting({ id: person.id, name })}
                          aria-label={t('team.startFor', { name })}
                        >
                          {t('team.start')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ResponsiveTable>
      )}
      <AppModal
        opened={starting !== null}
        onClose={() => setStarting(null)}
        title={starting ? t('cycles.start.oneTitle', { name: starting.name }) : ''}
      >
        {starting && <StartPlanForm person={starting} onDone={() => setStarting(null)} />}
      </AppModal>
      <AppModal opened={batch} onClose={() => setBatch(false)} title={t('team.startBatch')} size="lg">
        {batch && (
          <BatchStartForm
            targets={ledTeams.length > 0 ? ['people', 'team'] : ['people']}
            people={withoutOpenPlan.map((p) => ({ value: p.id, label: fullName(p) }))}
            defaultPeople={withoutOpenPlan.map((p) => p.id)}
            teams={ledTeams.map((team) => ({ value: team.id, label: team.name }))}
            onDone={() => setBatch(false)}
          />
        )}
      </AppModal>
    </>
  );
}

function SharedLine({ label, shared }: { label: string; shared: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="xs">{label}:</Text>
      <Badge size="xs" variant="light" color={shared ? 'green' : 'gray'}>
        {shared ? t('plan.header.shared') : t('plan.header.notShared')}
      </Badge>
    </Group>
  );
}
