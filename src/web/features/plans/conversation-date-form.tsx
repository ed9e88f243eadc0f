import '@mantine/dates/styles.css';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../shared/contracts/plans.js';
import { dateIn, zonedTimeToUtc } from '../../../shared/pop/dates.js';
import { api, isAppError } from '../../api/client.js';
import { useMe } from '../../app/session.js';
import { DateField } from '../../components/date-field.js';
import { errorMessage } from '../../components/error-message.js';
import type { InputProps } from '../../components/form-types.js';
import { notifySuccess } from '../../components/notify.js';
import { formatTime } from '../../i18n/format.js';
import type { PlanCache } from './use-plan.js';

/** The date and time of the POP conversation, set from the plan's header. */
export function ConversationDateForm({
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
