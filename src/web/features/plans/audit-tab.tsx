import { Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../shared/contracts/plans.js';
import { useMe } from '../../app/session.js';
import { QueryError } from '../../components/query-error.js';
import { usePlanAudit } from '../audit/audit-api.js';
import { AuditTable } from '../audit/audit-table.js';

/** Who saw and changed this plan: the readers for its employee, the changes for both parties. */
export function AuditTab({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const audit = usePlanAudit(plan.id);
  const events = audit.data?.pages.flatMap((page) => page.items) ?? [];
  const includesReads = audit.data?.pages[0]?.includesReads ?? plan.myParty === 'employee';
  return (
    <section aria-labelledby="audit-heading">
      <Stack gap="sm">
        <Title order={2} fz="h3" id="audit-heading">
          {t('audit.planTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {includesReads ? t('audit.planIntroEmployee') : t('audit.planIntroManager')}
        </Text>
        {audit.isPending && <Skeleton height={200} />}
        {audit.isError && <QueryError error={audit.error} onRetry={() => void audit.refetch()} />}
        {audit.isSuccess && events.length === 0 && <Text>{t('audit.empty')}</Text>}
        {events.length > 0 && (
          <AuditTable
            events={events}
            timeZone={me.organisation.timeZone}
            hasMore={audit.hasNextPage}
            loadingMore={audit.isFetchingNextPage}
            onLoadMore={() => void audit.fetchNextPage()}
          />
        )}
      </Stack>
    </section>
  );
}
