import { Button, type ButtonProps } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../components/notify.js';
import { downloadExport } from '../exports/download.js';

/** Where the server makes each PDF (see the `documents` tag of the API). */
export const documentUrls = {
  version: (planId: string, number: number) => `/api/plans/${planId}/versions/${number}/pdf`,
  draft: (planId: string) => `/api/plans/${planId}/pdf`,
  ownPreparation: (planId: string) => `/api/plans/${planId}/preparations/mine/pdf`,
  popForm: '/api/documents/pop-form.pdf',
  template: (templateId: string) => `/api/templates/${templateId}/pdf`,
};

/**
 * A button that fetches a PDF and hands it to the browser under the name the server chose. A refusal (404, the
 * per-person limit) is shown as a notification in the person's language.
 */
export function PdfDownloadButton({
  url,
  fallbackName,
  label,
  children,
  ...buttonProps
}: ButtonProps & {
  url: string;
  fallbackName: string;
  /** The accessible name, when the visible text alone does not say which document it is. */
  label?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadExport(url, {
        signal: new AbortController().signal,
        fallbackName,
        onProgress: () => {},
      });
    } catch (error) {
      notifyError(t, error, t('documents.download.failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      variant="default"
      {...buttonProps}
      loading={busy}
      onClick={() => void download()}
      {...(label ? { 'aria-label': label } : {})}
    >
      {children}
    </Button>
  );
}
