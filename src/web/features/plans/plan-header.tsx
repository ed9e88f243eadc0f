import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanDetail } from '../../../shared/contracts/plans.js';
import { useMe } from '../../app/session.js';
import { AppModal } from '../../components/app-modal.js';
import { PageHeader } from '../../components/page-header.js';
import { formatDate, formatDateTime } from '../../i18n/format.js';
import { documentUrls, PdfDownloadButton } from '../documents/pdf-download.js';
import { IcsLink } from '../notifications/ics-link.js';
import { PhaseStepper, PlanBadges } from './plan-badges.js';
import { PlanEventButtons } from './plan-events.js';
import { dayOf, periodText } from './plan-labels.js';
import type { PlanCache } from './use-plan.js';

// The date pickers load when the form opens, not with the plan.
const ConversationDateForm = lazy(() =>
  import('./conversation-date-form.js').then((m) => ({ default: m.ConversationDateForm })),
);

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

function SharedState({ shared }: { shared: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={shared ? 'green' : 'gray'} size="sm">
      {shared ? t('plan.header.shared') : t('plan.header.notShared')}
    </Badge>
  );
}

/**
 * The POP as a PDF: the latest approved version, and while an agreement is being made (the conversation, a
 * revision) the current state as a draft. Only for those who may read the plan's content.
 */
const isDrafting = (plan: PlanDetail) => plan.phase === 'conversation' || plan.revisionOpen;
const hasDocuments = (plan: PlanDetail) =>
  plan.permissions.canSeeContent && (plan.approvedVersion > 0 || isDrafting(plan));

