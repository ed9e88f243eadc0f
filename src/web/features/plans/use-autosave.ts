import { useCallback, useEffect, useRef, useState } from 'react';
import { AppError } from '../../../shared/errors.js';
import { NetworkError } from '../../api/client.js';
import { lastSaved, rememberSaved, type SavedText } from '../../components/drafts.js';

export type AutosaveStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'offline' | 'error' | 'conflict';

export interface Versioned<V> {
  value: V;
  version: number;
}

export interface AutosaveOptions<V> {
  /** Where unsaved text waits on this device (localStorage), e.g. per plan and party. */
  storageKey: string;
  /** What the server holds now, from the plan query. */
  server: Versioned<V>;
  save: (value: V, version: number) => Promise<Versioned<V>>;
  /** After a 409: what the server holds now (from the error, or loaded again). */
  latest: (error: AppError) => Promise<Versioned<V> | null>;
  equals: (a: V, b: V) => boolean;
  enabled: boolean;
  delay?: number;
}

export interface Draft<V> {
  value: V;
  base: V;
  version: number;
}

function readDraft<V>(key: string): Draft<V> | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Draft<V>) : null;
  } catch {
    return null;
  }
}

function writeDraft<V>(key: string, draft: Draft<V> | null): void {
  try {
    if (draft) window.localStorage.setItem(key, JSON.stringify(draft));
    else window.localStorage.removeItem(key);
  } catch {
    // Storage may be full or refused (private browsing): the text stays in the form for this visit.
  }
}

export interface Start<V> {
  value: V;
  base: V;
  version: number;
  conflict: Versioned<V> | null;
  /** When the text shown was saved, if it is known to be saved from this page. */
  savedAt: Date | null;
}

/**
 * What a text block starts from: the server's text, or the draft this device kept (unsaved text), or both when the
 * server moved on from where the draft started (a conflict). A draft the server already holds was saved just now
 * (perhaps by this same block before the page rebuilt it), and a text this page saved a moment ago says when.
 */
export function startOf<V>(
  draft: Draft<V> | null,
  server: Versioned<V>,
  saved: SavedText<V> | undefined,
  equals: (a: V, b: V) => boolean,
  now: Date,
): Start<V> {
  if (!draft || equals(draft.value, server.value)) {
    const savedAt =
      draft && !equals(draft.value, draft.base)
        ? now
        : saved && equals(saved.value, server.value)
          ? saved.at
          : null;
    return { value: server.value, base: server.value, version: server.version, conflict: null, savedAt };
  }
  if (equals(draft.base, server.value))
    return { value: draft.value, base: server.value, version: server.version, conflict: null, savedAt: null };
  return { value: draft.value, base: draft.base, version: draft.version, conflict: server, savedAt: null };
}

const retryAfterOfflineMs = 5000;
const maxSilentRetries = 3;

/**
 * Saves text while someone types: ~800 ms after the last keystroke, against the version it was loaded with.
 * Unsaved text waits in localStorage, so a lost connection or a reload loses nothing. When the server holds
 * another text than the one this device started from (409, or a newer version arriving), both are kept and the
 * person chooses; when only the version moved on (another field of the same row changed), it saves again quietly.
 */
