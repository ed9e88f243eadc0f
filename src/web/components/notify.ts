import type { TFunction } from 'i18next';
import { errorMessage } from './error-message.js';

let mountContainer: (() => void) | null = null;

/** The notification container mounts on first use, so its code stays out of the first page. */
export function onFirstNotification(mount: () => void): () => void {
  mountContainer = mount;
  return () => {
    mountContainer = null;
  };
}

function show(t: TFunction, color: string, title: string, message: string): void {
  mountContainer?.();
  void import('@mantine/notifications').then(({ notifications }) =>
    notifications.show({ color, title, message, closeButtonProps: { 'aria-label': t('common.close') } }),
  );
}

/** A short confirmation after a save. */
export const notifySuccess = (t: TFunction, message: string, title: string = t('common.saved')) =>
  show(t, 'green', title, message);

/** A failed action that has no form to show its error in. */
export const notifyError = (t: TFunction, error: unknown, title: string = t('common.saveFailed')) =>
  show(t, 'red', title, errorMessage(error, t));
