import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.js';
import { FormAlert } from '../../components/form-alert.js';
import { useDocumentTitle } from '../../components/page-header.js';
import { useRules } from '../../components/rules.js';
import { applyServerErrors, type SubmitFailure } from '../../components/server-errors.js';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.forgot.title'));
  const rules = useRules();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const form = useForm({ initialValues: { email: '' }, validate: { email: rules.email } });
  const request = useMutation({
    mutationFn: api.auth.requestPasswordReset,
    onError: (error) => setFailure(applyServerErrors(form, error, t)),
  });

  if (request.isSuccess) {
    return (
      <Stack gap="md">
        <Title order={1} fz="h2">
          {t('auth.forgot.title')}
        </Title>
        <Alert color="groeipad" title={t('auth.forgot.sentTitle')} role="status">
          {t('auth.forgot.sent', { email: form.values.email })}
        </Alert>
        <Anchor component={Link} to="/login">
          {t('auth.backToLogin')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFailure(null);
        request.mutate(values);
      })}
    >
      <Stack gap="md">
        <div>
          <Title order={1} fz="h2">
            {t('auth.forgot.title')}
          </Title>
          <Text c="dimmed" mt={4}>
            {t('auth.forgot.intro')}
          </Text>
        </div>
        <FormAlert failure={failure} title={t('auth.forgot.failed')} />
        <TextInput
          label={t('common.fields.email')}
          type="email"
          required
          autoComplete="email"
          {...form.getInputProps('email')}
        />
        <Button type="submit" loading={request.isPending}>
          {t('auth.forgot.submit')}
        </Button>
        <Anchor component={Link} to="/login" size="sm">
          {t('auth.backToLogin')}
        </Anchor>
      </Stack>
    </form>
  );
}
