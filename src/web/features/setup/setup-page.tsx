import { Button, Fieldset, Group, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Country } from '../../../shared/roles.js';
import { countries } from '../../../shared/roles.js';
import { api, type SetupStatus } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import { useSignedIn } from '../../app/session.js';
import { FormAlert } from '../../components/form-alert.js';
import { useDocumentTitle } from '../../components/page-header.js';
import { NewPasswordFields } from '../../components/password-fields.js';
import { useRules } from '../../components/rules.js';
import { applyServerErrors, type SubmitFailure } from '../../components/server-errors.js';

interface SetupValues {
  organisation: { name: string; country: Country };
  admin: { firstName: string; lastName: string; email: string; password: string };
  passwordRepeat: string;
}

export function SetupPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('setup.title'));
  const rules = useRules();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const signedIn = useSignedIn();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const form = useForm<SetupValues>({
    initialValues: {
      organisation: { name: '', country: 'BE' },
      admin: { firstName: '', lastName: '', email: '', password: '' },
      passwordRepeat: '',
    },
    validate: {
      organisation: { name: rules.required(200) },
      admin: {
        firstName: rules.required(100),
        lastName: rules.required(100),
        email: rules.email,
        password: rules.password,
      },
      passwordRepeat: (value, values) => rules.sameAs(values.admin.password)(value),
    },
  });
  const setup = useMutation({
    mutationFn: (values: SetupValues) =>
      api.setup.run({ organisation: values.organisation, admin: values.admin }),
    onSuccess: (me) => {
      queryClient.setQueryData<SetupStatus>(queryKeys.setup, (prev) => ({
        needsSetup: false,
        demo: prev?.demo ?? false,
      }));
      signedIn(me);
      void navigate('/', { replace: true });
    },
    onError: (error) => setFailure(applyServerErrors(form, error, t)),
  });

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFailure(null);
        setup.mutate(values);
      })}
    >
      <Stack gap="lg">
        <div>
          <Title order={1} fz="h2">
            {t('setup.title')}
          </Title>
          <Text c="dimmed" mt={4}>
            {t('setup.intro')}
          </Text>
        </div>
        <FormAlert failure={failure} title={t('setup.failed')} />
        <Fieldset legend={t('setup.organisation')}>
          <Stack gap="sm">
            <TextInput
              label={t('setup.organisationName')}
              description={t('setup.organisationNameHint')}
              required
              autoComplete="organization"
              {...form.getInputProps('organisation.name')}
            />
            <Radio.Group
              label={t('common.fields.country')}
              required
              {...form.getInputProps('organisation.country')}
            >
              <Group mt={6}>
                {countries.map((c) => (
                  <Radio key={c} value={c} label={t(`countries.${c}`)} />
                ))}
              </Group>
            </Radio.Group>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('setup.admin')}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('setup.adminHint')}
            </Text>
            <Group grow wrap="wrap" align="flex-start">
              <TextInput
                label={t('common.fields.firstName')}
                required
                autoComplete="given-name"
                miw={180}
                {...form.getInputProps('admin.firstName')}
              />
              <TextInput
                label={t('common.fields.lastName')}
                required
                autoComplete="family-name"
                miw={180}
                {...form.getInputProps('admin.lastName')}
              />
            </Group>
            <TextInput
              label={t('common.fields.email')}
              type="email"
              required
              autoComplete="email"
              {...form.getInputProps('admin.email')}
            />
            <NewPasswordFields
              passwordLabel={t('common.fields.password')}
              password={form.getInputProps('admin.password')}
              repeat={form.getInputProps('passwordRepeat')}
            />
          </Stack>
        </Fieldset>
        <Button type="submit" loading={setup.isPending} size="md">
          {t('setup.submit')}
        </Button>
      </Stack>
    </form>
  );
}
