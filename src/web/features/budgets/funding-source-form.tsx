import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type FundingSource,
  type FundingSourceKind,
  fundingSourceKinds,
} from '../../../shared/contracts/budgets.js';
import { ConflictAlert, useVersionGuard } from '../../components/conflict-alert.js';
import { FormAlert } from '../../components/form-alert.js';
import { GrowingTextarea } from '../../components/growing-textarea.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { useRules } from '../../components/rules.js';
import { applyServerErrors, type SubmitFailure } from '../../components/server-errors.js';
import { budgetKeys, budgetsApi } from './budgets-api.js';

interface SourceValues {
  name: string;
  kind: FundingSourceKind;
  rules: string;
}

/** A funding source: its name, what kind it is, and its rules in words (who may use it, for what, deadlines). */
export function FundingSourceForm({ source, onDone }: { source: FundingSource | null; onDone: () => void }) {
  const { t } = useTranslation();
  const rules = useRules();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const guard = useVersionGuard<FundingSource>(source?.version ?? 1, async () =>
    source
      ? queryClient.fetchQuery({
          queryKey: budgetKeys.source(source.id),
          queryFn: () => budgetsApi.source(source.id),
          staleTime: 0,
        })
      : undefined,
  );
  const form = useForm<SourceValues>({
    initialValues: { name: source?.name ?? '', kind: source?.kind ?? 'vivo', rules: source?.rules ?? '' },
    validate: { name: rules.required(120), rules: rules.optional(4000) },
  });
  const kindLabel = (kind: FundingSourceKind) => t(`budgets.kinds.${kind}`);

  const finish = (saved: FundingSource, message: string) => {
    guard.saved(saved);
    void queryClient.invalidateQueries({ queryKey: budgetKeys.all });
    notifySuccess(t, message);
    onDone();
  };

  const save = useMutation({
    mutationFn: (values: SourceValues) => {
      const body = { name: values.name.trim(), kind: values.kind, rules: values.rules.trim() || null };
      return source
        ? budgetsApi.updateSource(source.id, { ...body, version: guard.version })
        : budgetsApi.createSource(body);
    },
    onSuccess: (saved) =>
      finish(saved, t(source ? 'budgets.sources.saved' : 'budgets.sources.created', { name: saved.name })),
    onError: (error) => {
      setFailure(applyServerErrors(form, error, t));
      guard.failed(error);
    },
  });

  const toggleActive = useMutation({
    mutationFn: (active: boolean) =>
      budgetsApi.updateSource(source?.id ?? '', { active, version: guard.version }),
    onSuccess: (saved) =>
      finish(
        saved,
        t(saved.active ? 'budgets.sources.reactivated' : 'budgets.sources.archivedDone', {
          name: saved.name,
        }),
      ),
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
            {
              label: t('common.fields.name'),
              theirs: latest.name,
              changed: latest.name !== form.values.name.trim(),
            },
            {
              label: t('budgets.sources.kind'),
              theirs: kindLabel(latest.kind),
              changed: latest.kind !== form.values.kind,
            },
            {
              label: t('budgets.sources.rules'),
              theirs: latest.rules ?? '',
              changed: (latest.rules ?? '') !== form.values.rules.trim(),
            },
          ]}
        />
        <FormAlert failure={failure} />
        <TextInput
          label={t('common.fields.name')}
          description={t('budgets.sources.nameHint')}
          required
          {...form.getInputProps('name')}
        />
        <Select
          label={t('budgets.sources.kind')}
          data={fundingSourceKinds.map((kind) => ({ value: kind, label: kindLabel(kind) }))}
          allowDeselect={false}
          required
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('kind')}
        />
        <GrowingTextarea
          label={t('budgets.sources.rules')}
          description={t('budgets.sources.rulesHint')}
          minRows={3}
          maxRows={10}
          {...form.getInputProps('rules')}
        />
        <Group justify="space-between" mt="sm">
          {source ? (
            <Button
              variant="outline"
              color={source.active ? 'red' : 'groeipad'}
              loading={toggleActive.isPending}
              onClick={() => toggleActive.mutate(!source.active)}
            >
              {source.active ? t('budgets.sources.archive') : t('budgets.sources.reactivate')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="sm">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {source ? t('common.save') : t('budgets.sources.add')}
            </Button>
          </Group>
        </Group>
        {source && (
          <Text size="sm" c="dimmed">
            {t('budgets.sources.archiveHint')}
          </Text>
        )}
      </Stack>
    </form>
  );
}
