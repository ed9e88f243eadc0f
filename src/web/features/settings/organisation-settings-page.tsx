import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../shared/contracts/auth.js';
import type { Organisation } from '../../../shared/contracts/organisation.js';
import { type Locale, locales } from '../../../shared/i18n/locales.js';
import { type Country, countries } from '../../../shared/roles.js';
import { timeZones } from '../../../shared/time-zones.js';
import { api } from '../../api/client.js';
import { useOrganisation } from '../../api/hooks.js';
import { queryKeys } from '../../api/query-keys.js';
import { ConflictAlert, useVersionGuard } from '../../components/conflict-alert.js';
import { FormAlert } from '../../components/form-alert.js';
import { notifySuccess } from '../../components/notify.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useRules } from '../../components/rules.js';
import { applyServerErrors, type SubmitFailure } from '../../components/server-errors.js';
import { MandatoryEmailsSection } from '../notifications/mandatory-emails.js';

export function OrganisationSettingsPage() {
  const { t } = useTranslation();
  const organisation = useOrganisation();
  return (
    <Stack maw={720}>
      <PageHeader title={t('settings.title')} description={t('settings.intro')} />
      {organisation.isPending && <Skeleton height={300} />}
      {organisation.isError && (
        <QueryError error={organisation.error} onRetry={() => void organisation.refetch()} />
      )}
      {organisation.isSuccess && (
        <OrganisationForm
          organisation={organisation.data}
          fetchLatest={async () => (await organisation.refetch({ throwOnError: true })).data}
        />
      )}
      <MandatoryEmailsSection />
    </Stack>
  );
}

interface OrganisationValues {
  name: string;
  country: Country;
  locale: Locale;
  timeZone: string;
  hrSeesPlanContent: boolean;
  exchangeDays: number | string;
}

function OrganisationForm({
  organisation,
  fetchLatest,
}: {
  organisation: Organisation;
  fetchLatest: () => Promise<Organisation | undefined>;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const queryClient = useQueryClient();
  const guard = useVersionGuard<Organisation>(organisation.version, fetchLatest);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const form = useForm<OrganisationValues>({
    initialValues: {
      name: organisation.name,
      country: organisation.country,
      locale: organisation.locale,
      timeZone: organisation.timeZone,
      hrSeesPlanContent: organisation.hrSeesPlanContent,
      exchangeDays: organisation.exchangeDays,
    },
    validate: {
      name: rules.required(200),
      timeZone: rules.requiredChoice,
      exchangeDays: (value) =>
        value === '' || !Number.isInteger(Number(value)) || Number(value) < 0 || Number(value) > 60
          ? t('settings.fields.exchangeDaysRange')
          : null,
    },
  });
  const save = useMutation({
    mutationFn: (values: OrganisationValues) =>
      api.organisation.update({
        name: values.name.trim(),
        country: values.country,
        locale: values.locale,
        timeZone: values.timeZone as (typeof timeZones)[number],
        hrSeesPlanContent: values.hrSeesPlanContent,
        exchangeDays: Number(values.exchangeDays),
        version: guard.version,
      }),
    onSuccess: (saved, values) => {
      guard.saved(saved);
      form.resetDirty(values);
      queryClient.setQueryData(queryKeys.organisation, saved);
      queryClient.setQueryData<Me | null>(queryKeys.me, (me) =>
        me
          ? {
              ...me,
              organisation: {
                ...me.organisation,
                name: saved.name,
                country: saved.country,
                timeZone: saved.timeZone,
              },
            }
          : me,
      );
      notifySuccess(t, t('settings.saved'));
    },
    onError: (error) => {
      setFailure(applyServerErrors(form, error, t));
      guard.failed(error);
    },
  });
  const zoneOptions = [...new Set<string>([...timeZones, organisation.timeZone])].map((zone) => ({
    value: zone,
    label: zone.replace('_', ' '),
  }));

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFailure(null);
          save.mutate(values);
        })}
      >
        <Stack gap="md">
          <ConflictAlert
            guard={guard}
            differences={(latest) => [
              {
                label: t('settings.fields.name'),
                theirs: latest.name,
                changed: latest.name !== form.values.name.trim(),
              },
              {
                label: t('common.fields.country'),
                theirs: t(`countries.${latest.country}`),
                changed: latest.country !== form.values.country,
              },
              {
                label: t('settings.fields.locale'),
                theirs: t(`locales.${latest.locale}`),
                changed: latest.locale !== form.values.locale,
              },
              {
                label: t('settings.fields.timeZone'),
                theirs: latest.timeZone,
                changed: latest.timeZone !== form.values.timeZone,
              },
              {
                label: t('settings.fields.hrSeesPlanContent'),
                theirs: latest.hrSeesPlanContent ? t('settings.fields.on') : t('settings.fields.off'),
                changed: latest.hrSeesPlanContent !== form.values.hrSeesPlanContent,
              },
              {
                label: t('settings.fields.exchangeDays'),
                theirs: String(latest.exchangeDays),
                changed: latest.exchangeDays !== Number(form.values.exchangeDays),
              },
            ]}
          />
          <FormAlert failure={failure} />
          <TextInput label={t('settings.fields.name')} required {...form.getInputProps('name')} />
          <Select
            label={t('common.fields.country')}
            description={t('settings.fields.countryHint')}
            data={countries.map((c) => ({ value: c, label: t(`countries.${c}`) }))}
            allowDeselect={false}
            {...form.getInputProps('country')}
          />
          <Select
            label={t('settings.fields.locale')}
            description={t('settings.fields.localeHint')}
            data={locales.map((l) => ({ value: l, label: t(`locales.${l}`) }))}
            allowDeselect={false}
            {...form.getInputProps('locale')}
          />
          <Select
            label={t('settings.fields.timeZone')}
            description={t('settings.fields.timeZoneHint')}
            data={zoneOptions}
            allowDeselect={false}
            {...form.getInputProps('timeZone')}
          />
          <Title order={2} fz="h4" mt="sm">
            {t('settings.popSection')}
          </Title>
          <NumberInput
            label={t('settings.fields.exchangeDays')}
            description={t('settings.fields.exchangeDaysHint')}
            min={0}
            max={60}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('exchangeDays')}
          />
          <Switch
            label={t('settings.fields.hrSeesPlanContent')}
            description={t('settings.fields.hrSeesPlanContentHint')}
            {...form.getInputProps('hrSeesPlanContent', { type: 'checkbox' })}
          />
          {organisation.isDemo && (
            <Text size="sm" c="dimmed">
              {t('settings.demoNote')}
            </Text>
          )}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('common.version', { version: guard.version })}
            </Text>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
