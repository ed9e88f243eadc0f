import { Button, Checkbox, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type NotificationKind, notificationKinds } from '../../../shared/notifications/kinds.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { QueryError } from '../../components/query-error.js';
import { notificationKeys, notificationsApi } from './notifications-api.js';

/** Organisation settings (beheerder): the emails everyone receives at once, whatever their own choice. */
export function MandatoryEmailsSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: notificationKeys.settings, queryFn: notificationsApi.settings });
  const [chosen, setChosen] = useState<NotificationKind[]>([]);
  useEffect(() => {
    if (settings.data) setChosen(settings.data.mandatoryKinds);
  }, [settings.data]);
  const save = useMutation({
    mutationFn: () =>
      notificationsApi.saveSettings({ mandatoryKinds: chosen, version: settings.data?.version ?? 1 }),
    onSuccess: async (answer) => {
      queryClient.setQueryData(notificationKeys.settings, answer);
      await queryClient.invalidateQueries({ queryKey: notificationKeys.preferences });
      notifySuccess(t, t('notifications.settings.saved'));
    },
    onError: async (error) => {
      notifyError(t, error);
      await settings.refetch();
    },
  });
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="mandatory-heading">
      <Title order={2} fz="h4" id="mandatory-heading">
        {t('notifications.settings.title')}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="sm" id="mandatory-hint">
        {t('notifications.settings.intro')}
      </Text>
      {settings.isPending && <Skeleton height={200} />}
      {settings.isError && <QueryError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.isSuccess && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          <Stack gap="sm">
            <Checkbox.Group
              value={chosen}
              onChange={(values) => setChosen(notificationKinds.filter((k) => values.includes(k)))}
              aria-labelledby="mandatory-heading"
              aria-describedby="mandatory-hint"
            >
              <Stack gap={6} mt={4}>
                {notificationKinds.map((kind) => (
                  <Checkbox key={kind} value={kind} label={t(`notifications.kinds.${kind}.label`)} />
                ))}
              </Stack>
            </Checkbox.Group>
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t('notifications.settings.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
