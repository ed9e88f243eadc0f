import { Alert, Button, Select, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { TeamView } from '../../../shared/contracts/team-view.js';
import { useMe } from '../../app/session.js';
import { AppModal } from '../../components/app-modal.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { ExportMenu } from '../exports/export-menu.js';
import { BatchStartForm, StartPlanForm } from '../plans/start-cycles.js';
import { LearningNeeds } from './learning-needs.js';
import { TeamPeople } from './team-people-table.js';
import { useTeamView } from './team-view-api.js';

// Charts pull in recharts: only when someone opens them.
const TeamCharts = lazy(() => import('./team-charts.js').then((m) => ({ default: m.TeamCharts })));

const tabs = ['people', 'needs', 'charts'] as const;
type Tab = (typeof tabs)[number];
const isTab = (value: string | null): value is Tab => tabs.includes(value as Tab);

function Summary({ view }: { view: TeamView }) {
  const { t } = useTranslation();
  const late = view.people.filter((p) => p.overdue.length > 0).length;
  const notShared = view.people.filter(
    (p) =>
      p.plan &&
      !p.plan.cancelled &&
      (p.plan.phase === 'preparation' || p.plan.phase === 'conversation') &&
      !p.plan.employeeShared,
  ).length;
  const parts = [t('teamView.summary.people', { count: view.people.length })];
  if (late > 0) parts.push(t('teamView.summary.late', { count: late }));
  if (notShared > 0) parts.push(t('teamView.summary.notShared', { count: notShared }));
  return (
    <Text size="sm" aria-live="polite">
      {parts.join(' · ')}
    </Text>
  );
}

/**
 * The team view: everyone a manager leads (or, for HR, a team) with where their POP stands, the team's learning
 * needs and its figures. Starting cycles stays here, as before.
 */
export function MyTeamPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const requestedTeam = searchParams.get('team');
  const tabParam = searchParams.get('tab');
  const tab: Tab = isTab(tabParam) ? tabParam : 'people';
  const view = useTeamView(requestedTeam);
  const [starting, setStarting] = useState<{ id: string; name: string } | null>(null);
  const [batch, setBatch] = useState(false);
  const isHr = me.person.roles.includes('hr');
  const data = view.data;
  // "Everyone I lead" (no team chosen); HR who leads nobody always looks at a team, or at none when there are none.
  const ledMode = data ? data.teamId === null && (data.leadsPeople || !isHr) : requestedTeam === null;
  const title = me.capabilities.viewTeam ? t('team.title') : t('teamView.hrTitle');
  const intro = me.capabilities.viewTeam && ledMode ? t('team.intro') : t('teamView.hrIntro');
  const people = data?.people ?? [];
  const withoutOpenPlan = people.filter((p) => !p.plan || p.plan.phase === 'closed');
  const canStart = me.capabilities.startPlans;

  const setParam = (key: 'team' | 'tab', value: string | null) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearchParams(next, { replace: key === 'tab' });
  };
  const teamOptions = [
    ...(data?.leadsPeople ? [{ value: '', label: t('teamView.teamSelect.everyone') }] : []),
    ...(data?.teams ?? []).map((team) => ({ value: team.id, label: team.name })),
  ];
  const exportParams = {
    teamId: data?.teamId ?? undefined,
    // Someone who is HR and a manager exports "everyone I lead" as their manager, not the whole organisation.
    as: isHr && ledMode ? 'manager' : undefined,
  };

  return (
    <>
      <PageHeader
        title={title}
        description={intro}
        actions={
          data &&
          people.length > 0 && (
            <>
              <ExportMenu
                kinds={['plans', 'goals', 'actions']}
                params={exportParams}
                contentHidden={isHr && !ledMode && data.contentHidden}
              />
              {canStart && (
                <Button onClick={() => setBatch(true)} disabled={withoutOpenPlan.length === 0}>
                  {ledMode ? t('team.startBatch') : t('cycles.startAction')}
                </Button>
              )}
            </>
          )
        }
      />
      {teamOptions.length > 1 && (
        <Select
          label={t('teamView.teamSelect.label')}
          data={teamOptions}
          value={data?.teamId ?? (data?.leadsPeople ? '' : null)}
          onChange={(value) => setParam('team', value || null)}
          allowDeselect={false}
          searchable={teamOptions.length > 8}
          w={{ base: '100%', xs: 320 }}
          mb="md"
        />
      )}
      {view.isPending && <Skeleton height={200} />}
      {view.isError && <QueryError error={view.error} onRetry={() => void view.refetch()} />}
      {data && people.length === 0 && (
        <Alert color="gray" title={t('teamView.empty.title')}>
          {ledMode
            ? t('team.empty.body')
            : data.teams.length === 0
              ? t('teamView.empty.noTeams')
              : t('teamView.empty.team')}
        </Alert>
      )}
      {data && people.length > 0 && (
        <Stack gap="md">
          <Summary view={data} />
          {data.contentHidden && (
            <Alert color="blue" variant="light">
              {isHr && !ledMode ? t('teamView.contentHiddenHr') : t('teamView.contentHiddenManager')}
            </Alert>
          )}
          <Tabs
            value={tab}
            onChange={(value) => setParam('tab', value === 'people' ? null : value)}
            keepMounted={false}
          >
            <Tabs.List mb="md" aria-label={t('teamView.tabs.label')}>
              {tabs.map((key) => (
                <Tabs.Tab key={key} value={key}>
                  {t(`teamView.tabs.${key}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="people">
              <TeamPeople
                people={people}
                today={data.today}
                timeZone={me.organisation.timeZone}
                isManagerSide={ledMode || !isHr}
                canStart={canStart}
                onStart={setStarting}
              />
            </Tabs.Panel>
            <Tabs.Panel value="needs">
              <LearningNeeds view={data} />
            </Tabs.Panel>
            <Tabs.Panel value="charts">
              <Suspense fallback={<Skeleton height={260} />}>
                <TeamCharts view={data} />
              </Suspense>
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
      <AppModal
        opened={starting !== null}
        onClose={() => setStarting(null)}
        title={starting ? t('cycles.start.oneTitle', { name: starting.name }) : ''}
      >
        {starting && <StartPlanForm person={starting} onDone={() => setStarting(null)} />}
      </AppModal>
      <AppModal
        opened={batch}
        onClose={() => setBatch(false)}
        title={ledMode ? t('team.startBatch') : t('cycles.startAction')}
        size="lg"
      >
        {batch && data && (
          <BatchStartForm
            targets={data.teams.length > 0 ? ['people', 'team'] : ['people']}
            people={withoutOpenPlan.map((p) => ({ value: p.id, label: p.name }))}
            defaultPeople={withoutOpenPlan.map((p) => p.id)}
            teams={data.teams.map((team) => ({ value: team.id, label: team.name }))}
            onDone={() => setBatch(false)}
          />
        )}
      </AppModal>
    </>
  );
}
