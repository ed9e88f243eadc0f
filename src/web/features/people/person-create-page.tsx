import { Anchor, Button, Group, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { fullName } from '../../../shared/text.js';
import { api } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import { useMe } from '../../app/session.js';
import { FormAlert } from '../../components/form-alert.js';
import { notifySuccess } from '../../components/notify.js';
import { PageHeader } from '../../components/page-header.js';
import { applyServerErrors, type SubmitFailure } from '../../components/server-errors.js';
import { PersonFormFields } from './person-form.js';
import { emptyPersonValues, type PersonFormValues, valuesToBody } from './person-form-values.js';
import { usePersonForm } from './use-person-form.js';

export function PersonCreatePage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const form = usePersonForm(
    emptyPersonValues({ country: me.organisation.country, locale: me.person.locale }),
  );
  const create = useMutation({
    mutationFn: (values: PersonFormValues) =>
      api.people.create({ ...valuesToBody(values), invite: values.invite }),
    onSuccess: (person, values) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.people });
      void queryClient.invalidateQueries({ queryKey: queryKeys.teams });
      void queryClient.invalidateQueries({ queryKey: queryKeys.functions });
      notifySuccess(
        t,
        values.invite
          ? t('people.created.invited', { name: fullName(person), email: person.email })
          : t('people.created.body', { name: fullName(person) }),
        t('people.created.title'),
      );
      void navigate(`/people/${person.id}`);
    },
    onError: (error) => setFailure(applyServerErrors(form, error, t)),
  });

  return (
    <Stack maw={900}>
      <Anchor component={Link} to="/people" size="sm">
        {t('people.backToList')}
      </Anchor>
      <PageHeader title={t('people.create.title')} description={t('people.create.intro')} />
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFailure(null);
          create.mutate(values);
        })}
      >
        <Stack gap="lg">
          <FormAlert failure={failure} />
          <PersonFormFields form={form} mode="create" canGrantAllRoles={me.capabilities.manageOrganisation} />
          <Group justify="flex-end">
            <Button component={Link} to="/people" variant="default">
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('people.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