export function useAutosave<V>({
  storageKey,
  server,
  save,
  latest,
  equals,
  enabled,
  delay = 800,
}: AutosaveOptions<V>) {
  const initial = useRef<Start<V> | null>(null);
  if (initial.current === null) {
    const draft = enabled ? readDraft<V>(storageKey) : null;
    initial.current = startOf(draft, server, lastSaved<V>(storageKey), equals, new Date());
  }
  const start = initial.current;
  const valueRef = useRef<V>(start.value);
  const baseRef = useRef<V>(start.base);
  const versionRef = useRef(start.version);
  const inFlight = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const retries = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const conflictRef = useRef<Versioned<V> | null>(start.conflict);
  const [value, setValue] = useState<V>(start.value);
  const [status, setStatus] = useState<AutosaveStatus>(
    start.conflict
      ? 'conflict'
      : !equals(start.value, start.base)
        ? 'dirty'
        : start.savedAt
          ? 'saved'
          : 'idle',
  );
  const [savedAt, setSavedAt] = useState<Date | null>(start.savedAt);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Versioned<V> | null>(start.conflict);
  const options = useRef({ save, latest, equals, storageKey, enabled });
  options.current = { save, latest, equals, storageKey, enabled };

  /** This text is what the server holds now: say when. */
  const markSaved = useCallback((saved: V) => {
    const at = new Date();
    rememberSaved(options.current.storageKey, saved, at);
    setSavedAt(at);
  }, []);

  const persist = useCallback(() => {
    const { equals: same, storageKey: key } = options.current;
    writeDraft(
      key,
      same(valueRef.current, baseRef.current) && !conflictRef.current
        ? null
        : { value: valueRef.current, base: baseRef.current, version: versionRef.current },
    );
  }, []);

  const showConflict = useCallback((theirs: Versioned<V> | null) => {
    conflictRef.current = theirs;
    setConflict(theirs);
  }, []);

  const run = useCallback(async (): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (!options.current.enabled || conflictRef.current) return;
    if (inFlight.current) {
      again.current = true;
      return inFlight.current;
    }
    const { save: send, latest: load, equals: same } = options.current;
    if (same(valueRef.current, baseRef.current)) {
      persist();
      setStatus((s) => (s === 'dirty' || s === 'offline' || s === 'error' ? 'saved' : s));
      return;
    }
    const sent = valueRef.current;
    setStatus('saving');
    const attempt = (async () => {
      try {
        const result = await send(sent, versionRef.current);
        baseRef.current = sent;
        versionRef.current = result.version;
        retries.current = 0;
        markSaved(sent);
        setError(null);
        persist();
        setStatus(same(valueRef.current, sent) ? 'saved' : 'dirty');
        if (!same(valueRef.current, sent)) again.current = true;
      } catch (failure) {
        setError(failure);
        if (failure instanceof NetworkError) {
          setStatus('offline');
          timer.current = setTimeout(() => void run(), retryAfterOfflineMs);
        } else if (failure instanceof AppError && failure.code === 'VERSION_CONFLICT') {
          const theirs = await load(failure).catch(() => null);
          if (theirs && same(theirs.value, valueRef.current)) {
            // The server holds this very text already (an earlier send of it, from here or another device).
            baseRef.current = theirs.value;
            versionRef.current = theirs.version;
            markSaved(theirs.value);
            setError(null);
            persist();
            setStatus('saved');
          } else if (theirs && same(theirs.value, baseRef.current) && retries.current < maxSilentRetries) {
            retries.current += 1;
            versionRef.current = theirs.version;
            again.current = true;
            setStatus('dirty');
          } else if (theirs) {
            showConflict(theirs);
            persist();
            setStatus('conflict');
          } else {
            setStatus('error');
          }
        } else {
          setStatus('error');
        }
      }
    })();
    inFlight.current = attempt;
    await attempt;
    inFlight.current = null;
    if (again.current) {
      again.current = false;
      await run();
    }
  }, [markSaved, persist, showConflict]);

  const schedule = useCallback(
    (wait: number) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void run(), wait);
    },
    [run],
  );

  const change = useCallback(
    (next: V) => {
      valueRef.current = next;
      setValue(next);
      persist();
      if (conflictRef.current) return;
      setStatus('dirty');
      schedule(delay);
    },
    [delay, persist, schedule],
  );

  /** The person chose or merged after a conflict: this text is saved over the server's version. */
  const resolve = useCallback(
    (merged: V) => {
      const theirs = conflictRef.current;
      if (!theirs) return;
      valueRef.current = merged;
      baseRef.current = theirs.value;
      versionRef.current = theirs.version;
      showConflict(null);
      setValue(merged);
      persist();
      setStatus('dirty');
      schedule(0);
    },
    [persist, schedule, showConflict],
  );

  // A newer version from the server (the other party or another device saved, or another field of the row).
  useEffect(() => {
    if (!enabled || inFlight.current || server.version <= versionRef.current) return;
    const { equals: same } = options.current;
    if (same(valueRef.current, baseRef.current) && !conflictRef.current) {
      valueRef.current = server.value;
      baseRef.current = server.value;
      versionRef.current = server.version;
      setValue(server.value);
      persist();
    } else if (same(server.value, baseRef.current)) {
      versionRef.current = server.version;
      persist();
    } else if (!same(server.value, valueRef.current)) {
      showConflict(server);
      persist();
      setStatus('conflict');
    } else {
      // The newer version holds this very text: it is saved.
      baseRef.current = server.value;
      versionRef.current = server.version;
      markSaved(server.value);
      persist();
      setStatus('saved');
    }
  }, [enabled, server, markSaved, persist, showConflict]);

  // Text restored from this device is sent as soon as the page is back.
  useEffect(() => {
    if (enabled && !conflictRef.current && !options.current.equals(valueRef.current, baseRef.current))
      schedule(0);
  }, [enabled, schedule]);

  // Back online: try again at once.
  useEffect(() => {
    const online = () => {
      if (!options.current.equals(valueRef.current, baseRef.current)) schedule(0);
    };
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [schedule]);

  // Leaving the section: what was typed in the last moments is sent now (and waits on this device anyway).
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        timer.current = null;
        void run();
      }
    },
    [run],
  );

  return {
    value,
    change,
    status,
    savedAt,
    error,
    conflict,
    resolve,
    /** Saves now and waits; answers the version the server holds afterwards. */
    async flush(): Promise<number> {
      await run();
      if (inFlight.current) await inFlight.current;
      return versionRef.current;
    },
    isDirty: () => !options.current.equals(valueRef.current, baseRef.current),
  };
}

export type Autosave<V> = ReturnType<typeof useAutosave<V>>;

/** Texts the server trims count as equal. */
export const sameText = (a: string | null | undefined, b: string | null | undefined): boolean =>
  (a ?? '').trim() === (b ?? '').trim();

export function sameTexts(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => sameText(a[key], b[key]));
}
