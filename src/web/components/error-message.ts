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
