import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../shared/contracts/organisation.js';
import { api } from '../../api/client.js';
import { usePeopleOptions, useTeams } from '../../api/hooks.js';
import { queryKeys } from '../../api/query-keys.js';
import { ConflictAlert, textDifferences, useVersionGuard } from '../../components/conflict-alert.js';
import { FormAlert } from '../../components/form-alert.js';
import { GrowingTextarea } from '../../components/growing-textarea.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { activeOptions, personOptions } from '../../components/options.js';
import { useRules } from '../../components/rules.js';
import { applyServerErrors, type SubmitFailure } from '../../components/server-errors.js';

interface TeamValues {
  name: string;
  description: string;
  parentId: string | null;
  managerId: string | null;
}

interface TeamFormProps {
  team: Team | null;
  onDone: () => void;
}

export function TeamForm({ team, onDone }: TeamFormProps) {
  const { t } = useTranslation();
  const rules = useRules();
  const queryClient = useQueryClient();
  const teams = useTeams();
  const people = usePeopleOptions();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const guard = useVersionGuard<Team>(team?.version ?? 1, async () =>
    team
      ? queryClient.fetchQuery({
          queryKey: queryKeys.team(team.id),
          queryFn: () => api.teams.get(team.id),
          staleTime: 0,
        })
      : undefined,
  );
  const form = useForm<TeamValues>({
    initialValues: {
      name: team?.name ?? '',
      description: team?.description ?? '',
      parentId: team?.parentId ?? null,
      managerId: team?.managerId ?? null,
    },
    validate: { name: rules.required(120), description: rules.optional(2000) },
  });
  const hasChildren = !!team && (teams.data?.items ?? []).some((other) => other.parentId === team.id);
  const parentOptions = activeOptions(
    (teams.data?.items ?? []).filter((other) => other.parentId === null),
    {
      id: team?.parentId ?? null,
      name: teams.data?.items.find((o) => o.id === team?.parentId)?.name ?? null,
    },
    team?.id,
  );

  const done = (saved: Team, message: string) => {
    guard.saved(saved);
    void queryClient.invalidateQueries({ queryKey: queryKeys.teams });
    void queryClient.invalidateQueries({ queryKey: queryKeys.people });
    notifySuccess(t, message);
    onDone();
  };

  const save = useMutation({
    mutationFn: (values: TeamValues) => {
      const body = {
        name: values.name.trim(),
        description: values.description.trim() || null,
        parentId: values.parentId,
        managerId: values.managerId,
      };
      return team ? api.teams.update(team.id, { ...body, version: guard.version }) : api.teams.create(body);
    },
    onSuccess: (saved) => done(saved, t(team ? 'teams.saved' : 'teams.created', { name: saved.name })),
    onError: (error) => {
      setFailure(applyServerErrors(form, error, t));
      guard.failed(error);
    },
  });

  const toggleActive = useMutation({
    mutationFn: (active: boolean) => api.teams.update(team?.id ?? '', { active, version: guard.version }),
    onSuccess: (saved) =>
      done(saved, t(saved.active ? 'teams.reactivated' : 'teams.deactivated', { name: saved.name })),
    onError: (error) => {
      guard.failed(error);
      notifyError(t, error);
    },
  });

  return (
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
            ...textDifferences(
              { name: t('common.fields.name'), description: t('common.fields.description') },
              latest,
              form.values,
            ),
            {
              label: t('teams.fields.parent'),
              theirs: teams.data?.items.find((o) => o.id === latest.parentId)?.name ?? '',
              changed: latest.parentId !== form.values.parentId,
            },
            {
              label: t('common.fields.manager'),
              theirs: latest.managerName ?? '',
              changed: latest.managerId !== form.values.managerId,
            },
          ]}
        />
        <FormAlert failure={failure} />
        <TextInput label={t('common.fields.name')} required {...form.getInputProps('name')} />
        <GrowingTextarea
          label={t('common.fields.description')}
          minRows={2}
          maxRows={8}
          {...form.getInputProps('description')}
        />
        <Select
          label={t('teams.fields.parent')}
          description={hasChildren ? t('teams.fields.parentHasChildren') : t('teams.fields.parentHint')}
          data={parentOptions}
          placeholder={t('teams.fields.noParent')}
          clearable
          searchable
          disabled={hasChildren}
          clearButtonProps={{ 'aria-label': t('teams.fields.clearParent') }}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('parentId')}
        />
        <Select
          label={t('common.fields.manager')}
          description={t('teams.fields.managerHint')}
          data={personOptions(people.data?.items, {
            id: team?.managerId ?? null,
            name: team?.managerName ?? null,
          })}
          placeholder={t('common.choose')}
          clearable
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          clearButtonProps={{ 'aria-label': t('teams.fields.clearManager') }}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('managerId')}
        />
        <Group justify="space-between" mt="sm">
          {team ? (
            <Button
              variant="outline"
              color={team.active ? 'red' : 'groeipad'}
              loading={toggleActive.isPending}
              onClick={() => toggleActive.mutate(!team.active)}
            >
              {team.active ? t('teams.deactivate') : t('teams.reactivate')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="sm">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {team ? t('common.save') : t('teams.create')}
            </Button>
          </Group>
        </Group>
        {team && !team.active && (
          <Text size="sm" c="dimmed">
            {t('teams.inactiveHint')}
          </Text>
        )}
      </Stack>
    </form>
  );
}
