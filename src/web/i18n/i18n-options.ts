import type { InitOptions } from 'i18next';
import { defaultLocale } from '../../shared/i18n/locales.js';

/** i18next as the app uses it, in the browser and when the server renders a page. */
export const i18nOptions = {
  fallbackLng: defaultLocale,
  supportedLngs: ['nl-BE', 'en'],
  load: 'currentOnly',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
} satisfies InitOptions;