function PlanDocuments({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const drafting = isDrafting(plan);
  return (
    <Group gap="xs">
      {plan.approvedVersion > 0 && (
        <PdfDownloadButton
          url={documentUrls.version(plan.id, plan.approvedVersion)}
          fallbackName={`pop-${plan.approvedVersion}.pdf`}
          label={t('documents.download.latestLabel', { version: plan.approvedVersion })}
        >
          {t('documents.download.latest')}
        </PdfDownloadButton>
      )}
      {drafting && (
        <PdfDownloadButton
          variant="subtle"
          url={documentUrls.draft(plan.id)}
          fallbackName="pop.pdf"
          label={t('documents.download.draftLabel')}
        >
          {t('documents.download.draft')}
        </PdfDownloadButton>
      )}
    </Group>
  );
}

/** Where "back" goes: the list the person most likely came from. */
function backLink(plan: PlanDetail): { to: string; key: 'home' | 'team' | 'cycles' } {
  if (plan.myParty === 'employee') return { to: '/', key: 'home' };
  if (plan.myParty === 'manager') return { to: '/team', key: 'team' };
  return { to: '/cycles', key: 'cycles' };
}

export function PlanHeader({ plan, cache }: { plan: PlanDetail; cache: PlanCache }) {
  const { t } = useTranslation();
  const me = useMe();
  const tz = me.organisation.timeZone;
  const [dateOpened, dateModal] = useDisclosure(false);
  const back = backLink(plan);
  const agreeing = plan.phase === 'conversation' || plan.revisionOpen;
  const approval = (at: string | null) =>
    at ? t('plan.header.approvedOn', { date: dayOf(at, tz) }) : t('plan.header.notApproved');
  return (
    <>
      <Anchor component={Link} to={back.to} size="sm">
        {t(`plan.back.${back.key}`)}
      </Anchor>
      <PageHeader
        title={
          plan.myParty === 'employee' ? t('plan.titleMine') : t('plan.title', { name: plan.employee.name })
        }
        description={[periodText(plan), plan.teamName].filter(Boolean).join(' · ')}
        actions={hasDocuments(plan) ? <PlanDocuments plan={plan} /> : undefined}
      />
      <Card withBorder padding="lg" mb="lg" component="section" aria-label={t('plan.header.label')}>
        <Stack gap="md">
          <PhaseStepper phase={plan.phase} cancelled={plan.cancelled} />
          <Group gap="xs">
            <PlanBadges plan={plan} />
            {plan.approvedVersion > 0 && (
              <Badge variant="outline" color="gray" size="sm">
                {t('plan.header.version', { version: plan.approvedVersion })}
              </Badge>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" component="dl" m={0}>
            <Fact label={t('pop.parties.employee')}>{plan.employee.name}</Fact>
            <Fact label={t('pop.parties.manager')}>{plan.manager.name}</Fact>
            <Fact label={t('plan.header.period')}>{periodText(plan)}</Fact>
            <Fact label={t('plan.header.conversation')}>
              <Group gap={6} component="span">
                <span>
                  {plan.conversationAt ? formatDateTime(plan.conversationAt, tz) : t('plan.header.noDate')}
                </span>
                {plan.permissions.canPlanConversation && (
                  <Button size="compact-xs" variant="subtle" onClick={dateModal.open}>
                    {plan.conversationAt ? t('plan.header.changeDate') : t('plan.header.planDate')}
                  </Button>
                )}
                {plan.conversationAt &&
                  plan.myParty &&
                  !plan.cancelled &&
                  Date.parse(plan.conversationAt) > Date.now() && (
                    <IcsLink planId={plan.id} kind="conversation" />
                  )}
              </Group>
            </Fact>
            {(plan.phase === 'preparation' || plan.phase === 'conversation') && (
              <>
                <Fact label={t('plan.header.exchangeDeadline')}>
                  {plan.exchangeDeadline ? formatDate(plan.exchangeDeadline) : t('plan.header.noDate')}
                </Fact>
                <Fact label={t('plan.header.preparationOf', { name: plan.employee.name })}>
                  <SharedState shared={plan.employeeShared} />
                </Fact>
                <Fact label={t('plan.header.preparationOf', { name: plan.manager.name })}>
                  <SharedState shared={plan.managerShared} />
                </Fact>
              </>
            )}
            {agreeing && (
              <>
                <Fact label={t('plan.header.approvalOf', { name: plan.employee.name })}>
                  {approval(plan.employeeApprovedAt)}
                </Fact>
                <Fact label={t('plan.header.approvalOf', { name: plan.manager.name })}>
                  {approval(plan.managerApprovedAt)}
                </Fact>
              </>
            )}
            {plan.closedAt && <Fact label={t('plan.header.closedAt')}>{dayOf(plan.closedAt, tz)}</Fact>}
          </SimpleGrid>
          {plan.disputed && (
            <Alert color="red" title={t('plan.header.disputedTitle')}>
              <Text size="sm">{t('plan.header.disputedBody')}</Text>
              {plan.disagreementComment && (
                <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
                  {t('plan.header.disputedComment', { comment: plan.disagreementComment })}
                </Text>
              )}
            </Alert>
          )}
          {plan.revisionOpen && (
            <Alert color="orange" title={t('plan.header.revisionTitle')}>
              {t('plan.header.revisionBody', { version: plan.approvedVersion })}
            </Alert>
          )}
          <PlanEventButtons plan={plan} cache={cache} />
          {(plan.previousPlanId || plan.nextPlanId) && (
            <Group gap="md">
              {plan.previousPlanId && (
                <Anchor component={Link} to={`/plans/${plan.previousPlanId}`} size="sm">
                  {t('plan.header.previous')}
                </Anchor>
              )}
              {plan.nextPlanId && (
                <Anchor component={Link} to={`/plans/${plan.nextPlanId}`} size="sm">
                  {t('plan.header.next')}
                </Anchor>
              )}
            </Group>
          )}
        </Stack>
      </Card>
      <AppModal opened={dateOpened} onClose={dateModal.close} title={t('plan.header.dateTitle')}>
        {dateOpened && (
          <Suspense fallback={<Skeleton height={160} />}>
            <ConversationDateForm plan={plan} cache={cache} onDone={dateModal.close} />
          </Suspense>
        )}
      </AppModal>
    </>
  );
}
