import { Button, Checkbox, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Budget } from '../../../shared/contracts/budgets.js';
import { useTeams } from '../../api/hooks.js';
import { AppModal } from '../../components/app-modal.js';
import { ConflictAlert, useVersionGuard } from '../../components/conflict-alert.js';
import { FormAlert } from '../../components/form-alert.js';
import { GrowingTextarea } from '../../components/growing-textarea.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { applyServerErrors, type SubmitFailure } from '../../components/server-errors.js';
import { money, scopeLabel, yearOptions } from './budget-labels.js';
import { budgetKeys, budgetsApi, useFundingSources } from './budgets-api.js';

interface BudgetValues {
  year: string;
  teamId: string | null;
  fundingSourceId: string | null;
  amount: number | string;
  isHard: boolean;
  note: string;
}

interface BudgetFormProps {
  budget: Budget | null;
  year: number;
  currentYear: number;
  onDone: () => void;
}

/** A budget for one year: for the whole organisation, a team and/or a funding source; hard or soft. */
export function BudgetForm({ budget, year, currentYear, onDone }: BudgetFormProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const teams = useTeams();
  const sources = useFundingSources();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const guard = useVersionGuard<Budget>(budget?.version ?? 1, async () =>
    budget
      ? queryClient.fetchQuery({
          queryKey: [...budgetKeys.all, 'one', budget.id],
          queryFn: () => budgetsApi.budget(budget.id),
          staleTime: 0,
        })
      : undefined,
  );
  const form = useForm<BudgetValues>({
    initialValues: {
      year: String(budget?.year ?? year),
      teamId: budget?.teamId ?? null,
      fundingSourceId: budget?.fundingSourceId ?? null,
      amount: budget?.amount ?? '',
      isHard: budget?.isHard ?? false,
      note: budget?.note ?? '',
    },
    validate: {
      amount: (value) => {
        if (value === '' || value === null) return t('validation.required');
        const number = Number(value);
        if (Number.isNaN(number)) return t('validation.invalid_type');
        return number < 0 ? t('validation.too_small', { min: 0 }) : null;
      },
      note: (value) => (value.trim().length > 1000 ? t('validation.too_long', { max: 1000 }) : null),
    },
  });
  const teamOptions = (teams.data?.items ?? [])
    .filter((team) => team.active || team.id === budget?.teamId)
    .map((team) => ({ value: team.id, label: team.name }));
  const sourceOptions = (sources.data?.items ?? [])
    .filter((source) => source.active || source.id === budget?.fundingSourceId)
    .map((source) => ({
      value: source.id,
      label: source.active ? source.name : `${source.name} (${t('budgets.archived')})`,
    }));
  const years = yearOptions(currentYear);
  if (!years.includes(form.values.year)) years.push(form.values.year);

  const finish = (message: string) => {
    void queryClient.invalidateQueries({ queryKey: budgetKeys.all });
    notifySuccess(t, message);
    onDone();
  };

  const save = useMutation({
    mutationFn: (values: BudgetValues) => {
      const body = {
        year: Number(values.year),
        teamId: values.teamId,
        fundingSourceId: values.fundingSourceId,
        amount: Number(values.amount),
        isHard: values.isHard,
        note: values.note.trim() || null,
      };
      return budget
        ? budgetsApi.updateBudget(budget.id, { ...body, version: guard.version })
        : budgetsApi.createBudget(body);
    },
    onSuccess: (saved) => {
      guard.saved(saved);
      finish(
        t(budget ? 'budgets.saved' : 'budgets.created', { name: scopeLabel(saved, t), year: saved.year }),
      );
    },
    onError: (error) => {
      setFailure(applyServerErrors(form, error, t));
      guard.failed(error);
    },
  });

  const remove = useMutation({
    mutationFn: () => budgetsApi.removeBudget(budget?.id ?? '', guard.version),
    onSuccess: () => {
      setConfirmRemove(false);
      finish(t('budgets.removed'));
    },
    onError: (error) => {
      setConfirmRemove(false);
      guard.failed(error);
      notifyError(t, error);
    },
  });

  const separator = i18n.language === 'en' ? '.' : ',';
  return (
    <>
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
                label: t('budgets.fields.amount'),
                theirs: money(latest.amount, latest.currency, i18n.language),
                changed: latest.amount !== Number(form.values.amount),
              },
              {
                label: t('budgets.fields.scope'),
                theirs: scopeLabel(latest, t),
                changed:
                  latest.teamId !== form.values.teamId ||
                  latest.fundingSourceId !== form.values.fundingSourceId,
              },
              {
                label: t('budgets.fields.kind'),
                theirs: latest.isHard ? t('budgets.hard') : t('budgets.soft'),
                changed: latest.isHard !== form.values.isHard,
              },
              {
                label: t('budgets.fields.note'),
                theirs: latest.note ?? '',
                changed: (latest.note ?? '') !== form.values.note.trim(),
              },
            ]}
          />
          <FormAlert failure={failure} />
          <Select
            label={t('budgets.year')}
            data={years.sort()}
            allowDeselect={false}
            required
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('year')}
          />
          <Select
            label={t('common.fields.team')}
            description={t('budgets.fields.teamHint')}
            data={teamOptions}
            placeholder={t('budgets.fields.allTeams')}
            clearable
            searchable
            nothingFoundMessage={t('common.nothingFound')}
            clearButtonProps={{ 'aria-label': t('budgets.fields.clearTeam') }}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('teamId')}
          />
          <Select
            label={t('budgets.fields.source')}
            description={
              sourceOptions.length === 0 ? t('budgets.fields.noSourcesYet') : t('budgets.fields.sourceHint')
            }
            data={sourceOptions}
            placeholder={t('budgets.fields.allSources')}
            clearable
            searchable
            nothingFoundMessage={t('common.nothingFound')}
            clearButtonProps={{ 'aria-label': t('budgets.fields.clearSource') }}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('fundingSourceId')}
          />
          <NumberInput
            label={t('budgets.fields.amount')}
            description={t('budgets.fields.amountHint')}
            required
            min={0}
            max={100_000_000}
            decimalScale={2}
            decimalSeparator={separator}
            thousandSeparator={separator === ',' ? '.' : ','}
            hideControls
            leftSection={<span aria-hidden="true">€</span>}
            {...form.getInputProps('amount')}
          />
          <Checkbox
            label={t('budgets.fields.isHard')}
            description={t('budgets.fields.isHardHint')}
            {...form.getInputProps('isHard', { type: 'checkbox' })}
          />
          <GrowingTextarea
            label={t('budgets.fields.note')}
            description={t('budgets.fields.noteHint')}
            minRows={2}
            maxRows={6}
            {...form.getInputProps('note')}
          />
          <Group justify="space-between" mt="sm">
            {budget ? (
              <Button variant="outline" color="red" onClick={() => setConfirmRemove(true)}>
                {t('budgets.remove')}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="sm">
              <Button variant="default" onClick={onDone}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {budget ? t('common.save') : t('budgets.add')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
      <AppModal
        opened={confirmRemove}
        onClose={() => setConfirmRemove(false)}
        title={t('budgets.removeTitle')}
      >
        <Stack gap="sm">
          <Text size="sm">
            {budget ? t('budgets.removeBody', { name: scopeLabel(budget, t), year: budget.year }) : null}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmRemove(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('budgets.remove')}
            </Button>
          </Group>
        </Stack>
      </AppModal>
    </>
  );
}
