import { Stack } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { GrowingTextarea } from '../../components/growing-textarea.js';
import { AutosaveStatusLine, TextConflict } from './autosave-status.js';
import { type Autosave, sameText } from './use-autosave.js';

export interface TextField {
  key: string;
  label: string;
  description?: ReactNode;
}

interface AutosaveTextsProps {
  autosave: Autosave<Record<string, string>>;
  fields: TextField[];
  /** Rendered between the fields, e.g. a sub-heading before the competencies. */
  before?: (field: TextField) => ReactNode;
  minRows?: number;
}

/**
 * Several texts of one row (the answers of a preparation, of an evaluation) that save together while typing. On a
 * conflict every differing text shows both versions; the row is saved once each of them is chosen.
 */
export function AutosaveTexts({ autosave, fields, before, minRows = 3 }: AutosaveTextsProps) {
  const [choices, setChoices] = useState<Record<string, string>>({});
  const theirs = autosave.conflict?.value ?? null;
  const differing = theirs
    ? fields.filter((f) => !sameText(theirs[f.key], autosave.value[f.key])).map((f) => f.key)
    : [];
  const choose = (key: string, text: string) => {
    const next = { ...choices, [key]: text };
    if (theirs && differing.every((k) => k in next)) {
      autosave.resolve({ ...theirs, ...autosave.value, ...next });
      setChoices({});
    } else {
      setChoices(next);
    }
  };
  return (
    <Stack gap="md">
      {fields.map((field) => {
        const mine = autosave.value[field.key] ?? '';
        const open = theirs !== null && differing.includes(field.key) && !(field.key in choices);
        return (
          <Stack key={field.key} gap={4}>
            {before?.(field)}
            <GrowingTextarea
              label={field.label}
              description={field.description}
              value={field.key in choices ? (choices[field.key] ?? '') : mine}
              onChange={(event) =>
                autosave.change({ ...autosave.value, [field.key]: event.currentTarget.value })
              }
              minRows={minRows}
              maxRows={16}
              disabled={theirs !== null}
            />
            {open && theirs && (
              <TextConflict
                label={field.label}
                mine={mine}
                theirs={theirs[field.key] ?? ''}
                onChoose={(text) => choose(field.key, text)}
              />
            )}
          </Stack>
        );
      })}
      <AutosaveStatusLine
        status={autosave.status}
        savedAt={autosave.savedAt}
        error={autosave.error}
        onRetry={() => void autosave.flush()}
      />
    </Stack>
  );
}
