import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Locale, locales } from '../../shared/i18n/locales.js';
import { currentLocale } from '../i18n/i18n.js';

interface LanguageToggleProps {
  onChange: (locale: Locale) => void;
  /** Show the short codes (NL, EN) instead of the language names, for a narrow header. */
  compact?: boolean;
  busy?: boolean;
}

/** The language choice as a pair of buttons; each language is named in its own language. */
export function LanguageToggle({ onChange, compact = false, busy = false }: LanguageToggleProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Group gap={4} role="group" aria-label={t('shell.chooseLanguage')} wrap="nowrap">
      {locales.map((l) => {
        const active = l === locale;
        const name = t(`locales.${l}`);
        const code = t(`localeCodes.${l}`);
        return (
          <Button
            key={l}
            lang={l}
            size="compact-sm"
            variant={active ? 'light' : 'subtle'}
            color={active ? 'groeipad' : 'gray'}
            aria-pressed={active}
            aria-label={compact ? `${name} (${code})` : undefined}
            disabled={busy && !active}
            onClick={() => {
              if (!active) onChange(l);
            }}
          >
            {compact ? code : name}
          </Button>
        );
      })}
    </Group>
  );
}
