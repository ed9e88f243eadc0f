import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreparationTemplate } from '../../../shared/contracts/templates.js';
import { type PlanParty, parties } from '../../../shared/pop/vocabulary.js';
import { api, type TemplateList } from '../../api/client.js';
import { useFunctions, useTeams } from '../../api/hooks.js';
import { queryKeys } from '../../api/query-keys.js';
import { EntityDrawer } from '../../components/entity-drawer.js';
import { errorWithFields } from '../../components/error-message.js';
import { notifySuccess } from '../../components/notify.js';
import { activeOptions } from '../../components/options.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryError } from '../../components/query-error.js';
import { ResponsiveTable } from '../../components/table-scroll.js';
import { documentUrls, PdfDownloadButton } from '../documents/pdf-download.js';
import { TemplateForm } from './template-form.js';

type Editing = { mode: 'create' } | { mode: 'edit'; template: PreparationTemplate } | null;

export function TemplatesPage() {
  const { t } = useTranslation();
  const templates = useQuery({ queryKey: queryKeys.templates, queryFn: api.templates.list });
  const [editing, setEditing] = useState<Editing>(null);
  const items = templates.data?.items ?? [];
  return (
    <Stack gap="xl">
      <PageHeader
        title={t('templates.title')}
        description={`${t('templates.intro')} ${t('documents.paper.templatesBody')}`}
        actions={
          <>
            <PdfDownloadButton url={documentUrls.popForm} fallbackName="pop-formulier.pdf">
              {t('documents.download.popForm')}
            </PdfDownloadButton>
            <Button onClick={() => setEditing({ mode: 'create' })}>{t('templates.add')}</Button>
          </>
        }
      />
      {templates.isPending && <Skeleton height={200} />}
      {templates.isError && <QueryError error={templates.error} onRetry={() => void templates.refetch()} />}
      {parties.map((party) => {
        const list = items.filter((tpl) => tpl.party === party);
        if (!templates.isSuccess) return null;
        return (
          <section key={party} aria-labelledby={`templates-${party}`}>
            <Title order={2} fz="h3" id={`templates-${party}`} mb="sm">
              {t('templates.forParty', { party: t(`roles.${party}`) })}
            </Title>
            {list.length === 0 ? (
              <Text size="sm">{t('templates.empty')}</Text>
            ) : (
              <ResponsiveTable label={t('templates.tableFor', { party: t(`roles.${party}`) })} minWidth={620}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('common.fields.name')}</Table.Th>
                    <Table.Th scope="col">{t('templates.fields.kind')}</Table.Th>
                    <Table.Th scope="col">{t('templates.fields.questions')}</Table.Th>
                    <Table.Th scope="col">{t('common.fields.status')}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('documents.download.template')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((template) => (
                    <Table.Tr key={template.id}>
                      <Table.Td>
                        <UnstyledButton
                          onClick={() => setEditing({ mode: 'edit', template })}
                          c="groeipad.8"
                          fw={600}
                          td="underline"
                          aria-label={t('templates.editNamed', { name: template.name })}
                        >
                          {template.name}
                        </UnstyledButton>
                        {template.description && (
                          <Text size="xs" c="dimmed" lineClamp={1}>
                            {template.description}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>{t(`pop.templateKinds.${template.kind}`)}</Table.Td>
                      <Table.Td>{template.questions.length}</Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {template.isDefault && (
                            <Badge size="sm" variant="light" color="groeipad">
                              {t('templates.default')}
                            </Badge>
                          )}
                          {template.builtIn && (
                            <Badge size="sm" variant="light" color="gray">
                              {t('templates.builtIn')}
                            </Badge>
                          )}
                          <Badge size="sm" variant="light" color={template.active ? 'green' : 'gray'}>
                            {template.active ? t('common.active') : t('templates.archived')}
                          </Badge>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <PdfDownloadButton
                          size="compact-sm"
                          variant="subtle"
                          url={documentUrls.template(template.id)}
                          fallbackName="voorbereiding.pdf"
                          label={t('documents.download.templateLabel', { name: template.name })}
                        >
                          {t('documents.download.template')}
                        </PdfDownloadButton>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ResponsiveTable>
            )}
          </section>
        );
      })}
      {templates.isSuccess && <Assignments data={templates.data} />}
      <EntityDrawer
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.mode === 'edit' ? t('templates.editTitle') : t('templates.createTitle')}
      >
        {editing && (
          <TemplateForm
            key={editing.mode === 'edit' ? `${editing.template.id}-${editing.template.version}` : 'new'}
            template={editing.mode === 'edit' ? editing.template : null}
            onDone={() => setEditing(null)}
          />
        )}
      </EntityDrawer>
    </Stack>
  );
}

interface Row {
  key: string;
  party: PlanParty;
  templateId: string | null;
  target: 'team' | 'function';
  targetId: string | null;
}

/** Which form a team or a function uses, per party; a function's choice wins over its team's. */
function Assignments({ data }: { data: TemplateList }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const teams = useTeams();
  const functions = useFunctions();
  const idPrefix = useId();
  const counter = useRef(0);
  const nextKey = () => `${idPrefix}-${counter.current++}`;
  const initial = (): Row[] =>
    data.assignments.map((a) => ({
      key: nextKey(),
      party: a.party,
      templateId: a.templateId,
      target: a.functionId ? 'function' : 'team',
      targetId: a.functionId ?? a.teamId,
    }));
  const [rows, setRows] = useState<Row[]>(initial);
  const [dirty, setDirty] = useState(false);
  const change = (key: string, patch: Partial<Row>) => {
    setDirty(true);
    setRows((list) => list.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  };
  const complete = rows.every((row) => row.templateId && row.targetId);
  const save = useMutation({
    mutationFn: () =>
      api.templates.assign({
        assignments: rows.map((row) => ({
          templateId: row.templateId ?? '',
          ...(row.target === 'team' ? { teamId: row.targetId } : { functionId: row.targetId }),
        })),
      }),
    onSuccess: (next) => {
      queryClient.setQueryData(queryKeys.templates, next);
      setDirty(false);
      notifySuccess(t, t('templates.assignments.saved'));
    },
  });
  const templateOptions = (party: PlanParty) =>
    data.items
      .filter((tpl) => tpl.party === party && tpl.active)
      .map((tpl) => ({ value: tpl.id, label: tpl.name }));
  const teamOptions = activeOptions(teams.data?.items);
  const functionOptions = activeOptions(functions.data?.items);
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="assignments-heading">
      <Title order={2} fz="h3" id="assignments-heading">
        {t('templates.assignments.title')}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="md">
        {t('templates.assignments.intro')}
      </Text>
      <Stack gap="sm">
        {rows.length === 0 && <Text size="sm">{t('templates.assignments.none')}</Text>}
        {rows.map((row, index) => {
          const number = index + 1;
          return (
            <Group key={row.key} align="flex-end" gap="sm" wrap="wrap">
              <Select
                label={t('templates.assignments.party', { number })}
                data={parties.map((p) => ({ value: p, label: t(`pop.parties.${p}`) }))}
                value={row.party}
                onChange={(v) => v && change(row.key, { party: v as PlanParty, templateId: null })}
                allowDeselect={false}
                w={170}
              />
              <Select
                label={t('templates.assignments.target', { number })}
                data={[
                  { value: 'team', label: t('common.fields.team') },
                  { value: 'function', label: t('common.fields.function') },
                ]}
                value={row.target}
                onChange={(v) => v && change(row.key, { target: v as Row['target'], targetId: null })}
                allowDeselect={false}
                w={150}
              />
              <Select
                label={
                  row.target === 'team'
                    ? t('templates.assignments.team', { number })
                    : t('templates.assignments.function', { number })
                }
                data={row.target === 'team' ? teamOptions : functionOptions}
                value={row.targetId}
                onChange={(v) => change(row.key, { targetId: v })}
                searchable
                placeholder={t('common.choose')}
                w={220}
              />
              <Select
                label={t('templates.assignments.template', { number })}
                data={templateOptions(row.party)}
                value={row.templateId}
                onChange={(v) => change(row.key, { templateId: v })}
                placeholder={t('common.choose')}
                w={240}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mb={4}
                onClick={() => {
                  setDirty(true);
                  setRows((list) => list.filter((r) => r.key !== row.key));
                }}
                aria-label={t('templates.assignments.remove', { number })}
              >
                <span aria-hidden="true">×</span>
              </ActionIcon>
            </Group>
          );
        })}
        <Group justify="space-between">
          <Button
            variant="light"
            size="xs"
            onClick={() => {
              setDirty(true);
              setRows((list) => [
                ...list,
                { key: nextKey(), party: 'employee', templateId: null, target: 'function', targetId: null },
              ]);
            }}
          >
            {t('templates.assignments.add')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty || !complete}>
            {t('templates.assignments.save')}
          </Button>
        </Group>
        {save.isError && (
          <Text size="sm" c="red.9" role="alert">
            {errorWithFields(save.error, t)}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
