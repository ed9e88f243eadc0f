import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, isAppError, type LoginInput } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import { safeNextPath, useSignedIn } from '../../app/session.js';
import { FormAlert } from '../../components/form-alert.js';
import { useDocumentTitle } from '../../components/page-header.js';
import { useRules } from '../../components/rules.js';
import { applyServerErrors, type SubmitFailure } from '../../components/server-errors.js';

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.login.title'));
  const rules = useRules();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const signedIn = useSignedIn();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const form = useForm<LoginInput>({
    initialValues: { email: '', password: '' },
    validate: { email: rules.email, password: rules.required(128) },
  });
  const login = useMutation({
    mutationFn: api.auth.login,
    onSuccess: (me) => {
      signedIn(me);
      void navigate(safeNextPath(params.get('next')), { replace: true });
    },
    onError: (error) => {
      if (isAppError(error, 'CSRF_FAILED')) {
        // Signed in meanwhile in another tab: the session guard takes over.
        void queryClient.invalidateQueries({ queryKey: queryKeys.me });
      }
      setFailure(applyServerErrors(form, error, t));
      form.setFieldValue('password', '');
    },
  });
  const wasRedirected = params.has('next');

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFailure(null);
        login.mutate(values);
      })}
    >
      <Stack gap="md">
        <div>
          <Title order={1} fz="h2">
            {t('auth.login.title')}
          </Title>
          <Text c="dimmed" mt={4}>
            {wasRedirected ? t('auth.login.sessionEnded') : t('auth.login.intro')}
          </Text>
        </div>
        <FormAlert failure={failure} title={t('auth.login.failed')} />
        <TextInput
          label={t('common.fields.email')}
          type="email"
          required
          autoComplete="username"
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label={t('common.fields.password')}
          required
          autoComplete="current-password"
          {...form.getInputProps('password')}
        />
        <Group justify="space-between" align="center">
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('auth.login.forgot')}
          </Anchor>
          <Button type="submit" loading={login.isPending}>
            {t('auth.login.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
