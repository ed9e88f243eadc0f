import {
  Alert,
  Button,
  Group,
  List,
  NumberInput,
  Paper,
  Select,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ConsultationBody,
  consultationBodies,
  type DayNormView,
  type TrainingRightSettings,
} from '../../../shared/contracts/training-right.js';
import { AppModal } from '../../components/app-modal.js';
import { ConflictAlert, useVersionGuard } from '../../components/conflict-alert.js';
import { errorWithFields } from '../../components/error-message.js';
import { FormAlert } from '../../components/form-alert.js';
import { notifySuccess } from '../../components/notify.js';
import { QueryError } from '../../components/query-error.js';
import { useRules } from '../../components/rules.js';
import { applyServerErrors, type SubmitFailure } from '../../components/server-errors.js';
import { ResponsiveTable } from '../../components/table-scroll.js';
import { formatNumber } from '../../i18n/format.js';
import { trainingRightApi, trainingRightKeys, useTrainingRightSettings } from './training-right-api.js';

const jointCommitteePattern = /^(\d{3}(\.\d{2}){0,2})?$/;

function useNumberProps() {
  const { i18n } = useTranslation();
  return {
    decimalSeparator: i18n.language === 'en' ? '.' : ',',
    thousandSeparator: i18n.language === 'en' ? ',' : '.',
    hideControls: true,
  };
}

function Summary({ settings }: { settings: TrainingRightSettings }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const year = settings.year;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="right-summary-heading">
      <Title order={2} fz="h4" id="right-summary-heading" mb="xs">
        {t('trainingRight.summary.title', { year })}
      </Title>
      <List size="sm" spacing={4}>
        <List.Item>
          {t('trainingRight.summary.size', {
            fte: n(settings.averageFte ?? settings.computedAverageFte),
            source:
              settings.averageFte === null
                ? t('trainingRight.summary.computed')
                : t('trainingRight.summary.entered'),
            band: t(`trainingRight.sizeBands.${settings.sizeBand}`),
          })}
        </List.Item>
        <List.Item>
          {t('trainingRight.summary.days', {
            days: n(settings.daysPerFte),
            source:
              settings.daysPerFteSource === 'norm'
                ? t('trainingRight.summary.norm', { year })
                : t('trainingRight.summary.legal'),
          })}
        </List.Item>
        <List.Item>{t('trainingRight.summary.hours', { hours: n(settings.hoursPerDay) })}</List.Item>
        <List.Item>
          {settings.carryOver ? t('trainingRight.summary.carryOn') : t('trainingRight.summary.carryOff')}
        </List.Item>
      </List>
    </Paper>
  );
}

interface SettingsValues {
  averageFte: number | string;
  jointCommittee: string;
  hoursPerDay: number | string;
  carryOver: boolean;
  consultationBody: ConsultationBody | 'unset';
}

