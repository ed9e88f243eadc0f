import type { TFunction } from 'i18next';
import { AppError } from '../../shared/errors.js';
import { NetworkError } from '../api/client.js';

/** A readable sentence for any failure: the server's own translated message when it sent one. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof NetworkError) return t('common.errors.network');
  if (error instanceof AppError) {
    if (error.message && error.message !== error.code) return error.message;
    if (error.code === 'RATE_LIMITED')
      return t('errors.RATE_LIMITED', { seconds: error.retryAfterSeconds ?? 60 });
    return t(`errors.${error.code}`);
  }
  return t('errors.INTERNAL');
}

/** The sentence plus each field message, for failures that have no form field to stand next to. */
export function errorWithFields(error: unknown, t: TFunction): string {
  const general = errorMessage(error, t);
  if (!(error instanceof AppError) || !error.fields?.length) return general;
  const details = error.fields.map((f) => f.message ?? t(`validation.${f.code}` as 'validation.required'));
  return [general, ...new Set(details)].join(' ');
}
