import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubmitFailure } from './server-errors.js';
import { revealMargin, useRevealOnChange } from './use-reveal.js';

/** The general error of a form submit, shown above the form; field errors stay next to their fields. */
export function FormAlert({ failure, title }: { failure: SubmitFailure | null; title?: string }) {
  const { t } = useTranslation();
  const ref = useRevealOnChange<HTMLDivElement>(failure);
  if (!failure || failure.isConflict) return null;
  return (
    <Alert ref={ref} style={revealMargin} color="red" title={title ?? t('common.saveFailed')} role="alert">
      {failure.message}
      {failure.details.length > 0 && (
        <List size="sm" mt="xs">
          {failure.details.map((detail) => (
            <List.Item key={detail}>{detail}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
