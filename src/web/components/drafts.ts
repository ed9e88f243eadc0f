/** Unsaved text waits on this device under keys with this prefix (per plan, party and text). */
export const draftPrefix = 'groeipad.draft.';

/** Signing out leaves no private text behind on a shared device. */
export function clearDrafts(): void {
  try {
    for (const key of Object.keys(window.localStorage))
      if (key.startsWith(draftPrefix)) window.localStorage.removeItem(key);
  } catch {
    // Storage may be refused (private browsing): then nothing was kept either.
  }
}
