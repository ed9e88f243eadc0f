import { Button, Group, MultiSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobFunction } from '../../../shared/contracts/organisation.js';
import { api } from '../../api/client.js';
import { useCompetencies } from '../../api/hooks.js';
import { queryKeys } from '../../api/query-keys.js';
import { ConflictAlert, textDifferences, useVersionGuard } from '../../components/conflict-alert.js';
import { FormAlert } from '../../components/form-alert.js';
import { GrowingTextarea } from '../../components/growing-textarea.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { OrderControls } from '../../components/ordered-list-controls.js';
import { useRules } from '../../components/rules.js';
import { applyServerErrors, type SubmitFailure } from '../../components/server-errors.js';

interface FunctionValues {
  name: string;
  description: string;
  competencyIds: string[];
}

export function FunctionForm({
  jobFunction,
  onDone,
}: {
  jobFunction: JobFunction | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const queryClient = useQueryClient();
  const competencies = useCompetencies();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const guard = useVersionGuard<JobFunction>(jobFunction?.version ?? 1, async () =>
    jobFunction
      ? queryClient.fetchQuery({
          queryKey: queryKeys.jobFunction(jobFunction.id),
          queryFn: () => api.functions.get(jobFunction.id),
          staleTime: 0,
        })
      : undefined,
  );
  const form = useForm<FunctionValues>({
    initialValues: {
      name: jobFunction?.name ?? '',
      description: jobFunction?.description ?? '',
      competencyIds: jobFunction?.competencies.map((c) => c.id) ?? [],
    },
    validate: { name: rules.required(120), description: rules.optional(8000) },
  });

  const names = new Map<string, string>();
  for (const c of jobFunction?.competencies ?? []) names.set(c.id, c.name);
  for (const c of competencies.data?.items ?? []) names.set(c.id, c.name);
  const options = [...names.entries()]
    .filter(([id]) => {
      const c = competencies.data?.items.find((item) => item.id === id);
      return !c || c.active || form.values.competencyIds.includes(id);
    })
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const done = (saved: JobFunction, message: string) => {
    guard.saved(saved);
    void queryClient.invalidateQueries({ queryKey: queryKeys.functions });
    notifySuccess(t, message);
    onDone();
  };

  const save = useMutation({
    mutationFn: (values: FunctionValues) => {
      const body = {
        name: values.name.trim(),
        description: values.description.trim() || null,
        competencyIds: values.competencyIds,
      };
      return jobFunction
        ? api.functions.update(jobFunction.id, { ...body, version: guard.version })
        : api.functions.create(body);
    },
    onSuccess: (saved) =>
      done(saved, t(jobFunction ? 'functions.saved' : 'functions.created', { name: saved.name })),
    onError: (error) => {
      setFailure(applyServerErrors(form, error, t));
      guard.failed(error);
    },
  });

  const toggleActive = useMutation({
    mutationFn: (active: boolean) =>
      api.functions.update(jobFunction?.id ?? '', { active, version: guard.version }),
    onSuccess: (saved) =>
      done(saved, t(saved.active ? 'functions.reactivated' : 'functions.deactivated', { name: saved.name })),
    onError: (error) => {
      guard.failed(error);
      notifyError(t, error);
    },
  });

  const selected = form.values.competencyIds;
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
              label: t('functions.fields.competencies'),
              theirs: latest.competencies.map((c) => c.name).join(', '),
              changed: latest.competencies.map((c) => c.id).join() !== selected.join(),
            },
          ]}
        />
        <FormAlert failure={failure} />
        <TextInput label={t('common.fields.name')} required {...form.getInputProps('name')} />
        <GrowingTextarea
          label={t('functions.fields.description')}
          description={t('functions.fields.descriptionHint')}
          minRows={3}
          maxRows={12}
          {...form.getInputProps('description')}
        />
        <MultiSelect
          label={t('functions.fields.competencies')}
          description={t('functions.fields.competenciesHint')}
          data={options}
          searchable
          hidePickedOptions
          nothingFoundMessage={t('functions.fields.noCompetencies')}
          placeholder={competencies.isPending ? t('common.loading') : t('functions.fields.addCompetency')}
          comboboxProps={{ withinPortal: true }}
          clearButtonProps={{ 'aria-label': t('functions.fields.clearCompetencies') }}
          {...form.getInputProps('competencyIds')}
        />
        {selected.length > 0 && (
          <Paper withBorder p="sm">
            <Text size="sm" fw={600} mb="xs" id="competency-order-heading">
              {t('functions.fields.order')}
            </Text>
            <Stack
              gap={4}
              component="ol"
              aria-labelledby="competency-order-heading"
              style={{ margin: 0, paddingInlineStart: '1.5rem' }}
            >
              {selected.map((id, index) => {
                const label = names.get(id) ?? id;
                return (
                  <li key={id}>
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Text size="sm">{label}</Text>
                      <OrderControls
                        index={index}
                        count={selected.length}
                        itemLabel={label}
                        onMove={(from, to) => form.reorderListItem('competencyIds', { from, to })}
                        onRemove={() => form.removeListItem('competencyIds', index)}
                      />
                    </Group>
                  </li>
                );
              })}
            </Stack>
          </Paper>
        )}
        <Group justify="space-between" mt="sm">
          {jobFunction ? (
            <Button
              variant="outline"
              color={jobFunction.active ? 'red' : 'groeipad'}
              loading={toggleActive.isPending}
              onClick={() => toggleActive.mutate(!jobFunction.active)}
            >
              {jobFunction.active ? t('functions.deactivate') : t('functions.reactivate')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="sm">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {jobFunction ? t('common.save') : t('functions.create')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
