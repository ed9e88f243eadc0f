import { FileInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface CsvFileInputProps {
  value: File | null;
  onChange: (file: File | null) => void;
  error?: string | null;
  description?: string;
  disabled?: boolean;
}

export function CsvFileInput({ value, onChange, error, description, disabled }: CsvFileInputProps) {
  const { t } = useTranslation();
  return (
    <FileInput
      label={t('imports.file')}
      description={description ?? t('imports.fileHint')}
      placeholder={t('imports.choose')}
      accept=".csv,text/csv"
      clearable
      clearButtonProps={{ 'aria-label': t('imports.clearFile') }}
      value={value}
      onChange={onChange}
      error={error ?? undefined}
      disabled={disabled}
      maw={520}
    />
  );
}
