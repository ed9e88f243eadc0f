import { Alert, Button, Group, Menu, Progress, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, PlanExportKind } from '../../../shared/contracts/exports.js';
import { AppModal } from '../../components/app-modal.js';
import { errorMessage } from '../../components/error-message.js';
import { notifySuccess } from '../../components/notify.js';
import { currentLocale } from '../../i18n/i18n.js';
import { type DownloadProgress, downloadExport } from './download.js';

type Params = Record<string, string | number | null | undefined>;

/** The URL of an export with the filters of the screen. */
export function exportUrl(kind: PlanExportKind, format: ExportFormat, params: Params): string {
  const search = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  return `/api/exports/${kind}?${search.toString()}`;
}

function formatBytes(bytes: number, locale: string): string {
  const format = (value: number, unit: string) =>
    `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
  if (bytes < 1024 * 1024) return format(bytes / 1024, 'kB');
  return format(bytes / (1024 * 1024), 'MB');
}

type Run =
  | { state: 'running'; kind: PlanExportKind; format: ExportFormat; progress: DownloadProgress | null }
  | { state: 'failed'; kind: PlanExportKind; format: ExportFormat; error: unknown };

/**
 * "Exporteren": plans, goals and actions as CSV or XLSX with the filters of the screen. The download shows how far
 * it got (rows for CSV, bytes for XLSX) and can be stopped; a failure says so plainly and offers to try again.
 */
export function ExportMenu({
  kinds,
  params,
  contentHidden = false,
}: {
  kinds: readonly PlanExportKind[];
  params: Params;
  /** HR without permission to read content: the files leave titles and descriptions out. */
  contentHidden?: boolean;
}) {
  const { t } = useTranslation();
  const [run, setRun] = useState<Run | null>(null);
  const controller = useRef<AbortController | null>(null);
  const locale = currentLocale();

  const start = async (kind: PlanExportKind, format: ExportFormat) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setRun({ state: 'running', kind, format, progress: null });
    try {
      const { fileName } = await downloadExport(exportUrl(kind, format, params), {
        signal: abort.signal,
        fallbackName: `${t(`exports.fileNames.${kind}`)}.${format}`,
        onProgress: (progress) =>
          setRun((current) =>
            current?.state === 'running' && controller.current === abort ? { ...current, progress } : current,
          ),
      });
      if (controller.current !== abort) return;
      setRun(null);
      notifySuccess(t, t('exports.progress.done', { file: fileName }), t(`exports.menu.kinds.${kind}`));
    } catch (error) {
      if (abort.signal.aborted) return;
      if (controller.current === abort) setRun({ state: 'failed', kind, format, error });
    }
  };

  const stop = () => {
    controller.current?.abort();
    controller.current = null;
    setRun(null);
  };

  const progress = run?.state === 'running' ? run.progress : null;
  const percent =
    progress?.rows !== null && progress?.rows !== undefined && progress.totalRows
      ? Math.min(100, Math.round((progress.rows / progress.totalRows) * 100))
      : null;

  return (
    <>
      <Menu position="bottom-end" withinPortal shadow="md" width={280}>
        <Menu.Target>
          <Button variant="default" aria-label={t('exports.menu.label')}>
            {t('exports.menu.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {kinds.map((kind, index) => (
            <div key={kind}>
              {index > 0 && <Menu.Divider />}
              <Menu.Label>{t(`exports.menu.kinds.${kind}`)}</Menu.Label>
              {(['csv', 'xlsx'] as const).map((format) => (
                <Menu.Item key={format} onClick={() => void start(kind, format)}>
                  {t(`exports.menu.${format}`, { kind: t(`exports.menu.kinds.${kind}`) })}
                </Menu.Item>
              ))}
            </div>
          ))}
          <Menu.Divider />
          <Text size="xs" c="dimmed" px="sm" py={4} maw={260}>
            {t('exports.menu.filtersApply')}
            {contentHidden && ` ${t('exports.menu.contentHidden')}`}
          </Text>
        </Menu.Dropdown>
      </Menu>
      <AppModal
        opened={run !== null}
        onClose={stop}
        title={
          run === null
            ? ''
            : run.state === 'running'
              ? `${t('exports.progress.title')}: ${t(`exports.menu.kinds.${run.kind}`)}`
              : t(`exports.menu.kinds.${run.kind}`)
        }
      >
        {run?.state === 'running' && (
          <Stack gap="sm">
            <Progress
              value={percent ?? 100}
              animated={percent === null}
              striped={percent === null}
              aria-label={t('exports.progress.title')}
              {...(percent === null ? {} : { 'aria-valuenow': percent })}
            />
            <Text size="sm" aria-live="polite">
              {!progress
                ? t('exports.progress.starting')
                : percent !== null && progress.rows !== null && progress.totalRows !== null
                  ? t('exports.progress.rows', {
                      done: new Intl.NumberFormat(locale).format(progress.rows),
                      total: new Intl.NumberFormat(locale).format(progress.totalRows),
                    })
                  : t('exports.progress.bytes', { size: formatBytes(progress.bytes, locale) })}
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={stop}>
                {t('exports.progress.cancel')}
              </Button>
            </Group>
          </Stack>
        )}
        {run?.state === 'failed' && (
          <Stack gap="sm">
            <Alert color="red" title={t('exports.progress.failed')} role="alert">
              <Stack gap={4}>
                <span>{t('exports.progress.failedBody')}</span>
                <Text size="sm">{errorMessage(run.error, t)}</Text>
              </Stack>
            </Alert>
            <Group justify="flex-end">
              <Button variant="default" onClick={stop}>
                {t('exports.progress.close')}
              </Button>
              <Button onClick={() => void start(run.kind, run.format)}>{t('exports.progress.retry')}</Button>
            </Group>
          </Stack>
        )}
      </AppModal>
    </>
  );
}
