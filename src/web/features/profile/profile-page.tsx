import { Button, Group, Paper, PasswordInput, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Locale, locales } from '../../../shared/i18n/locales.js';
import { roles as allRoles } from '../../../shared/roles.js';
import { api } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import { useMe } from '../../app/session.js';
import { FormAlert } from '../../components/form-alert.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { PageHeader } from '../../components/page-header.js';
import { NewPasswordFields } from '../../components/password-fields.js';
import { useRules } from '../../components/rules.js';
import { applyServerErrors, type SubmitFailure } from '../../components/server-errors.js';
import { switchLocale } from '../../i18n/i18n.js';
import { CalendarFeedSection } from '../notifications/calendar-feed.js';
import { EmailPreferencesSection } from '../notifications/email-preferences.js';
import { DataExportCard } from '../privacy/data-export-card.js';

function LanguageSection() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (locale: Locale) => api.auth.updateMe({ locale }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(queryKeys.me, updated);
      await switchLocale(updated.person.locale);
      notifySuccess(t, t('profile.languageSaved'));
    },
    onError: (error) => notifyError(t, error),
  });
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="language-heading">
      <Title order={2} fz="h4" id="language-heading">
        {t('profile.language')}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="sm" id="language-hint">
        {t('profile.languageHint')}
      </Text>
      <SegmentedControl
        value={me.person.locale}
        onChange={(value) => change.mutate(value as Locale)}
        disabled={change.isPending}
        aria-labelledby="language-heading"
        aria-describedby="language-hint"
        data={locales.map((l) => ({ value: l, label: t(`locales.${l}`) }))}
      />
    </Paper>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const rules = useRules();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', passwordRepeat: '' },
    validate: {
      currentPassword: rules.required(128),
      newPassword: rules.password,
      passwordRepeat: (value, values) => rules.sameAs(values.newPassword)(value),
    },
  });
  const change = useMutation({
    mutationFn: (values: { currentPassword: string; newPassword: string }) =>
      api.auth.changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
    onSuccess: (me) => {
      queryClient.setQueryData(queryKeys.me, me);
      form.reset();
      notifySuccess(t, t('profile.passwordChanged'));
    },
    onError: (error) => setFailure(applyServerErrors(form, error, t)),
  });
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="password-heading">
      <Title order={2} fz="h4" id="password-heading">
        {t('profile.password')}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="sm">
        {t('profile.passwordHint')}
      </Text>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFailure(null);
          change.mutate(values);
        })}
      >
        <Stack gap="sm">
          <FormAlert failure={failure} />
          <PasswordInput
            label={t('profile.currentPassword')}
            autoComplete="current-password"
            required
            {...form.getInputProps('currentPassword')}
          />
          <NewPasswordFields
            password={form.getInputProps('newPassword')}
            repeat={form.getInputProps('passwordRepeat')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              {t('profile.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  const roleNames = allRoles
    .filter((r) => me.person.roles.includes(r))
    .map((r) => t(`roles.${r}`))
    .join(', ');
  return (
    <Stack maw={720} gap="lg">
      <PageHeader
        title={t('profile.title')}
        description={t('profile.intro', {
          name: `${me.person.firstName} ${me.person.lastName}`,
          email: me.person.email,
          roles: roleNames,
        })}
      />
      <LanguageSection />
      <EmailPreferencesSection />
      <CalendarFeedSection />
      <PasswordSection />
      <DataExportCard />
    </Stack>
  );
}
