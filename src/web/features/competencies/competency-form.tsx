import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Competency } from '../../../shared/contracts/organisation.js';
import { api } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import { ConflictAlert, textDifferences, useVersionGuard } from '../../components/conflict-alert.js';
import { FormAlert } from '../../components/form-alert.js';
import { GrowingTextarea } from '../../components/growing-textarea.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { OrderControls } from '../../components/ordered-list-controls.js';
import { useRules } from '../../components/rules.js';
import { applyServerErrors, type SubmitFailure } from '../../components/server-errors.js';

interface Indicator {
  key: string;
  text: string;
}

interface CompetencyValues {
  name: string;
  description: string;
  indicators: Indicator[];
}

const maxIndicators = 30;

export function CompetencyForm({
  competency,
  onDone,
}: {
  competency: Competency | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const queryClient = useQueryClient();
  const idPrefix = useId();
  const counter = useRef(0);
  const nextKey = () => `${idPrefix}-${counter.current++}`;
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const guard = useVersionGuard<Competency>(competency?.version ?? 1, async () =>
    competency
      ? queryClient.fetchQuery({
          queryKey: queryKeys.competency(competency.id),
          queryFn: () => api.competencies.get(competency.id),
          staleTime: 0,
        })
      : undefined,
  );
  const form = useForm<CompetencyValues>({
    initialValues: {
      name: competency?.name ?? '',
      description: competency?.description ?? '',
      indicators: (competency?.indicators ?? []).map((text) => ({ key: nextKey(), text })),
    },
    validate: {
      name: rules.required(120),
      description: rules.optional(4000),
      indicators: { text: rules.required(500) },
    },
  });

  const done = (saved: Competency, message: string) => {
    guard.saved(saved);
    void queryClient.invalidateQueries({ queryKey: queryKeys.competencies });
    void queryClient.invalidateQueries({ queryKey: queryKeys.functions });
    notifySuccess(t, message);
    onDone();
  };

  const save = useMutation({
    mutationFn: (values: CompetencyValues) => {
      const body = {
        name: values.name.trim(),
        description: values.description.trim() || null,
        indicators: values.indicators.map((i) => i.text.trim()),
      };
      return competency
        ? api.competencies.update(competency.id, { ...body, version: guard.version })
        : api.competencies.create(body);
    },
    onSuccess: (saved) =>
      done(saved, t(competency ? 'competencies.saved' : 'competencies.created', { name: saved.name })),
    onError: (error) => {
      setFailure(
        applyServerErrors(form, error, t, {
          mapPath: (path) => (/^indicators\.\d+$/.test(path) ? `${path}.text` : path),
        }),
      );
      guard.failed(error);
    },
  });

  const toggleActive = useMutation({
    mutationFn: (active: boolean) =>
      api.competencies.update(competency?.id ?? '', { active, version: guard.version }),
    onSuccess: (saved) =>
      done(
        saved,
        t(saved.active ? 'competencies.reactivated' : 'competencies.deactivated', { name: saved.name }),
      ),
    onError: (error) => {
      guard.failed(error);
      notifyError(t, error);
    },
  });

  const indicators = form.values.indicators;
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
              label: t('competencies.fields.indicators'),
              theirs: latest.indicators.join(' · '),
              changed: latest.indicators.join('\n') !== indicators.map((i) => i.text.trim()).join('\n'),
            },
          ]}
        />
        <FormAlert failure={failure} />
        <TextInput label={t('common.fields.name')} required {...form.getInputProps('name')} />
        <GrowingTextarea
          label={t('common.fields.description')}
          minRows={2}
          maxRows={10}
          {...form.getInputProps('description')}
        />
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend>
            <Text fw={500} size="sm">
              {t('competencies.fields.indicators')}
            </Text>
          </legend>
          <Text size="xs" c="dimmed" mb="xs">
            {t('competencies.fields.indicatorsHint')}
          </Text>
          <Stack gap="xs">
            {indicators.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('competencies.fields.noIndicators')}
              </Text>
            )}
            {indicators.map((indicator, index) => (
              <Group key={indicator.key} align="flex-start" wrap="nowrap" gap="xs">
                <TextInput
                  label={t('competencies.fields.indicator', { number: index + 1 })}
                  style={{ flex: 1 }}
                  {...form.getInputProps(`indicators.${index}.text`)}
                />
                <OrderControls
                  index={index}
                  count={indicators.length}
                  itemLabel={t('competencies.fields.indicator', { number: index + 1 })}
                  onMove={(from, to) => form.reorderListItem('indicators', { from, to })}
                  onRemove={() => form.removeListItem('indicators', index)}
                />
              </Group>
            ))}
            <Button
              variant="light"
              size="xs"
              w="fit-content"
              disabled={indicators.length >= maxIndicators}
              onClick={() => form.insertListItem('indicators', { key: nextKey(), text: '' })}
            >
              {t('competencies.fields.addIndicator')}
            </Button>
          </Stack>
        </fieldset>
        <Group justify="space-between" mt="sm">
          {competency ? (
            <Button
              variant="outline"
              color={competency.active ? 'red' : 'groeipad'}
              loading={toggleActive.isPending}
              onClick={() => toggleActive.mutate(!competency.active)}
            >
              {competency.active ? t('competencies.deactivate') : t('competencies.reactivate')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="sm">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {competency ? t('common.save') : t('competencies.create')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
