import type { TFunction } from 'i18next';
import { AppError } from '../../shared/errors.js';
import { errorMessage } from './error-message.js';

export interface SubmitFailure {
  /** The general sentence (e.g. "Niet alle velden zijn correct ingevuld."). */
  message: string;
  /** Field messages that have no field in this form, prefixed with their label or path. */
  details: string[];
  isConflict: boolean;
}

/** The part of a Mantine form this needs. */
export interface ErrorTarget {
  getValues: () => unknown;
  setErrors: (errors: Record<string, string>) => void;
}

function hasPath(values: unknown, path: string): boolean {
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

/**
 * Puts the server's field errors (422 `error.fields`, already translated) next to the fields of the form and
 * returns what is left for the alert above the form. The form keeps every value the person typed.
 */
export function applyServerErrors(
  form: ErrorTarget,
  error: unknown,
  t: TFunction,
  options: { mapPath?: (path: string) => string; labels?: Record<string, string> } = {},
): SubmitFailure {
  const details: string[] = [];
  if (error instanceof AppError && error.fields?.length) {
    const values = form.getValues();
    const fieldErrors: Record<string, string> = {};
    for (const field of error.fields) {
      const path = options.mapPath ? options.mapPath(field.path) : field.path;
      const message =
        field.message ?? t(`validation.${field.code}`, { defaultValue: t('validation.invalid_value') });
      if (path && hasPath(values, path)) {
        fieldErrors[path] = fieldErrors[path] ? `${fieldErrors[path]} ${message}` : message;
      } else {
        const label = options.labels?.[field.path] ?? field.path;
        details.push(label ? `${label}: ${message}` : message);
      }
    }
    form.setErrors(fieldErrors);
  }
  return {
    message: errorMessage(error, t),
    details,
    isConflict: error instanceof AppError && error.code === 'VERSION_CONFLICT',
  };
}
