import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/session.js';
import { errorMessage } from '../../components/error-message.js';
import { formatTime } from '../../i18n/format.js';
import type { AutosaveStatus } from './use-autosave.js';

interface AutosaveStatusProps {
  status: AutosaveStatus;
  savedAt: Date | null;
  error: unknown;
  onRetry?: () => void;
}

/** One quiet line under a text that saves itself: saving, saved at 14:02, or why not and that nothing is lost. */
export function AutosaveStatusLine({ status, savedAt, error, onRetry }: AutosaveStatusProps) {
  const { t } = useTranslation();
  const me = useMe();
  let text = '';
  let color = 'dimmed';
  switch (status) {
    case 'saving':
      text = t('autosave.saving');
      break;
    case 'dirty':
      text = t('autosave.unsaved');
      break;
    case 'saved':
      text = savedAt ? t('autosave.savedAt', { time: formatTime(savedAt, me.organisation.timeZone) }) : '';
      break;
    case 'offline':
      text = t('autosave.offline');
      color = 'orange.9';
      break;
    case 'error':
      text = t('autosave.failed', { reason: errorMessage(error, t) });
      color = 'red.9';
      break;
    default:
      text = '';
  }
  return (
    <Group gap="xs" mih={22} wrap="nowrap" align="center">
      <Text size="xs" c={color} role="status" aria-live="polite">
        {text}
      </Text>
      {(status === 'error' || status === 'offline') && onRetry && (
        <Button size="compact-xs" variant="subtle" onClick={onRetry}>
          {t('autosave.retry')}
        </Button>
      )}
    </Group>
  );
}

interface TextConflictProps {
  label: string;
  mine: string;
  theirs: string;
  onChoose: (text: string) => void;
}

/** The text on this device next to the one the server holds now; the person keeps one or both. */
export function TextConflict({ label, mine, theirs, onChoose }: TextConflictProps) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" title={t('autosave.conflict.title', { field: label })} role="alert">
      <Stack gap="sm">
        <Text size="sm">{t('autosave.conflict.body')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Paper withBorder p="xs" bg="white">
            <Text size="xs" fw={700} mb={4}>
              {t('autosave.conflict.mine')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {mine || t('common.empty')}
            </Text>
          </Paper>
          <Paper withBorder p="xs" bg="white">
            <Text size="xs" fw={700} mb={4}>
              {t('autosave.conflict.theirs')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {theirs || t('common.empty')}
            </Text>
          </Paper>
        </SimpleGrid>
        <Group gap="xs">
          <Button size="xs" onClick={() => onChoose(mine)}>
            {t('autosave.conflict.keepMine')}
          </Button>
          <Button size="xs" variant="outline" onClick={() => onChoose(theirs)}>
            {t('autosave.conflict.takeTheirs')}
          </Button>
          <Button
            size="xs"
            variant="outline"
            onClick={() => onChoose(mergeTexts(mine, theirs))}
            disabled={!mine.trim() || !theirs.trim()}
          >
            {t('autosave.conflict.merge')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/** Both texts, the server's first, without repeating what they share. */
export function mergeTexts(mine: string, theirs: string): string {
  const a = theirs.trim();
  const b = mine.trim();
  if (!a) return b;
  if (!b || a.includes(b)) return a;
  if (b.includes(a)) return b;
  return `${a}\n\n${b}`;
}
