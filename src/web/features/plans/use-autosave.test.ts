import { describe, expect, it } from 'vitest';
import { sameText, startOf } from './use-autosave.js';

const now = new Date('2026-03-05T10:00:00.000Z');
const earlier = new Date('2026-03-05T09:58:00.000Z');
const server = { value: 'B', version: 4 };

describe('startOf: what a text block starts from', () => {
  it.each([
    {
      name: 'no draft: the server text, nothing to say',
      draft: null,
      saved: undefined,
      expected: { value: 'B', base: 'B', version: 4, conflict: null, savedAt: null },
    },
    {
      name: 'no draft, saved from this page a moment ago: says when',
      draft: null,
      saved: { value: 'B', at: earlier },
      expected: { value: 'B', base: 'B', version: 4, conflict: null, savedAt: earlier },
    },
    {
      name: 'saved from this page, but the server moved on since: nothing to say',
      draft: null,
      saved: { value: 'A', at: earlier },
      expected: { value: 'B', base: 'B', version: 4, conflict: null, savedAt: null },
    },
    {
      name: 'a typed draft the server already holds (saved as the block was rebuilt): saved now',
      draft: { value: 'B', base: 'A', version: 3 },
      saved: undefined,
      expected: { value: 'B', base: 'B', version: 4, conflict: null, savedAt: now },
    },
    {
      name: 'a draft on the text the server holds: unsaved text, sent again',
      draft: { value: 'C', base: 'B', version: 4 },
      saved: undefined,
      expected: { value: 'C', base: 'B', version: 4, conflict: null, savedAt: null },
    },
    {
      name: 'a draft on a text the server no longer holds: both kept, the person chooses',
      draft: { value: 'C', base: 'A', version: 3 },
      saved: { value: 'B', at: earlier },
      expected: { value: 'C', base: 'A', version: 3, conflict: server, savedAt: null },
    },
  ])('$name', ({ draft, saved, expected }) => {
    expect(startOf(draft, server, saved, sameText, now)).toEqual(expected);
  });
});
