import type { FieldError } from '../../shared/errors.js';

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

const pathOf = (instancePath: string, prefix: string | undefined): string => {
  const path = instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  return prefix && prefix !== 'body' ? [prefix, path].filter(Boolean).join('.') : path;
};

/** Turns the Zod issues Fastify reports into field errors with message keys of the `validation.*` catalogue. */
export function fieldErrorsFromValidation(issues: ValidationIssue[], context?: string): FieldError[] {
  const fields: FieldError[] = [];
  for (const issue of issues) {
    const params = issue.params ?? {};
    const path = pathOf(issue.instancePath, context);
    switch (issue.keyword) {
      case 'unrecognized_keys': {
        const keys = Array.isArray(params.keys) ? (params.keys as string[]) : [];
        for (const key of keys) {
          fields.push({
            path: [path, key].filter(Boolean).join('.'),
            code: 'unknown_field',
            params: { field: key },
          });
        }
        break;
      }
      case 'invalid_type': {
        const missing = params.input === undefined && /received undefined/.test(issue.message ?? '');
        fields.push({ path, code: missing ? 'required' : 'invalid_type' });
        break;
      }
      case 'too_small': {
        const min = Number(params.minimum ?? 0);
        if (params.origin === 'string')
          fields.push({ path, code: min <= 1 ? 'required' : 'too_short', params: { min } });
        else fields.push({ path, code: 'too_small', params: { min } });
        break;
      }
      case 'too_big': {
        const max = Number(params.maximum ?? 0);
        fields.push({ path, code: params.origin === 'string' ? 'too_long' : 'too_big', params: { max } });
        break;
      }
      case 'invalid_format': {
        const format = String(params.format ?? '');
        const code =
          format === 'email' ? 'invalid_email' : format === 'date' ? 'invalid_date' : 'invalid_format';
        fields.push({ path, code });
        break;
      }
      case 'custom': {
        // A refinement names its message key in `params.code` (e.g. a date outside the years the app accepts).
        const code = (params.params as { code?: unknown } | undefined)?.code;
        fields.push({ path, code: typeof code === 'string' ? code : 'invalid_format' });
        break;
      }
      case 'invalid_value':
      case 'invalid_union':
        fields.push({ path, code: 'invalid_value' });
        break;
      default:
        fields.push({ path, code: 'invalid_format' });
    }
  }
  return fields;
}
