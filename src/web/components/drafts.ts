/** Unsaved text waits on this device under keys with this prefix (per plan, party and text). */
export const draftPrefix = 'groeipad.draft.';

/**
 * The last text this page saved under a draft key, and when, for as long as the page lives: a text shown again (its
 * section opened again, or rebuilt by the page) still says when it was saved, as long as the server holds that text.
 */
const savedTexts = new Map<string, SavedText<unknown>>();

export interface SavedText<V> {
  value: V;
  at: Date;
}

export function rememberSaved<V>(key: string, value: V, at: Date): void {
  savedTexts.set(key, { value, at });
}

/** The caller reads a key with the type it saved under it (each key belongs to one text block). */
export function lastSaved<V>(key: string): SavedText<V> | undefined {
  return savedTexts.get(key) as SavedText<V> | undefined;
}

/** Signing out leaves no private text behind on a shared device. */
export function clearDrafts(): void {
  savedTexts.clear();
  try {
    for (const key of Object.keys(window.localStorage))
      if (key.startsWith(draftPrefix)) window.localStorage.removeItem(key);
  } catch {
    // Storage may be refused (private browsing): then nothing was kept either.
  }
}
