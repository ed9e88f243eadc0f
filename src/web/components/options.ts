import { fullName } from '../../shared/text.js';

export interface Option {
  value: string;
  label: string;
}

/**
 * Active items as select options, plus the currently chosen one even when it is no longer active, so an edit
 * form never silently drops a value it cannot show.
 */
export function activeOptions<T extends { id: string; name: string; active: boolean }>(
  items: readonly T[] | undefined,
  current: { id: string | null; name: string | null } = { id: null, name: null },
  exclude?: string,
): Option[] {
  const options = (items ?? [])
    .filter((i) => (i.active || i.id === current.id) && i.id !== exclude)
    .map((i) => ({ value: i.id, label: i.name }));
  if (current.id && current.name && !options.some((o) => o.value === current.id)) {
    options.push({ value: current.id, label: current.name });
  }
  return options.sort((a, b) => a.label.localeCompare(b.label));
}

export function personOptions(
  people: readonly { id: string; firstName: string; lastName: string; email: string }[] | undefined,
  current: { id: string | null; name: string | null } = { id: null, name: null },
  exclude?: string,
): Option[] {
  const options = (people ?? [])
    .filter((p) => p.id !== exclude)
    .map((p) => ({ value: p.id, label: fullName(p) }));
  if (current.id && current.name && !options.some((o) => o.value === current.id)) {
    options.push({ value: current.id, label: current.name });
  }
  return options.sort((a, b) => a.label.localeCompare(b.label));
}
