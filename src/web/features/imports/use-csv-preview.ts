import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../shared/contracts/organisation.js';
import type { CsvUploadInput } from '../../api/client.js';
import { readCsvFile } from './csv-file.js';

/** Choosing a CSV file reads it in the browser and asks the server for a preview at once. */
export function useCsvPreview(previewFn: (body: CsvUploadInput) => Promise<ImportPreview>) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<{ filename: string; content: string } | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const preview = useMutation({ mutationFn: previewFn });

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setUpload(null);
    setReadError(null);
    preview.reset();
    if (!chosen) return;
    const result = await readCsvFile(chosen);
    if (!result.ok) {
      setReadError(
        result.reason === 'not_utf8'
          ? t('validation.not_utf8')
          : result.reason === 'empty'
            ? t('validation.csv_empty')
            : t('errors.PAYLOAD_TOO_LARGE'),
      );
      return;
    }
    const body = { filename: result.filename, content: result.content };
    setUpload(body);
    preview.mutate(body);
  };

  return {
    file,
    upload,
    readError,
    preview,
    choose,
    reset: () => void choose(null),
    refresh: () => {
      if (upload) preview.mutate(upload);
    },
  };
}
