import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TeamViewPerson } from '../../../shared/contracts/team-view.js';
import { ResponsiveTable } from '../../components/table-scroll.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { PlanBadges } from '../plans/plan-badges.js';

const dayNumber = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/** "vandaag", "morgen", "over 12 dagen". */
function relativeDay(date: string, today: string, t: TFunction): string {
  const days = Math.round(dayNumber(date) - dayNumber(today));
  if (days <= 0) return t('teamView.next.today');
  return t('teamView.next.inDays', { count: days });
}

function NextDate({ person, today, timeZone }: { person: TeamViewPerson; today: string; timeZone: string }) {
  const { t } = useTranslation();
  const next = person.nextDate;
  if (!next)
    return (
      <Text size="sm" c="dimmed">
        {person.plan ? t('teamView.next.none') : '—'}
      </Text>
    );
  const when =
    next.kind === 'conversation' && person.plan?.conversationAt
      ? formatDateTime(person.plan.conversationAt, timeZone)
      : formatDate(next.date);
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {t(`teamView.next.${next.kind}`)}
      </Text>
      <Text size="sm">
        {when}{' '}
        <Text span size="xs" c="dimmed">
          ({relativeDay(next.date, today, t)})
        </Text>
      </Text>
    </Stack>
  );
}

function Overdue({ person }: { person: TeamViewPerson }) {
  const { t } = useTranslation();
  if (person.overdue.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {person.plan ? t('teamView.overdue.none') : '—'}
      </Text>
    );
  return (
    <List size="sm" spacing={2} listStyleType="none" p={0} m={0}>
      {person.overdue.map((item) => (
        <List.Item key={item.kind}>
          <Text size="sm" c="red.9" fw={600}>
            <span aria-hidden="true">⚠ </span>
            <VisuallyHidden>{t('teamView.overdue.marker')} </VisuallyHidden>
            {t(`teamView.overdue.${item.kind}`, { count: item.count, date: formatDate(item.date) })}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

function Preparation({ person, isManagerSide }: { person: TeamViewPerson; isManagerSide: boolean }) {
  const { t } = useTranslation();
  const plan = person.plan;
  if (!plan || plan.cancelled || (plan.phase !== 'preparation' && plan.phase !== 'conversation'))
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Stack gap={4} align="flex-start">
      {plan.employeeShared ? (
        <Badge variant="light" color="green" size="sm">
          <span aria-hidden="true">✓ </span>
          {t('teamView.preparation.shared')}
        </Badge>
      ) : (
        <Badge
          variant="outline"
          color="orange.9"
          size="sm"
          title={t('teamView.preparation.notSharedLong', { name: person.name })}
        >
          <span aria-hidden="true">○ </span>
          {t('teamView.preparation.notShared')}
        </Badge>
      )}
      {!plan.managerShared && (
        <Text size="xs" c="dimmed">
          {isManagerSide
            ? t('teamView.preparation.managerNotShared')
            : t('teamView.preparation.managerNotSharedHr')}
        </Text>
      )}
    </Stack>
  );
}

function PlanCell({ person }: { person: TeamViewPerson }) {
  const { t } = useTranslation();
  const plan = person.plan;
  if (!plan)
    return (
      <Text size="sm" c="dimmed">
        {t('team.noPlan')}
      </Text>
    );
  const waiting = plan.awaitingApprovalOf;
  return (
    <Stack gap={4}>
      <PlanBadges plan={plan} />
      {waiting.length > 0 && (
        <Text size="xs">
          {waiting.length === 2
            ? t('teamView.awaiting.both')
            : t(`teamView.awaiting.${waiting[0] ?? 'employee'}`)}
        </Text>
      )}
      {plan.goals !== null && plan.phase !== 'preparation' && (
        <Text size="xs" c="dimmed">
          {t('teamView.counts', {
            goals: t('teamView.needs.cellGoals', { count: plan.goals }),
            done: plan.actionsDone ?? 0,
            actions: plan.actions ?? 0,
          })}
        </Text>
      )}
    </Stack>
  );
}

interface PeopleProps {
  people: readonly TeamViewPerson[];
  today: string;
  timeZone: string;
  /** The caller looks at the people they lead (their own preparation is the manager's). */
  isManagerSide: boolean;
  canStart: boolean;
  onStart: (person: { id: string; name: string }) => void;
}

function PersonActions({
  person,
  canStart,
  onStart,
}: { person: TeamViewPerson } & Pick<PeopleProps, 'canStart' | 'onStart'>) {
  const { t } = useTranslation();
  const plan = person.plan;
  const open = plan !== null && plan.phase !== 'closed';
  return (
    <Group gap="xs" wrap="nowrap">
      {plan?.id && (
        <Anchor
          component={Link}
          to={`/plans/${plan.id}`}
          size="sm"
          aria-label={t('team.openPlanOf', { name: person.name })}
        >
          {t('cycles.openPlan')}
        </Anchor>
      )}
      {plan && !plan.id && (
        <Text size="xs" c="dimmed">
          {t('teamView.notParty')}
          <VisuallyHidden>: {t('teamView.notPartyHelp')}</VisuallyHidden>
        </Text>
      )}
      {canStart && !open && (
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => onStart({ id: person.id, name: person.name })}
          aria-label={t('team.startFor', { name: person.name })}
        >
          {t('team.start')}
        </Button>
      )}
    </Group>
  );
}

/** On a phone: one card per person, the same facts under small headings. */
function TeamPeopleCards({ people, today, timeZone, isManagerSide, canStart, onStart }: PeopleProps) {
  const { t } = useTranslation();
  return (
    <Stack
      gap="sm"
      component="ul"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
      aria-label={t('teamView.tableLabel')}
    >
      {people.map((person) => {
        const subtitle = [person.function?.name, person.team?.name].filter(Boolean).join(' · ');
        return (
          <Card key={person.id} withBorder padding="sm" component="li">
            <Stack gap={6}>
              <div>
                <Title order={2} fz="md">
                  {person.name}
                </Title>
                {subtitle && (
                  <Text size="xs" c="dimmed">
                    {subtitle}
                  </Text>
                )}
              </div>
              <PlanCell person={person} />
              <SimpleGrid cols={2} spacing="xs">
                <div>
                  <Text size="xs" c="dimmed">
                    {t('teamView.columns.next')}
                  </Text>
                  <NextDate person={person} today={today} timeZone={timeZone} />
                </div>
                <div>
                  <Text size="xs" c="dimmed">
                    {t('teamView.columns.preparation')}
                  </Text>
                  <Preparation person={person} isManagerSide={isManagerSide} />
                </div>
              </SimpleGrid>
              {person.overdue.length > 0 && <Overdue person={person} />}
              <PersonActions person={person} canStart={canStart} onStart={onStart} />
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}

/** Everyone in view with their POP: phase, the next date, what is late, whether the employee shared. */
export function TeamPeople(props: PeopleProps) {
  return (
    <>
      <Box hiddenFrom="sm">
        <TeamPeopleCards {...props} />
      </Box>
      <Box visibleFrom="sm">
        <TeamPeopleTable {...props} />
      </Box>
    </>
  );
}

function TeamPeopleTable({ people, today, timeZone, isManagerSide, canStart, onStart }: PeopleProps) {
  const { t } = useTranslation();
  return (
    <ResponsiveTable label={t('teamView.tableLabel')} minWidth={980}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('common.fields.name')}</Table.Th>
          <Table.Th scope="col">{t('teamView.columns.plan')}</Table.Th>
          <Table.Th scope="col">{t('teamView.columns.next')}</Table.Th>
          <Table.Th scope="col">{t('teamView.columns.overdue')}</Table.Th>
          <Table.Th scope="col">{t('teamView.columns.preparation')}</Table.Th>
          <Table.Th scope="col">{t('teamView.columns.actions')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {people.map((person) => {
          const subtitle = [person.function?.name, person.team?.name].filter(Boolean).join(' · ');
          return (
            <Table.Tr key={person.id}>
              <Table.Th scope="row" fw={600}>
                {person.name}
                {subtitle && (
                  <Text size="xs" c="dimmed" fw={400}>
                    {subtitle}
                  </Text>
                )}
              </Table.Th>
              <Table.Td miw={190}>
                <PlanCell person={person} />
              </Table.Td>
              <Table.Td miw={150}>
                <NextDate person={person} today={today} timeZone={timeZone} />
              </Table.Td>
              <Table.Td miw={190} pos="relative">
                <Overdue person={person} />
              </Table.Td>
              <Table.Td>
                <Preparation person={person} isManagerSide={isManagerSide} />
              </Table.Td>
              <Table.Td pos="relative">
                <PersonActions person={person} canStart={canStart} onStart={onStart} />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </ResponsiveTable>
  );
}
