import { Button, Group, Paper, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreparationTemplate } from '../../../shared/contracts/templates.js';
import { type PlanParty, parties, type TemplateKind, templateKinds } from '../../../shared/pop/vocabulary.js';
import { api } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import { ConflictAlert, useVersionGuard } from '../../components/conflict-alert.js';
import { FormAlert } from '../../components/form-alert.js';
import { GrowingTextarea } from '../../components/growing-textarea.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { OrderControls } from '../../components/ordered-list-controls.js';
import { useRules } from '../../components/rules.js';
import { applyServerErrors, type SubmitFailure } from '../../components/server-errors.js';

interface Question {
  key: string;
  id: string | null;
  prompt: string;
  help: string;
}

interface TemplateValues {
  party: PlanParty;
  kind: TemplateKind;
  name: string;
  description: string;
  questions: Question[];
}

/** A voorbereidingsformulier: its name and questions, which HR adds, rewords, reorders and removes. */
export function TemplateForm({
  template,
  onDone,
}: {
  template: PreparationTemplate | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const rules = useRules();
  const queryClient = useQueryClient();
  const idPrefix = useId();
  const counter = useRef(0);
  const nextKey = () => `${idPrefix}-${counter.current++}`;
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const guard = useVersionGuard<PreparationTemplate>(template?.version ?? 1, async () =>
    template ? api.templates.get(template.id) : undefined,
  );
  const form = useForm<TemplateValues>({
    initialValues: {
      party: template?.party ?? 'employee',
      kind: template?.kind ?? 'general',
      name: template?.name ?? '',
      description: template?.description ?? '',
      questions: (template?.questions ?? []).map((q) => ({
        key: nextKey(),
        id: q.id,
        prompt: q.prompt,
        help: q.help ?? '',
      })),
    },
    validate: {
      name: rules.required(200),
      description: rules.optional(4000),
      questions: { prompt: rules.required(1000), help: rules.optional(2000) },
    },
  });
  const done = (saved: PreparationTemplate, message: string) => {
    guard.saved(saved);
    void queryClient.invalidateQueries({ queryKey: queryKeys.templates });
    notifySuccess(t, message);
    onDone();
  };
  const save = useMutation({
    mutationFn: (values: TemplateValues) => {
      const questions = values.questions.map((q) => ({
        ...(q.id ? { id: q.id } : {}),
        prompt: q.prompt.trim(),
        help: q.help.trim() || null,
      }));
      const common = { name: values.name.trim(), description: values.description.trim() || null };
      return template
        ? api.templates.update(template.id, { ...common, questions, version: guard.version })
        : api.templates.create({
            ...common,
            party: values.party,
            kind: values.kind,
            questions: questions.map(({ prompt, help }) => ({ prompt, help })),
          });
    },
    onSuccess: (saved) =>
      done(saved, t(template ? 'templates.saved' : 'templates.created', { name: saved.name })),
    onError: (error) => {
      setFailure(applyServerErrors(form, error, t));
      guard.failed(error);
    },
  });
  const flag = useMutation({
    mutationFn: (change: { isDefault?: true; active?: boolean }) =>
      api.templates.update(template?.id ?? '', { ...change, version: guard.version }),
    onSuccess: (saved) => done(saved, t('templates.saved', { name: saved.name })),
    onError: (error) => {
      guard.failed(error);
      notifyError(t, error);
    },
  });
  const questions = form.values.questions;
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
              label: t('templates.fields.questions'),
              theirs: latest.questions.map((q) => q.prompt).join(' / '),
              changed:
                latest.questions.map((q) => q.prompt).join('\n') !==
                form.values.questions.map((q) => q.prompt.trim()).join('\n'),
            },
          ]}
        />
        <FormAlert failure={failure} />
        {!template && (
          <>
            <Select
              label={t('templates.fields.party')}
              data={parties.map((p) => ({ value: p, label: t(`pop.parties.${p}`) }))}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('party')}
            />
            <Select
              label={t('templates.fields.kind')}
              description={t('templates.fields.kindHint')}
              data={templateKinds.map((k) => ({ value: k, label: t(`pop.templateKinds.${k}`) }))}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('kind')}
            />
          </>
        )}
        <TextInput label={t('common.fields.name')} required {...form.getInputProps('name')} />
        <GrowingTextarea
          label={t('common.fields.description')}
          minRows={2}
          maxRows={6}
          {...form.getInputProps('description')}
        />
        <Stack gap="xs">
          <Text fw={600} size="sm">
            {t('templates.fields.questions')}
          </Text>
          <Text size="xs" c="dimmed">
            {form.values.kind === 'competencies'
              ? t('templates.fields.questionsCompetencies')
              : t('templates.fields.questionsHint')}
          </Text>
          {questions.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('templates.fields.noQuestions')}
            </Text>
          )}
          {questions.map((question, index) => (
            <Paper key={question.key} withBorder p="sm">
              <Group align="flex-start" wrap="nowrap" gap="xs">
                <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
                  <GrowingTextarea
                    label={t('templates.fields.question', { number: index + 1 })}
                    minRows={1}
                    maxRows={5}
                    {...form.getInputProps(`questions.${index}.prompt`)}
                  />
                  <TextInput
                    label={t('templates.fields.help', { number: index + 1 })}
                    {...form.getInputProps(`questions.${index}.help`)}
                  />
                </Stack>
                <OrderControls
                  index={index}
                  count={questions.length}
                  itemLabel={t('templates.fields.question', { number: index + 1 })}
                  onMove={(from, to) => form.reorderListItem('questions', { from, to })}
                  onRemove={() => form.removeListItem('questions', index)}
                />
              </Group>
            </Paper>
          ))}
          <Button
            variant="light"
            size="xs"
            w="fit-content"
            disabled={questions.length >= 100}
            onClick={() =>
              form.insertListItem('questions', { key: nextKey(), id: null, prompt: '', help: '' })
            }
          >
            {t('templates.fields.addQuestion')}
          </Button>
        </Stack>
        {template && (
          <Stack gap="xs">
            <Switch
              label={t('templates.fields.active')}
              description={t('templates.fields.activeHint')}
              checked={template.active}
              disabled={template.isDefault || flag.isPending}
              onChange={(e) => flag.mutate({ active: e.currentTarget.checked })}
            />
            {!template.isDefault && template.active && (
              <Button
                variant="outline"
                size="xs"
                w="fit-content"
                loading={flag.isPending}
                onClick={() => flag.mutate({ isDefault: true })}
              >
                {t('templates.makeDefault')}
              </Button>
            )}
          </Stack>
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {template ? t('common.save') : t('templates.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
