import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../shared/errors.js';
import { errorMessage } from './error-message.js';
import { revealMargin, useRevealOnChange } from './use-reveal.js';

export interface FieldDifference {
  label: string;
  /** The value saved by someone else, as text. */
  theirs: string;
  /** Whether it differs from what is in the form now. */
  changed: boolean;
}

interface ConflictState<T> {
  /** The version the next save sends. */
  version: number;
  phase: 'none' | 'conflict' | 'reloaded';
  latest: T | null;
  reloading: boolean;
  reloadError: unknown;
}

/**
 * Keeps the version a form saves against. On a 409 the form keeps its values; "load latest" fetches the newest
 * version, so the next save overwrites it on purpose, and shows what the other person changed.
 */
export function useVersionGuard<T extends { version: number }>(
  initialVersion: number,
  fetchLatest: () => Promise<T | undefined>,
) {
  const [state, setState] = useState<ConflictState<T>>({
    version: initialVersion,
    phase: 'none',
    latest: null,
    reloading: false,
    reloadError: null,
  });
  return {
    ...state,
    saved(entity: { version: number }) {
      setState({ version: entity.version, phase: 'none', latest: null, reloading: false, reloadError: null });
    },
    failed(error: unknown) {
      if (error instanceof AppError && error.code === 'VERSION_CONFLICT') {
        setState((s) => ({ ...s, phase: 'conflict' }));
      }
    },
    async reload() {
      setState((s) => ({ ...s, reloading: true, reloadError: null }));
      try {
        const latest = await fetchLatest();
        setState((s) =>
          latest
            ? { version: latest.version, phase: 'reloaded', latest, reloading: false, reloadError: null }
            : { ...s, reloading: false },
        );
      } catch (error) {
        setState((s) => ({ ...s, reloading: false, reloadError: error }));
      }
    },
  };
}

export type VersionGuard<T extends { version: number }> = ReturnType<typeof useVersionGuard<T>>;

interface ConflictAlertProps<T extends { version: number }> {
  guard: VersionGuard<T>;
  differences?: (latest: T) => FieldDifference[];
}

export function ConflictAlert<T extends { version: number }>({ guard, differences }: ConflictAlertProps<T>) {
  const { t } = useTranslation();
  const ref = useRevealOnChange<HTMLDivElement>(guard.phase === 'none' ? null : guard.phase);
  if (guard.phase === 'none') return null;
  if (guard.phase === 'conflict') {
    return (
      <Alert ref={ref} style={revealMargin} color="orange" title={t('common.conflict.title')} role="alert">
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('errors.VERSION_CONFLICT')}</Text>
          {guard.reloadError ? (
            <Text size="sm" c="red.9">
              {errorMessage(guard.reloadError, t)}
            </Text>
          ) : null}
          <Button
            size="xs"
            variant="outline"
            color="orange"
            loading={guard.reloading}
            onClick={() => void guard.reload()}
          >
            {t('common.conflict.reload')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  const changed = guard.latest && differences ? differences(guard.latest).filter((d) => d.changed) : [];
  return (
    <Alert
      ref={ref}
      style={revealMargin}
      color="groeipad"
      title={t('common.conflict.reloadedTitle')}
      role="status"
    >
      <Text size="sm">{t('common.conflict.reloaded')}</Text>
      {changed.length > 0 && (
        <>
          <Text size="sm" mt="xs" fw={600}>
            {t('common.conflict.theirChanges')}
          </Text>
          <List size="sm">
            {changed.map((d) => (
              <List.Item key={d.label}>
                {t('common.conflict.difference', { field: d.label, value: d.theirs || t('common.empty') })}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}

/** The name and description rows that every catalogue form (team, function, competency) shows in a conflict. */
export function textDifferences(
  labels: { name: string; description: string },
  latest: { name: string; description: string | null },
  current: { name: string; description: string },
): FieldDifference[] {
  return [
    { label: labels.name, theirs: latest.name, changed: latest.name !== current.name.trim() },
    {
      label: labels.description,
      theirs: latest.description ?? '',
      changed: (latest.description ?? '') !== current.description.trim(),
    },
  ];
}
