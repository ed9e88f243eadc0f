import { Alert, Anchor, Button, Checkbox, Code, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportJob } from '../../../shared/contracts/organisation.js';
import { api } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import { useMe } from '../../app/session.js';
import { errorMessage } from '../../components/error-message.js';
import { PageHeader } from '../../components/page-header.js';
import { CsvFileInput } from './csv-file-input.js';
import { ImportPreviewView } from './import-preview.js';
import { ImportProgress } from './import-progress.js';
import { useCsvPreview } from './use-csv-preview.js';

export function PeopleImportPage() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const csv = useCsvPreview(api.people.importPreview);
  const [sendInvitations, setSendInvitations] = useState(false);
  const [job, setJob] = useState<ImportJob | null>(null);
  const start = useMutation({
    mutationFn: () => {
      if (!csv.upload) throw new Error('no file');
      return api.people.import({ ...csv.upload, sendInvitations });
    },
    onSuccess: setJob,
  });
  const onFinished = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.people });
    void queryClient.invalidateQueries({ queryKey: queryKeys.teams });
    void queryClient.invalidateQueries({ queryKey: queryKeys.functions });
  }, [queryClient]);

  const preview = csv.preview.data;
  const blocked = !preview || preview.counts.error > 0 || preview.fileErrors.length > 0;
  const nothingToDo = !!preview && preview.counts.create + preview.counts.update === 0;

  const restart = () => {
    setJob(null);
    start.reset();
    csv.reset();
  };

  return (
    <Stack maw={1200} gap="lg">
      <PageHeader title={t('imports.people.title')} description={t('imports.people.intro')} />

      <Paper withBorder p="md" component="section" aria-labelledby="format-heading">
        <Title order={2} fz="h4" id="format-heading">
          {t('imports.people.formatTitle')}
        </Title>
        <Text size="sm" mt="xs">
          {t('imports.people.format')}
        </Text>
        <List size="sm" mt="xs">
          <List.Item>{t('imports.people.formatRequired')}</List.Item>
          <List.Item>{t('imports.people.formatOptional')}</List.Item>
          <List.Item>{t('imports.people.formatMatch')}</List.Item>
          <List.Item>{t('imports.people.formatDates')}</List.Item>
        </List>
        <Code block mt="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {t('imports.people.example')}
        </Code>
      </Paper>

      {!job && (
        <section aria-labelledby="upload-heading">
          <Title order={2} fz="h4" id="upload-heading" mb="sm">
            {t('imports.step1')}
          </Title>
          <CsvFileInput value={csv.file} onChange={(file) => void csv.choose(file)} error={csv.readError} />
          {csv.preview.isPending && (
            <Text size="sm" mt="sm" role="status">
              {t('imports.previewing')}
            </Text>
          )}
          {csv.preview.isError && (
            <Alert color="red" mt="sm" title={t('imports.previewFailed')} role="alert">
              {errorMessage(csv.preview.error, t)}
            </Alert>
          )}
        </section>
      )}

      {preview && !job && (
        <section aria-labelledby="check-heading">
          <Title order={2} fz="h4" id="check-heading" mb="sm">
            {t('imports.step2')}
          </Title>
          <ImportPreviewView preview={preview} />
          <Stack gap="sm" mt="lg">
            {blocked && (
              <Alert color="orange" title={t('imports.blockedTitle')}>
                {t('imports.blocked')}
              </Alert>
            )}
            <Checkbox
              label={t('imports.people.sendInvitations')}
              description={t('imports.people.sendInvitationsHint')}
              checked={sendInvitations}
              onChange={(e) => setSendInvitations(e.currentTarget.checked)}
            />
            {start.isError && (
              <Alert color="red" title={t('imports.startFailed')} role="alert">
                {errorMessage(start.error, t)}
              </Alert>
            )}
            <Group>
              <Button
                onClick={() => start.mutate()}
                disabled={blocked || nothingToDo}
                loading={start.isPending}
              >
                {t('imports.people.submit', {
                  count: (preview.counts.create ?? 0) + (preview.counts.update ?? 0),
                })}
              </Button>
              <Button variant="default" onClick={csv.refresh} disabled={csv.preview.isPending}>
                {t('imports.recheck')}
              </Button>
            </Group>
            {nothingToDo && !blocked && <Text size="sm">{t('imports.nothingToDo')}</Text>}
          </Stack>
        </section>
      )}

      {job && (
        <section aria-labelledby="progress-heading">
          <Title order={2} fz="h4" id="progress-heading" mb="sm">
            {t('imports.step3')}
          </Title>
          <ImportProgress job={job} onFinished={onFinished} />
          <Group mt="md">
            <Button component={Link} to="/people">
              {t('imports.people.toPeople')}
            </Button>
            <Button variant="default" onClick={restart}>
              {t('imports.another')}
            </Button>
          </Group>
          {sendInvitations && me.capabilities.viewOutbox && (
            <Text size="sm" mt="sm">
              <Trans
                i18nKey="imports.people.invitationsNote"
                components={{ go: <Anchor component={Link} to="/settings/outbox" /> }}
              />
            </Text>
          )}
        </section>
      )}
    </Stack>
  );
}
