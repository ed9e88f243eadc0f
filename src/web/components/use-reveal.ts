import { useEffect, useRef } from 'react';

/** Room for the fixed app header when a message scrolls into view. */
export const revealMargin = { scrollMarginTop: '5rem' } as const;

/** Brings a message into view when it appears (e.g. an error above a long form whose save button is far below). */
export function useRevealOnChange<T extends HTMLElement>(trigger: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (trigger) ref.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [trigger]);
  return ref;
}
