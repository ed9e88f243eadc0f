import { Alert, Button, Center, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './error-message.js';

interface QueryErrorProps {
  error: unknown;
  onRetry?: () => void;
  fullPage?: boolean;
}

/** A failed load, with a way to try again. */
export function QueryError({ error, onRetry, fullPage = false }: QueryErrorProps) {
  const { t } = useTranslation();
  const alert = (
    <Alert color="red" title={t('common.loadFailed')} role="alert" maw={640} w="100%">
      <Stack gap="sm" align="flex-start">
        <span>{errorMessage(error, t)}</span>
        {onRetry && (
          <Button variant="outline" color="red" size="xs" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
  if (!fullPage) return alert;
  return (
    <Center component="main" mih="60vh" p="md">
      {alert}
    </Center>
  );
}
