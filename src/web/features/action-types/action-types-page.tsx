import {
  Badge,
  Button,
  Group,
  Radio,
  Skeleton,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionType } from '../../../shared/contracts/templates.js';
import { api } from '../../api/client.js';
import { useActionTypes } from '../../api/hooks.js';
import { queryKeys } from '../../api/query-keys.js';
import { useMe } from '../../app/session.js';
import { ActiveBadge } from '../../components/badges.js';
import { ConflictAlert, useVersionGuard } from '../../components/conflict-alert.js';
import { EntityDrawer } from '../../components/entity-drawer.js';
import { FormAlert } from '../../components/form-alert.js';
import { notifySuccess } from '../../components/notify.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { useRules } from '../../components/rules.js';
import { applyServerErrors, type SubmitFailure } from '../../components/server-errors.js';
import { ResponsiveTable } from '../../components/table-scroll.js';

type Editing = { mode: 'create' } | { mode: 'edit'; type: ActionType } | null;

/** The kinds of action (VTO(C)-maatregelen): the built-in ones, and those HR adds, renames or retires. */
export function ActionTypesPage() {
  const { t } = useTranslation();
  const types = useActionTypes();
  // Belgium: whether a kind counts toward the training right (Vlaams opleidingsverlof does not).
  const isBelgian = useMe().organisation.country === 'BE';
  const [editing, setEditing] = useState<Editing>(null);
  const [showInactive, setShowInactive] = useState(false);
  const items = (types.data?.items ?? []).filter((type) => showInactive || type.active);
  return (
    <>
      <PageHeader
        title={t('actionTypes.title')}
        description={t('actionTypes.intro')}
        actions={<Button onClick={() => setEditing({ mode: 'create' })}>{t('actionTypes.add')}</Button>}
      />
      <Group mb="md">
        <Switch
          label={t('common.showInactive')}
          checked={showInactive}
          onChange={(e) => setShowInactive(e.currentTarget.checked)}
        />
      </Group>
      {types.isPending && <Skeleton height={200} />}
      {types.isError && <QueryError error={types.error} onRetry={() => void types.refetch()} />}
      {items.length > 0 && (
        <ResponsiveTable label={t('actionTypes.tableLabel')} minWidth={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('common.fields.name')}</Table.Th>
              <Table.Th scope="col">{t('actionTypes.fields.learning')}</Table.Th>
              {isBelgian && <Table.Th scope="col">{t('trainingRight.actionTypes.column')}</Table.Th>}
              <Table.Th scope="col">{t('actionTypes.origin')}</Table.Th>
              <Table.Th scope="col">{t('common.fields.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((type) => (
              <Table.Tr key={type.key}>
                <Table.Td>
                  {type.builtIn ? (
                    <Text size="sm" fw={600}>
                      {type.label}
                    </Text>
                  ) : (
                    <UnstyledButton
                      onClick={() => setEditing({ mode: 'edit', type })}
                      c="groeipad.8"
                      fw={600}
                      td="underline"
                      aria-label={t('actionTypes.editNamed', { name: type.label })}
                    >
                      {type.label}
                    </UnstyledButton>
                  )}
                </Table.Td>
                <Table.Td>{type.isFormal ? t('pop.learning.formal') : t('pop.learning.informal')}</Table.Td>
                {isBelgian && (
                  <Table.Td>
                    {type.countsForTrainingRight
                      ? t('trainingRight.actionTypes.counts')
                      : t('trainingRight.actionTypes.notCounting')}
                  </Table.Td>
                )}
                <Table.Td>
                  <Badge size="sm" variant="light" color={type.builtIn ? 'gray' : 'indigo'}>
                    {type.builtIn ? t('actionTypes.builtIn') : t('actionTypes.own')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <ActiveBadge active={type.active} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ResponsiveTable>
      )}
      <EntityDrawer
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.mode === 'edit' ? t('actionTypes.editTitle') : t('actionTypes.createTitle')}
      >
        {editing && (
          <ActionTypeForm
            key={editing.mode === 'edit' ? editing.type.key : 'new'}
            type={editing.mode === 'edit' ? editing.type : null}
            showTrainingRight={isBelgian}
            onDone={() => setEditing(null)}
          />
        )}
      </EntityDrawer>
    </>
  );
}

interface ActionTypeValues {
  nameNl: string;
  nameEn: string;
  learning: 'formal' | 'informal';
  countsForTrainingRight: boolean;
  active: boolean;
}

function ActionTypeForm({
  type,
  showTrainingRight,
  onDone,
}: {
  type: ActionType | null;
  showTrainingRight: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const guard = useVersionGuard<ActionType & { version: number }>(type?.version ?? 1, async () => {
    const list = await queryClient.fetchQuery({
      queryKey: queryKeys.actionTypes,
      queryFn: api.actionTypes.list,
      staleTime: 0,
    });
    const latest = list.items.find((x) => x.key === type?.key);
    return latest ? { ...latest, version: latest.version ?? 1 } : undefined;
  });
  const form = useForm<ActionTypeValues>({
    initialValues: {
      nameNl: type?.nameNl ?? '',
      nameEn: type?.nameEn ?? '',
      learning: type?.isFormal ? 'formal' : 'informal',
      countsForTrainingRight: type?.countsForTrainingRight ?? true,
      active: type?.active ?? true,
    },
    validate: { nameNl: rules.required(120), nameEn: rules.optional(120) },
  });
  const save = useMutation({
    mutationFn: (values: ActionTypeValues) => {
      const body = {
        nameNl: values.nameNl.trim(),
        nameEn: values.nameEn.trim() || null,
        isFormal: values.learning === 'formal',
        ...(showTrainingRight ? { countsForTrainingRight: values.countsForTrainingRight } : {}),
      };
      return type?.id
        ? api.actionTypes.update(type.id, { ...body, active: values.active, version: guard.version })
        : api.actionTypes.create(body);
    },
    onSuccess: (saved) => {
      guard.saved({ version: saved.version ?? 1 });
      void queryClient.invalidateQueries({ queryKey: queryKeys.actionTypes });
      notifySuccess(t, t(type ? 'actionTypes.saved' : 'actionTypes.created', { name: saved.label }));
      onDone();
    },
    onError: (error) => {
      setFailure(applyServerErrors(form, error, t));
      guard.failed(error);
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
              label: t('actionTypes.fields.nameNl'),
              theirs: latest.nameNl,
              changed: latest.nameNl !== form.values.nameNl.trim(),
            },
          ]}
        />
        <FormAlert failure={failure} />
        <TextInput label={t('actionTypes.fields.nameNl')} required {...form.getInputProps('nameNl')} />
        <TextInput
          label={t('actionTypes.fields.nameEn')}
          description={t('actionTypes.fields.nameEnHint')}
          {...form.getInputProps('nameEn')}
        />
        <Radio.Group
          label={t('actionTypes.fields.learning')}
          description={t('plan.actions.form.learningHint')}
          {...form.getInputProps('learning')}
        >
          <Group gap="md" mt={6}>
            <Radio value="formal" label={t('pop.learning.formal')} />
            <Radio value="informal" label={t('pop.learning.informal')} />
          </Group>
        </Radio.Group>
        {showTrainingRight && (
          <Switch
            label={t('trainingRight.actionTypes.field')}
            description={t('trainingRight.actionTypes.fieldHint')}
            {...form.getInputProps('countsForTrainingRight', { type: 'checkbox' })}
          />
        )}
        {type && (
          <Switch
            label={t('actionTypes.fields.active')}
            description={t('actionTypes.fields.activeHint')}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {type ? t('common.save') : t('actionTypes.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
