import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../shared/contracts/organisation.js';
import { api } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import { errorMessage } from '../../components/error-message.js';
import { notifySuccess } from '../../components/notify.js';
import { CsvFileInput } from '../imports/csv-file-input.js';
import { ImportPreviewView } from '../imports/import-preview.js';
import { ImportProgress } from '../imports/import-progress.js';
import { useCsvPreview } from '../imports/use-csv-preview.js';

export function CompetencyImport({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const csv = useCsvPreview(api.competencies.importPreview);
  const [job, setJob] = useState<ImportJob | null>(null);
  const refresh = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.competencies });
    void queryClient.invalidateQueries({ queryKey: queryKeys.functions });
  }, [queryClient]);
  const start = useMutation({
    mutationFn: () => {
      if (!csv.upload) throw new Error('no file');
      return api.competencies.import(csv.upload);
    },
    onSuccess: (result) => {
      refresh();
      if (result && typeof result === 'object' && 'status' in result && 'id' in result) {
        setJob(result);
      } else {
        notifySuccess(t, t('competencies.import.done'), t('imports.doneTitle'));
        onDone();
      }
    },
  });
  const preview = csv.preview.data;
  const blocked = !preview || preview.counts.error > 0 || preview.fileErrors.length > 0;
  const nothingToDo = !!preview && preview.counts.create + preview.counts.update === 0;

  if (job) {
    return (
      <Stack>
        <ImportProgress job={job} onFinished={refresh} />
        <Group justify="flex-end">
          <Button onClick={onDone}>{t('common.close')}</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Text size="sm">{t('competencies.import.intro')}</Text>
      <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {t('competencies.import.example')}
      </Code>
      <CsvFileInput value={csv.file} onChange={(file) => void csv.choose(file)} error={csv.readError} />
      {csv.preview.isPending && (
        <Text size="sm" role="status">
          {t('imports.previewing')}
        </Text>
      )}
      {csv.preview.isError && (
        <Alert color="red" title={t('imports.previewFailed')} role="alert">
          {errorMessage(csv.preview.error, t)}
        </Alert>
      )}
      {preview && (
        <>
          <ImportPreviewView preview={preview} />
          {blocked && (
            <Alert color="orange" title={t('imports.blockedTitle')}>
              {t('imports.blocked')}
            </Alert>
          )}
          {start.isError && (
            <Alert color="red" title={t('imports.startFailed')} role="alert">
              {errorMessage(start.error, t)}
            </Alert>
          )}
          {nothingToDo && !blocked && <Text size="sm">{t('imports.nothingToDo')}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button
              onClick={() => start.mutate()}
              disabled={blocked || nothingToDo}
              loading={start.isPending}
            >
              {t('competencies.import.submit', { count: preview.counts.create + preview.counts.update })}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
