import { describe, expect, it } from 'vitest';
import { emailKey, searchKey } from './text.js';

describe('searchKey', () => {
  it.each([
    ['Zoë Peeters', 'zoe peeters'],
    ['  ANAÏS   Dubois ', 'anais dubois'],
    ['Jérôme Çelik', 'jerome celik'],
    ['Ørsted', 'ørsted'],
    ['ﬁets', 'fiets'],
  ])('%s -> %s', (input, expected) => {
    expect(searchKey(input)).toBe(expected);
  });
});

describe('emailKey', () => {
  it('lower-cases and trims', () => {
    expect(emailKey('  Zoe.Peeters@DeBrug.be ')).toBe('zoe.peeters@debrug.be');
  });
});
