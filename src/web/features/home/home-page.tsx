import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Group,
  List,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { PlanSummary } from '../../../shared/contracts/plans.js';
import { api } from '../../api/client.js';
import { usePlans } from '../../api/hooks.js';
import { queryKeys } from '../../api/query-keys.js';
import { useMe } from '../../app/session.js';
import { AppModal } from '../../components/app-modal.js';
import { errorWithFields } from '../../components/error-message.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { PhaseStepper, PlanBadges } from '../plans/plan-badges.js';
import { periodText } from '../plans/plan-labels.js';
import { MyTrainingDaysCard } from '../training-right/my-training-days-card.js';

const steps = ['preparation', 'conversation', 'execution'] as const;

function CycleSteps() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="cycle-heading">
      <Title order={2} fz="h3" id="cycle-heading" mb="sm">
        {t('home.cycle.title')}
      </Title>
      <SimpleGrid
        cols={{ base: 1, md: 3 }}
        spacing="md"
        component="ol"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {steps.map((step, index) => (
          <Card key={step} withBorder padding="lg" component="li">
            <ThemeIcon size={36} radius="xl" variant="light" aria-hidden="true">
              <Text fw={700}>{index + 1}</Text>
            </ThemeIcon>
            <Title order={3} fz="h4" mt="sm">
              {t(`home.cycle.${step}.title`)}
            </Title>
            <Text size="sm" mt="xs">
              {t(`home.cycle.${step}.body`)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </section>
  );
}

function GettingStarted() {
  const { t } = useTranslation();
  const me = useMe();
  const { capabilities } = me;
  if (!capabilities.manageStructure && !capabilities.managePeople && !capabilities.manageOrganisation)
    return null;
  return (
    <section aria-labelledby="start-heading">
      <Title order={2} fz="h3" id="start-heading" mb="xs">
        {t('home.start.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('home.start.intro')}
      </Text>
      <List spacing="xs" type="ordered">
        {capabilities.manageOrganisation && (
          <List.Item>
            <Anchor component={Link} to="/settings">
              {t('home.start.settings')}
            </Anchor>
          </List.Item>
        )}
        {capabilities.manageStructure && (
          <>
            <List.Item>
              <Anchor component={Link} to="/teams">
                {t('home.start.teams')}
              </Anchor>
            </List.Item>
            <List.Item>
              <Anchor component={Link} to="/competencies">
                {t('home.start.competencies')}
              </Anchor>
            </List.Item>
            <List.Item>
              <Anchor component={Link} to="/functions">
                {t('home.start.functions')}
              </Anchor>
            </List.Item>
          </>
        )}
        {capabilities.managePeople && (
          <List.Item>
            <Trans
              i18nKey="home.start.people"
              components={{
                import: <Anchor component={Link} to="/import" />,
                add: <Anchor component={Link} to="/people/new" />,
              }}
            />
          </List.Item>
        )}
      </List>
    </section>
  );
}

/** An employee asks for a POP; it starts in voorbereiding and shows up for their manager at once. */
function RequestPlan() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, modal] = useDisclosure(false);
  const request = useMutation({
    mutationFn: () => api.plans.request({}),
    onSuccess: (plan) => {
      queryClient.setQueryData(queryKeys.plan(plan.id), plan);
      void queryClient.invalidateQueries({ queryKey: queryKeys.plans });
      modal.close();
      void navigate(`/plans/${plan.id}`);
    },
  });
  return (
    <>
      <Button mt="md" onClick={modal.open}>
        {t('home.request.action')}
      </Button>
      <AppModal opened={opened} onClose={modal.close} title={t('home.request.title')}>
        <Stack gap="sm">
          <Text size="sm">{t('home.request.body')}</Text>
          {request.isError && (
            <Alert color="red" role="alert">
              {errorWithFields(request.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={modal.close}>
              {t('common.cancel')}
            </Button>
            <Button loading={request.isPending} onClick={() => request.mutate()}>
              {t('home.request.confirm')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </>
  );
}

function nextStep(plan: PlanSummary, t: TFunction): string {
  switch (plan.phase) {
    case 'preparation':
      if (!plan.employeeShared)
        return plan.exchangeDeadline
          ? t('home.next.prepareBefore', { date: formatDate(plan.exchangeDeadline) })
          : t('home.next.prepare');
      return plan.managerShared ? t('home.next.bothShared') : t('home.next.waitManager');
    case 'conversation':
      return plan.disputed ? t('home.next.disputed') : t('home.next.agree');
    case 'approved':
      return plan.revisionOpen ? t('home.next.revision') : t('home.next.execute');
    case 'evaluation':
      return t('home.next.evaluate');
    default:
      return '';
  }
}

function CurrentPlan({ plan }: { plan: PlanSummary }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="current-plan-heading">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <Title order={2} fz="h3" id="current-plan-heading">
            {t('home.current.title', { period: periodText(plan) })}
          </Title>
          <PlanBadges plan={plan} />
        </Stack>
        <Button component={Link} to={`/plans/${plan.id}`}>
          {t('home.current.open')}
        </Button>
      </Group>
      <Box mt="md">
        <PhaseStepper phase={plan.phase} cancelled={plan.cancelled} />
      </Box>
      <Text mt="md" fw={600}>
        {nextStep(plan, t)}
      </Text>
      <Text size="sm" mt="xs" c="dimmed">
        {[
          t('home.current.manager', { name: plan.manager.name }),
          plan.conversationAt
            ? t('home.current.conversation', {
                date: formatDateTime(plan.conversationAt, me.organisation.timeZone),
              })
            : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Paper>
  );
}

function EarlierPlans({ plans }: { plans: PlanSummary[] }) {
  const { t } = useTranslation();
  if (plans.length === 0) return null;
  return (
    <section aria-labelledby="earlier-heading">
      <Title order={2} fz="h3" id="earlier-heading" mb="xs">
        {t('home.earlier.title')}
      </Title>
      <List spacing="xs">
        {plans.map((plan) => (
          <List.Item key={plan.id}>
            <Group gap="xs">
              <Anchor component={Link} to={`/plans/${plan.id}`}>
                {t('home.earlier.item', { period: periodText(plan) })}
              </Anchor>
              <PlanBadges plan={plan} />
            </Group>
          </List.Item>
        ))}
      </List>
    </section>
  );
}

interface Todo {
  plan: PlanSummary;
  text: string;
  tab: string;
}

/** What the manager's people are waiting for, derived from the list alone (one request). */
function todosOf(plans: readonly PlanSummary[], t: TFunction): Todo[] {
  const todos: Todo[] = [];
  for (const plan of plans) {
    if (plan.phase === 'closed') continue;
    if ((plan.phase === 'preparation' || plan.phase === 'conversation') && !plan.managerShared)
      todos.push({
        plan,
        tab: 'preparation',
        text: plan.exchangeDeadline
          ? t('home.todo.shareBefore', { date: formatDate(plan.exchangeDeadline) })
          : t('home.todo.share'),
      });
    if (plan.disputed) todos.push({ plan, tab: 'goals', text: t('home.todo.disputed') });
    else if (plan.phase === 'conversation' || plan.revisionOpen)
      todos.push({ plan, tab: 'goals', text: t('home.todo.approve') });
    if (plan.phase === 'approved' && !plan.revisionOpen && plan.counts.followUps > plan.counts.followUpsHeld)
      todos.push({
        plan,
        tab: 'followUps',
        text: t('home.todo.followUp', { held: plan.counts.followUpsHeld, total: plan.counts.followUps }),
      });
    if (plan.phase === 'evaluation') todos.push({ plan, tab: 'evaluation', text: t('home.todo.evaluate') });
  }
  return todos.sort((a, b) => (a.plan.conversationAt ?? '9').localeCompare(b.plan.conversationAt ?? '9'));
}

function ManagerTodos() {
  const { t } = useTranslation();
  const plans = usePlans({ as: 'manager', limit: 500 });
  const todos = todosOf(plans.data?.items ?? [], t);
  return (
    <section aria-labelledby="todo-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="h3" id="todo-heading">
          {t('home.todo.title')}
        </Title>
        <Anchor component={Link} to="/team" size="sm">
          {t('home.todo.toTeam')}
        </Anchor>
      </Group>
      {plans.isPending && <Skeleton height={80} />}
      {plans.isError && <QueryError error={plans.error} onRetry={() => void plans.refetch()} />}
      {plans.isSuccess && todos.length === 0 && <Text size="sm">{t('home.todo.none')}</Text>}
      {todos.length > 0 && (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {todos.map((todo) => (
            <Paper key={`${todo.plan.id}-${todo.tab}-${todo.text}`} withBorder p="sm" component="li">
              <Group justify="space-between" gap="xs">
                <div>
                  <Text size="sm" fw={600}>
                    {todo.plan.employee.name}
                  </Text>
                  <Text size="sm">{todo.text}</Text>
                </div>
                <Anchor
                  component={Link}
                  to={`/plans/${todo.plan.id}?tab=${todo.tab}`}
                  size="sm"
                  aria-label={t('home.todo.openFor', { name: todo.plan.employee.name })}
                >
                  {t('cycles.openPlan')}
                </Anchor>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </section>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const mine = usePlans({ as: 'employee', limit: 100 });
  const items = mine.data?.items ?? [];
  const current = items.find((plan) => plan.phase !== 'closed');
  const earlier = items.filter((plan) => plan.phase === 'closed');
  return (
    <Stack gap="xl" maw={1100}>
      <PageHeader
        title={t('home.title', { firstName: me.person.firstName })}
        description={t('home.intro', { organisation: me.organisation.name })}
      />
      {mine.isPending && <Skeleton height={140} />}
      {mine.isError && <QueryError error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.isSuccess && current && <CurrentPlan plan={current} />}
      {mine.isSuccess && !current && (
        <Paper withBorder p="lg" radius="md" bg="groeipad.0">
          <Title order={2} fz="h3">
            {t('home.empty.title')}
          </Title>
          <Text mt="xs">{t('home.empty.body')}</Text>
          <Text mt="xs">{t('home.request.hint')}</Text>
          <RequestPlan />
        </Paper>
      )}
      {me.capabilities.viewTeam && <ManagerTodos />}
      <MyTrainingDaysCard />
      <EarlierPlans plans={earlier} />
      <CycleSteps />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <section aria-labelledby="prepare-heading">
          <Title order={2} fz="h3" id="prepare-heading" mb="xs">
            {t('home.prepare.title')}
          </Title>
          <List spacing="xs">
            <List.Item>{t('home.prepare.learn')}</List.Item>
            <List.Item>{t('home.prepare.talents')}</List.Item>
            <List.Item>{t('home.prepare.lookBack')}</List.Item>
            <List.Item>{t('home.prepare.ambitions')}</List.Item>
          </List>
        </section>
        <section aria-labelledby="not-appraisal-heading">
          <Title order={2} fz="h3" id="not-appraisal-heading" mb="xs">
            {t('home.notAppraisal.title')}
          </Title>
          <Text>{t('home.notAppraisal.body')}</Text>
        </section>
      </SimpleGrid>
      <GettingStarted />
    </Stack>
  );
}
