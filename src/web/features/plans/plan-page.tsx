import { Alert, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { Suspense, useDeferredValue, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { PlanDetail } from '../../../shared/contracts/plans.js';
import { isAppError } from '../../api/client.js';
import { lazyModule } from '../../app/lazy-module.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { PlanHeader } from './plan-header.js';
import { usePlan, usePlanCache } from './use-plan.js';

/** Each section is its own chunk: the page loads the code of the section that is open, not of all nine. */
const PreparationTab = lazyModule('features/plans/preparation-tab', () =>
  import('./preparation-tab.js').then((m) => m.PreparationTab),
);
const ConversationTab = lazyModule('features/plans/conversation-tab', () =>
  import('./conversation-tab.js').then((m) => m.ConversationTab),
);
const GoalsTab = lazyModule('features/plans/goals-tab', () =>
  import('./goals-tab.js').then((m) => m.GoalsTab),
);
const ExecutionTab = lazyModule('features/plans/execution-tab', () =>
  import('./execution-tab.js').then((m) => m.ExecutionTab),
);
const FollowUpsTab = lazyModule('features/plans/follow-ups-tab', () =>
  import('./follow-ups-tab.js').then((m) => m.FollowUpsTab),
);
const EvaluationTab = lazyModule('features/plans/evaluation-tab', () =>
  import('./evaluation-tab.js').then((m) => m.EvaluationTab),
);
const VersionsTab = lazyModule('features/plans/versions-tab', () =>
  import('./versions-tab.js').then((m) => m.VersionsTab),
);
const SummaryTab = lazyModule('features/plans/summary-tab', () =>
  import('./summary-tab.js').then((m) => m.SummaryTab),
);
const AuditTab = lazyModule('features/plans/audit-tab', () =>
  import('./audit-tab.js').then((m) => m.AuditTab),
);

const tabKeys = [
  'preparation',
  'conversation',
  'goals',
  'execution',
  'followUps',
  'evaluation',
  'versions',
  'summary',
  'audit',
] as const;
type TabKey = (typeof tabKeys)[number];

/** The sections a person can open on this plan now, in the order of the cycle. */
function tabsOf(plan: PlanDetail): TabKey[] {
  const tabs: TabKey[] = [];
  const executing = plan.phase === 'approved' || plan.phase === 'evaluation' || plan.phase === 'closed';
  if (plan.preparations) tabs.push('preparation');
  if (plan.content) {
    if (plan.phase !== 'preparation' && plan.myParty) tabs.push('conversation');
    tabs.push('goals');
    if (executing) tabs.push('execution', 'followUps');
    if (plan.phase === 'evaluation' || plan.phase === 'closed') tabs.push('evaluation');
    if (plan.versions.length > 0) tabs.push('versions');
    if (plan.phase === 'closed') tabs.push('summary');
  }
  // Who read and changed the plan: its employee and its manager (the server decides what each sees).
  if (plan.myParty) tabs.push('audit');
  return tabs;
}

/** Where the plan page opens: the section of the phase the plan is in. */
function defaultTab(plan: PlanDetail, tabs: TabKey[]): TabKey | undefined {
  const wanted: Record<PlanDetail['phase'], TabKey> = {
    preparation: 'preparation',
    conversation: 'conversation',
    approved: plan.revisionOpen ? 'goals' : 'execution',
    evaluation: 'evaluation',
    closed: 'summary',
  };
  const first = wanted[plan.phase];
  return tabs.includes(first) ? first : tabs[0];
}

export function PlanPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const plan = usePlan(id);
  // The page's first render once the plan arrives runs as a transition, in slices that leave the browser free to
  // answer; later changes of the plan render at once.
  const shown = useDeferredValue(plan.data !== undefined);
  if (plan.isPending || (plan.isSuccess && !shown)) return <Skeleton height={320} />;
  if (plan.isError) {
    if (isAppError(plan.error, 'NOT_FOUND') || isAppError(plan.error, 'BAD_REQUEST'))
      return (
        <>
          <PageHeader title={t('plan.notFoundTitle')} />
          <Text>{t('plan.notFound')}</Text>
        </>
      );
    return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  }
  return <PlanView plan={plan.data} />;
}

function PlanView({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const cache = usePlanCache(plan.id);
  const [params, setParams] = useSearchParams();
  const tabs = tabsOf(plan);
  const asked = params.get('tab') as TabKey | null;
  const active = asked && tabs.includes(asked) ? asked : defaultTab(plan, tabs);
  // When the plan moves to another phase (approved, closed...), the page follows it to that phase's section.
  const stage = `${plan.phase}-${plan.revisionOpen}`;
  const seenStage = useRef(stage);
  useEffect(() => {
    if (seenStage.current === stage) return;
    seenStage.current = stage;
    setParams(
      (p) => {
        p.delete('tab');
        return p;
      },
      { replace: true },
    );
  }, [stage, setParams]);
  const open = (tab: TabKey) =>
    setParams(
      (p) => {
        p.set('tab', tab);
        return p;
      },
      { replace: true },
    );
  return (
    <Stack gap={0} maw={1200}>
      <PlanHeader plan={plan} cache={cache} />
      {!plan.content && (
        <Alert color="gray" title={t('plan.noContentTitle')}>
          {t('plan.noContent', {
            count: plan.counts.goals,
            actions: plan.counts.actions,
            done: plan.counts.actionsDone,
          })}
        </Alert>
      )}
      {tabs.length > 0 && active && (
        <Tabs value={active} onChange={(v) => v && open(v as TabKey)} keepMounted={false}>
          <Tabs.List mb="lg" aria-label={t('plan.tabsLabel')}>
            {tabs.map((tab) => (
              <Tabs.Tab key={tab} value={tab}>
                {tab === 'audit' ? t('audit.tab') : t(`plan.tabs.${tab}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Panel key={tab} value={tab}>
              <Suspense fallback={<Skeleton height={320} />}>
                {tab === 'preparation' && <PreparationTab plan={plan} cache={cache} />}
                {tab === 'conversation' && (
                  <ConversationTab plan={plan} cache={cache} onOpenGoals={() => open('goals')} />
                )}
                {tab === 'goals' && <GoalsTab plan={plan} cache={cache} />}
                {tab === 'execution' && <ExecutionTab plan={plan} cache={cache} />}
                {tab === 'followUps' && (
                  <FollowUpsTab plan={plan} cache={cache} onOpenGoals={() => open('goals')} />
                )}
                {tab === 'evaluation' && <EvaluationTab plan={plan} cache={cache} />}
                {tab === 'versions' && <VersionsTab plan={plan} />}
                {tab === 'summary' && <SummaryTab plan={plan} />}
                {tab === 'audit' && <AuditTab plan={plan} />}
              </Suspense>
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}
