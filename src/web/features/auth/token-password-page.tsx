import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, isAppError } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import { useSignedIn } from '../../app/session.js';
import { errorMessage } from '../../components/error-message.js';
import { FormAlert } from '../../components/form-alert.js';
import { FullPageLoader } from '../../components/full-page-loader.js';
import { useDocumentTitle } from '../../components/page-header.js';
import { NewPasswordFields } from '../../components/password-fields.js';
import { useRules } from '../../components/rules.js';
import { applyServerErrors, type SubmitFailure } from '../../components/server-errors.js';

/** Choosing a password through a link: the invitation (welcome) or a password reset. */
export function TokenPasswordPage({ purpose }: { purpose: 'invitation' | 'reset' }) {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const rules = useRules();
  const navigate = useNavigate();
  const signedIn = useSignedIn();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const info = useQuery({
    queryKey: queryKeys.token(token),
    queryFn: () => api.auth.tokenInfo(token),
    retry: false,
  });
  const form = useForm({
    initialValues: { password: '', passwordRepeat: '' },
    validate: {
      password: rules.password,
      passwordRepeat: (value, values) => rules.sameAs(values.password)(value),
    },
  });
  const choose = useMutation({
    mutationFn: (password: string) => api.auth.setPasswordWithToken({ token, password }),
    onSuccess: (me) => {
      signedIn(me);
      void navigate('/', { replace: true });
    },
    onError: (error) =>
      setFailure(applyServerErrors(form, error, t, { labels: { token: t('auth.token.link') } })),
  });
  const effectivePurpose = info.data?.purpose ?? purpose;
  const title =
    effectivePurpose === 'invitation' && info.data
      ? t('auth.welcome.title', { firstName: info.data.firstName, organisation: info.data.organisationName })
      : effectivePurpose === 'invitation'
        ? t('auth.welcome.genericTitle')
        : t('auth.reset.title');
  useDocumentTitle(title);

  if (info.isPending) return <FullPageLoader />;
  if (info.isError) {
    const invalid = isAppError(info.error, 'TOKEN_INVALID') || isAppError(info.error, 'VALIDATION_FAILED');
    return (
      <Stack gap="md">
        <Title order={1} fz="h2">
          {title}
        </Title>
        <Alert color="red" title={t('auth.token.invalidTitle')} role="alert">
          {invalid ? t('errors.TOKEN_INVALID') : errorMessage(info.error, t)}
        </Alert>
        <Text size="sm">
          {effectivePurpose === 'invitation' ? t('auth.token.askNewInvitation') : t('auth.token.askNewReset')}
        </Text>
        <Anchor component={Link} to={effectivePurpose === 'invitation' ? '/login' : '/forgot-password'}>
          {effectivePurpose === 'invitation' ? t('auth.backToLogin') : t('auth.token.requestNew')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFailure(null);
        choose.mutate(values.password);
      })}
    >
      <Stack gap="md">
        <div>
          <Title order={1} fz="h2">
            {title}
          </Title>
          <Text c="dimmed" mt={4}>
            {effectivePurpose === 'invitation'
              ? t('auth.welcome.intro', { organisation: info.data.organisationName })
              : t('auth.reset.intro', { firstName: info.data.firstName })}
          </Text>
        </div>
        <FormAlert failure={failure} title={t('auth.token.failed')} />
        <NewPasswordFields
          password={form.getInputProps('password')}
          repeat={form.getInputProps('passwordRepeat')}
        />
        <Button type="submit" loading={choose.isPending}>
          {effectivePurpose === 'invitation' ? t('auth.welcome.submit') : t('auth.reset.submit')}
        </Button>
      </Stack>
    </form>
  );
}
