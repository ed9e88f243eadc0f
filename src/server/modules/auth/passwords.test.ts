import { dictionary } from '@zxcvbn-ts/language-common';
import { describe, expect, it } from 'vitest';
import { commonPasswordList } from './common-passwords.js';
import { isCommonPassword } from './passwords.js';

describe('common passwords', () => {
  it('are the first 1,000 of the zxcvbn-ts common list that the length rule accepts', () => {
    const source = (dictionary['passwords-common'] as string[]).filter((p) => p.length >= 8).slice(0, 1000);
    expect(commonPasswordList).toEqual(source);
  });

  it.each([
    ['password', true],
    ['PassWord', true],
    ['12345678', true],
    ['wachtwoord123', true],
    ['Groeipad', true],
    ['Zoë-plant-haar-POP-2026', false],
    ['kwartelkoning-op-de-schelde', false],
  ])('%s is common: %s', (password, common) => {
    expect(isCommonPassword(password)).toBe(common);
  });
});
