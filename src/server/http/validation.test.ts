import { describe, expect, it } from 'vitest';
import { fieldErrorsFromValidation } from './validation.js';

describe('fieldErrorsFromValidation', () => {
  it.each([
    [
      {
        keyword: 'invalid_type',
        instancePath: '/admin/email',
        message: 'Invalid input: expected string, received undefined',
        params: { expected: 'string' },
      },
      'body',
      [{ path: 'admin.email', code: 'required' }],
    ],
    [
      {
        keyword: 'invalid_type',
        instancePath: '/fte',
        message: 'expected number, received string',
        params: {},
      },
      'body',
      [{ path: 'fte', code: 'invalid_type' }],
    ],
    [
      { keyword: 'too_small', instancePath: '/name', params: { origin: 'string', minimum: 1 } },
      'body',
      [{ path: 'name', code: 'required', params: { min: 1 } }],
    ],
    [
      { keyword: 'too_small', instancePath: '/password', params: { origin: 'string', minimum: 8 } },
      'body',
      [{ path: 'password', code: 'too_short', params: { min: 8 } }],
    ],
    [
      { keyword: 'too_big', instancePath: '/name', params: { origin: 'string', maximum: 120 } },
      'body',
      [{ path: 'name', code: 'too_long', params: { max: 120 } }],
    ],
    [
      { keyword: 'too_big', instancePath: '/limit', params: { origin: 'number', maximum: 500 } },
      'querystring',
      [{ path: 'querystring.limit', code: 'too_big', params: { max: 500 } }],
    ],
    [
      { keyword: 'invalid_format', instancePath: '/email', params: { format: 'email' } },
      'body',
      [{ path: 'email', code: 'invalid_email' }],
    ],
    [
      { keyword: 'invalid_format', instancePath: '/startDate', params: { format: 'date' } },
      'body',
      [{ path: 'startDate', code: 'invalid_date' }],
    ],
    [
      { keyword: 'invalid_format', instancePath: '/id', params: { format: 'uuid' } },
      'params',
      [{ path: 'params.id', code: 'invalid_format' }],
    ],
    [
      { keyword: 'invalid_value', instancePath: '/country', params: { values: ['BE', 'NL'] } },
      'body',
      [{ path: 'country', code: 'invalid_value' }],
    ],
    [
      { keyword: 'custom', instancePath: '/startDate', params: { params: { code: 'invalid_date' } } },
      'body',
      [{ path: 'startDate', code: 'invalid_date' }],
    ],
    [
      { keyword: 'custom', instancePath: '/x', params: {} },
      'querystring',
      [{ path: 'querystring.x', code: 'invalid_format' }],
    ],
    [
      { keyword: 'unrecognized_keys', instancePath: '', params: { keys: ['role', 'organisationId'] } },
      'body',
      [
        { path: 'role', code: 'unknown_field', params: { field: 'role' } },
        { path: 'organisationId', code: 'unknown_field', params: { field: 'organisationId' } },
      ],
    ],
  ])('%o in %s', (issue, context, expected) => {
    expect(fieldErrorsFromValidation([issue], context)).toEqual(expected);
  });
});
