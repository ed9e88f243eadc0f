import { Alert, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../shared/contracts/organisation.js';
import { api } from '../../api/client.js';
import { queryKeys } from '../../api/query-keys.js';
import { QueryError } from '../../components/query-error.js';

interface ImportProgressProps {
  job: ImportJob;
  onFinished?: (job: ImportJob) => void;
}

/** Follows a running import every second until it is done, then shows what it did. */
export function ImportProgress({ job: started, onFinished }: ImportProgressProps) {
  const { t } = useTranslation();
  const job = useQuery({
    queryKey: queryKeys.importJob(started.id),
    queryFn: () => api.imports.get(started.id),
    initialData: started,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 1000 : false),
  });
  const data = job.data;
  const finished = data.status !== 'running';
  useEffect(() => {
    if (finished) onFinished?.(data);
  }, [finished, data, onFinished]);

  const percent = data.total > 0 ? Math.round((data.processed / data.total) * 100) : finished ? 100 : 0;
  return (
    <Stack gap="sm">
      <Progress value={percent} size="lg" animated={!finished} aria-label={t('imports.progressLabel')} />
      <Text size="sm" role="status" aria-live="polite">
        {data.status === 'running'
          ? t('imports.progress', { processed: data.processed, total: data.total })
          : data.status === 'done'
            ? t('imports.doneShort')
            : t('imports.failedShort')}
      </Text>
      {job.isError && <QueryError error={job.error} onRetry={() => void job.refetch()} />}
      {data.status === 'done' && (
        <Alert color="green" title={t('imports.doneTitle')} role="status">
          {t('imports.summary', { created: data.created, updated: data.updated, invited: data.invited })}
        </Alert>
      )}
      {data.status === 'failed' && (
        <Alert color="red" title={t('imports.failedTitle')} role="alert">
          {data.error ?? t('errors.INTERNAL')}
        </Alert>
      )}
    </Stack>
  );
}