function SettingsForm({ settings }: { settings: TrainingRightSettings }) {
  const { t, i18n } = useTranslation();
  const numberProps = useNumberProps();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const guard = useVersionGuard<TrainingRightSettings>(settings.version, () =>
    queryClient.fetchQuery({
      queryKey: trainingRightKeys.settings(settings.year),
      queryFn: () => trainingRightApi.settings(settings.year),
      staleTime: 0,
    }),
  );
  const form = useForm<SettingsValues>({
    initialValues: {
      averageFte: settings.averageFte ?? '',
      jointCommittee: settings.jointCommittee ?? '',
      hoursPerDay: settings.hoursPerDay,
      carryOver: settings.carryOver,
      consultationBody: settings.consultationBody ?? 'unset',
    },
    validate: {
      averageFte: (value) =>
        value !== '' && !(Number(value) >= 0 && Number(value) <= 100000)
          ? t('trainingRight.settings.averageFteRange')
          : null,
      jointCommittee: (value) =>
        jointCommitteePattern.test(value.trim()) ? null : t('trainingRight.settings.jointCommitteeFormat'),
      hoursPerDay: (value) =>
        value === '' || !(Number(value) >= 1 && Number(value) <= 12)
          ? t('trainingRight.settings.hoursPerDayRange')
          : null,
    },
  });
  const save = useMutation({
    mutationFn: (values: SettingsValues) =>
      trainingRightApi.updateSettings({
        averageFte: values.averageFte === '' ? null : Number(values.averageFte),
        jointCommittee: values.jointCommittee.trim() || null,
        hoursPerDay: Number(values.hoursPerDay),
        carryOver: values.carryOver,
        consultationBody: values.consultationBody === 'unset' ? null : values.consultationBody,
        version: guard.version,
      }),
    onSuccess: (saved, values) => {
      guard.saved(saved);
      form.resetDirty(values);
      void queryClient.invalidateQueries({ queryKey: trainingRightKeys.all });
      notifySuccess(t, t('trainingRight.settings.saved'));
    },
    onError: (error) => {
      setFailure(applyServerErrors(form, error, t));
      guard.failed(error);
    },
  });
  return (
    <Paper
      withBorder
      p={{ base: 'md', sm: 'lg' }}
      component="section"
      aria-labelledby="right-settings-heading"
    >
      <Title order={2} fz="h4" id="right-settings-heading" mb="md">
        {t('trainingRight.settings.title')}
      </Title>
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
                label: t('trainingRight.settings.averageFte'),
                theirs:
                  latest.averageFte === null
                    ? t('common.empty')
                    : formatNumber(latest.averageFte, i18n.language),
                changed: String(latest.averageFte ?? '') !== String(form.values.averageFte),
              },
              {
                label: t('trainingRight.settings.hoursPerDay'),
                theirs: formatNumber(latest.hoursPerDay, i18n.language),
                changed: latest.hoursPerDay !== Number(form.values.hoursPerDay),
              },
              {
                label: t('trainingRight.settings.carryOver'),
                theirs: latest.carryOver
                  ? t('trainingRight.summary.carryOn')
                  : t('trainingRight.summary.carryOff'),
                changed: latest.carryOver !== form.values.carryOver,
              },
            ]}
          />
          <FormAlert failure={failure} />
          <NumberInput
            label={t('trainingRight.settings.averageFte')}
            description={t('trainingRight.settings.averageFteHint', {
              computed: formatNumber(settings.computedAverageFte, i18n.language),
              year: settings.year,
            })}
            min={0}
            max={100000}
            decimalScale={2}
            {...numberProps}
            {...form.getInputProps('averageFte')}
          />
          <TextInput
            label={t('trainingRight.settings.jointCommittee')}
            description={t('trainingRight.settings.jointCommitteeHint')}
            placeholder={t('trainingRight.settings.jointCommitteePlaceholder')}
            maxLength={12}
            {...form.getInputProps('jointCommittee')}
          />
          <NumberInput
            label={t('trainingRight.settings.hoursPerDay')}
            description={t('trainingRight.settings.hoursPerDayHint')}
            min={1}
            max={12}
            decimalScale={2}
            required
            {...numberProps}
            {...form.getInputProps('hoursPerDay')}
          />
          <Switch
            label={t('trainingRight.settings.carryOver')}
            description={t('trainingRight.settings.carryOverHint')}
            {...form.getInputProps('carryOver', { type: 'checkbox' })}
          />
          <Select
            label={t('trainingRight.settings.consultationBody')}
            data={[
              { value: 'unset', label: t('trainingRight.settings.consultationUnset') },
              ...consultationBodies.map((body) => ({
                value: body,
                label: t(`trainingRight.settings.consultationBodies.${body}`),
              })),
            ]}
            allowDeselect={false}
            {...form.getInputProps('consultationBody')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

interface NormValues {
  year: number | string;
  daysPerFte: number | string;
  note: string;
}

function NormForm({
  norm,
  defaultYear,
  takenYears,
  onDone,
}: {
  norm: DayNormView | null;
  defaultYear: number;
  takenYears: number[];
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const rules = useRules();
  const numberProps = useNumberProps();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const form = useForm<NormValues>({
    initialValues: {
      year: norm?.year ?? defaultYear,
      daysPerFte: norm?.daysPerFte ?? '',
      note: norm?.note ?? '',
    },
    validate: {
      year: (value) => {
        const y = Number(value);
        if (!Number.isInteger(y) || y < 2000 || y > 2100) return t('trainingRight.norms.yearRange');
        return !norm && takenYears.includes(y) ? t('trainingRight.norms.yearTaken') : null;
      },
      daysPerFte: (value) =>
        value === '' || !(Number(value) >= 0 && Number(value) <= 30)
          ? t('trainingRight.norms.daysRange')
          : null,
      note: rules.optional(500),
    },
  });
  const save = useMutation({
    mutationFn: (values: NormValues) =>
      trainingRightApi.saveNorm(Number(values.year), {
        daysPerFte: Number(values.daysPerFte),
        note: values.note.trim() || null,
        version: norm?.version ?? null,
      }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: trainingRightKeys.all });
      notifySuccess(
        t,
        t('trainingRight.norms.savedMessage', {
          year: saved.year,
          days: formatNumber(saved.daysPerFte, i18n.language),
        }),
      );
      onDone();
    },
    onError: (error) => setFailure(applyServerErrors(form, error, t)),
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
        {failure?.isConflict && (
          <Alert color="orange" role="alert">
            {failure.message}
          </Alert>
        )}
        <FormAlert failure={failure} />
        <NumberInput
          label={t('trainingRight.norms.fields.year')}
          min={2000}
          max={2100}
          allowDecimal={false}
          thousandSeparator=""
          hideControls
          required
          disabled={norm !== null}
          {...form.getInputProps('year')}
        />
        <NumberInput
          label={t('trainingRight.norms.fields.daysPerFte')}
          min={0}
          max={30}
          decimalScale={2}
          required
          {...numberProps}
          {...form.getInputProps('daysPerFte')}
        />
        <TextInput
          label={t('trainingRight.norms.fields.note')}
          placeholder={t('trainingRight.norms.fields.notePlaceholder')}
          maxLength={500}
          {...form.getInputProps('note')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RemoveNorm({ norm, onDone }: { norm: DayNormView; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => trainingRightApi.deleteNorm(norm.year, norm.version),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trainingRightKeys.all });
      notifySuccess(t, t('trainingRight.norms.removed', { year: norm.year }));
      onDone();
    },
  });
  return (
    <Stack gap="sm">
      <Text size="sm">
        {t('trainingRight.norms.removeBody', {
          year: norm.year,
          legal: formatNumber(norm.legalDaysPerFte, i18n.language),
        })}
      </Text>
      {remove.isError && (
        <Alert color="red" role="alert">
          {errorWithFields(remove.error, t)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
          {t('trainingRight.norms.remove')}
        </Button>
      </Group>
    </Stack>
  );
}

type NormDialog =
  | { mode: 'add' }
  | { mode: 'edit'; norm: DayNormView }
  | { mode: 'remove'; norm: DayNormView }
  | null;

function Norms({ settings }: { settings: TrainingRightSettings }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const [dialog, setDialog] = useState<NormDialog>(null);
  const taken = settings.norms.map((norm) => norm.year);
  const close = () => setDialog(null);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="norms-heading">
      <Group justify="space-between" align="flex-start" mb="xs" gap="sm">
        <Title order={2} fz="h4" id="norms-heading">
          {t('trainingRight.norms.title')}
        </Title>
        <Button variant="default" onClick={() => setDialog({ mode: 'add' })}>
          {t('trainingRight.norms.add')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('trainingRight.norms.intro')}
      </Text>
      {settings.norms.length === 0 ? (
        <Text size="sm">{t('trainingRight.norms.empty')}</Text>
      ) : (
        <ResponsiveTable label={t('trainingRight.norms.tableLabel')} minWidth={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trainingRight.norms.fields.year')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('trainingRight.norms.fields.daysPerFte')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('trainingRight.norms.fields.legal')}
              </Table.Th>
              <Table.Th scope="col">{t('trainingRight.norms.fields.note')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('trainingRight.norms.edit')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {settings.norms.map((norm) => (
              <Table.Tr key={norm.year}>
                <Table.Th scope="row">{norm.year}</Table.Th>
                <Table.Td ta="right">{n(norm.daysPerFte)}</Table.Td>
                <Table.Td ta="right">{n(norm.legalDaysPerFte)}</Table.Td>
                <Table.Td>{norm.note ?? t('common.none')}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setDialog({ mode: 'edit', norm })}
                      aria-label={t('trainingRight.norms.editNamed', { year: norm.year })}
                    >
                      {t('trainingRight.norms.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setDialog({ mode: 'remove', norm })}
                      aria-label={t('trainingRight.norms.removeNamed', { year: norm.year })}
                    >
                      {t('trainingRight.norms.remove')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ResponsiveTable>
      )}
      <AppModal
        opened={dialog !== null}
        onClose={close}
        title={
          dialog?.mode === 'remove'
            ? t('trainingRight.norms.removeTitle', { year: dialog.norm.year })
            : dialog?.mode === 'edit'
              ? t('trainingRight.norms.editTitle', { year: dialog.norm.year })
              : t('trainingRight.norms.addTitle')
        }
      >
        {dialog?.mode === 'remove' && <RemoveNorm norm={dialog.norm} onDone={close} />}
        {(dialog?.mode === 'add' || dialog?.mode === 'edit') && (
          <NormForm
            key={dialog.mode === 'edit' ? dialog.norm.year : 'new'}
            norm={dialog.mode === 'edit' ? dialog.norm : null}
            defaultYear={settings.year}
            takenYears={taken}
            onDone={close}
          />
        )}
      </AppModal>
    </Paper>
  );
}

/** The size of the organisation, the settings, and the days per FTE of each year. */
export function SettingsSection({ year }: { year: number }) {
  const settings = useTrainingRightSettings(year);
  if (settings.isPending) return <Skeleton height={320} />;
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <Stack gap="lg" maw={860}>
      <Summary settings={settings.data} />
      <SettingsForm settings={settings.data} />
      <Norms settings={settings.data} />
    </Stack>
  );
}
