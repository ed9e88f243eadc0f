import { useTranslation } from 'react-i18next';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Client-side checks that mirror the server's rules (required, lengths, email, password 8..128), so most mistakes
 * show before sending. The server still checks everything; its field errors are shown the same way.
 */
export function useRules() {
  const { t } = useTranslation();
  const tooLong = (value: string, max: number) =>
    value.trim().length > max ? t('validation.too_long', { max }) : null;
  return {
    required:
      (max = 200) =>
      (value: string | null | undefined) =>
        !value?.trim() ? t('validation.required') : tooLong(value, max),
    optional: (max: number) => (value: string | null | undefined) => (value ? tooLong(value, max) : null),
    requiredChoice: (value: string | null | undefined) => (value ? null : t('validation.required')),
    email: (value: string | null | undefined) => {
      const v = value?.trim() ?? '';
      if (!v) return t('validation.required');
      if (v.length > 254) return t('validation.too_long', { max: 254 });
      return emailPattern.test(v) ? null : t('validation.invalid_email');
    },
    password: (value: string | null | undefined) => {
      const v = value ?? '';
      if (!v) return t('validation.required');
      if (v.length < 8) return t('validation.too_short', { min: 8 });
      if (v.length > 128) return t('validation.too_long', { max: 128 });
      return null;
    },
    sameAs: (other: string | undefined) => (value: string | null | undefined) =>
      value === other ? null : t('common.passwordsDiffer'),
  };
}
