import { PasswordInput, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InputProps } from './form-types.js';

interface PasswordFieldsProps {
  password: InputProps;
  repeat: InputProps;
  passwordLabel?: string;
}

/** A new password and its repetition, with the rule shown up front. */
export function NewPasswordFields({ password, repeat, passwordLabel }: PasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <PasswordInput
        label={passwordLabel ?? t('common.newPassword')}
        description={t('common.passwordRule')}
        autoComplete="new-password"
        required
        {...password}
      />
      <PasswordInput label={t('common.repeatPassword')} autoComplete="new-password" required {...repeat} />
    </Stack>
  );
}
