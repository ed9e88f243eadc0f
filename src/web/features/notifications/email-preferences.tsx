import { Badge, Paper, SegmentedControl, Skeleton, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PreferenceItem } from '../../../shared/contracts/notifications.js';
import type { DeliveryMode } from '../../../shared/notifications/kinds.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { QueryError } from '../../components/query-error.js';
import { ResponsiveTable } from '../../components/table-scroll.js';
import { notificationKeys, notificationsApi } from './notifications-api.js';

/** Profile section: per kind of email, at once, in the weekly digest, or off (mandatory kinds stay at once). */
export function EmailPreferencesSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const preferences = useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: notificationsApi.preferences,
  });
  const save = useMutation({
    mutationFn: (item: { kind: PreferenceItem['kind']; mode: DeliveryMode }) =>
      notificationsApi.savePreferences({ items: [item] }),
    onSuccess: (answer) => {
      queryClient.setQueryData(notificationKeys.preferences, answer);
      notifySuccess(t, t('notifications.preferences.saved'));
    },
    onError: (error) => notifyError(t, error),
  });
  const items = preferences.data?.items ?? [];
  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby="emails-heading"
      id="emails"
    >
      <Title order={2} fz="h4" id="emails-heading">
        {t('notifications.preferences.title')}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="sm">
        {t('notifications.preferences.intro')}
      </Text>
      {preferences.isPending && <Skeleton height={260} />}
      {preferences.isError && (
        <QueryError error={preferences.error} onRetry={() => void preferences.refetch()} />
      )}
      {items.length > 0 && (
        <ResponsiveTable label={t('notifications.preferences.tableLabel')} minWidth={520}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('notifications.preferences.kind')}</Table.Th>
              <Table.Th scope="col">{t('notifications.preferences.mode')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => {
              const label = t(`notifications.kinds.${item.kind}.label`);
              return (
                <Table.Tr key={item.kind}>
                  <Table.Th scope="row" fw={500}>
                    {label}
                    {item.mandatory && (
                      <Badge
                        ml="xs"
                        size="sm"
                        variant="light"
                        color="gray"
                        title={t('notifications.preferences.mandatoryHint')}
                      >
                        {t('notifications.preferences.mandatory')}
                      </Badge>
                    )}
                  </Table.Th>
                  <Table.Td>
                    {item.mandatory ? (
                      <Text size="sm">{t('notifications.preferences.mandatoryHint')}</Text>
                    ) : (
                      <SegmentedControl
                        size="xs"
                        value={item.mode}
                        disabled={save.isPending}
                        onChange={(value) => save.mutate({ kind: item.kind, mode: value as DeliveryMode })}
                        aria-label={t('notifications.preferences.modeLabel', { kind: label })}
                        data={item.modes.map((mode) => ({
                          value: mode,
                          label: t(`notifications.preferences.modes.${mode}`),
                        }))}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ResponsiveTable>
      )}
    </Paper>
  );
}
