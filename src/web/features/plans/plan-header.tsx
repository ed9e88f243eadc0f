import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanDetail } from '../../../shared/contracts/plans.js';
import { dateIn, zonedTimeToUtc } from '../../../shared/pop/dates.js';
import { api, isAppError } from '../../api/client.js';
import { useMe } from '../../app/session.js';
import { AppModal } from '../../components/app-modal.js';
import { DateField } from '../../components/date-field.js';
import { errorMessage } from '../../components/error-message.js';
import type { InputProps } from '../../components/form-types.js';
import { notifySuccess } from '../../components/notify.js';
import { PageHeader } from '../../components/page-header.js';
import { formatDate, formatDateTime, formatTime } from '../../i18n/format.js';
import { documentUrls, PdfDownloadButton } from '../documents/pdf-download.js';
import { IcsLink } from '../notifications/ics-link.js';
import { PhaseStepper, PlanBadges } from './plan-badges.js';
import { PlanEventButtons } from './plan-events.js';
import { dayOf, periodText } from './plan-labels.js';
import type { PlanCache } from './use-plan.js';

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
        {dateOpened && <ConversationDateForm plan={plan} cache={cache} onDone={dateModal.close} />}
      </AppModal>
    </>
  );
}

function ConversationDateForm({
  plan,
  cache,
  onDone,
}: {
  plan: PlanDetail;
  cache: PlanCache;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const tz = me.organisation.timeZone;
  const at = plan.conversationAt ? new Date(plan.conversationAt) : null;
  const [date, setDate] = useState<string | null>(at ? dateIn(tz, at) : null);
  const [time, setTime] = useState(at ? formatTime(at, tz) : '10:00');
  const save = useMutation({
    mutationFn: () =>
      api.plans.update(plan.id, {
        conversationAt: date ? zonedTimeToUtc(date, time || '09:00', tz).toISOString() : null,
        version: plan.version,
      }),
    onSuccess: (next) => {
      cache.set(next);
      notifySuccess(t, t('plan.header.dateSaved'));
      onDone();
    },
    onError: (error) => {
      if (isAppError(error, 'VERSION_CONFLICT')) void cache.refresh();
    },
  });
  const dateProps = { value: date, onChange: (v: string | null) => setDate(v) } as unknown as InputProps;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('plan.header.dateHint')}</Text>
        <DateField label={t('plan.header.date')} inputProps={dateProps} />
        <TimeInput
          label={t('plan.header.time')}
          value={time}
          onChange={(e) => setTime(e.currentTarget.value)}
          disabled={!date}
        />
        {save.isError && (
          <Alert color="red" role="alert">
            {errorMessage(save.error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
