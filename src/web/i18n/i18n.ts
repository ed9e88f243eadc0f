import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLocale, isLocale, type Locale } from '../../shared/i18n/locales.js';
import { nlBE } from '../../shared/i18n/nl-be.js';
import { setRequestLanguage } from '../api/client.js';
import { i18nOptions } from './i18n-options.js';

const storageKey = 'groeipad.locale';

/** The dayjs locale that goes with an app locale (month and day names in the date pickers). */
export const dayjsLocaleOf = (locale: Locale): string => (locale === 'en' ? 'en' : 'nl-be');

function readStoredLocale(): Locale | null {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLocale(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** Before anyone signs in: the last choice on this device, else nl-BE (the product's language). */
export function initialLocale(): Locale {
  return readStoredLocale() ?? defaultLocale;
}

function applyLocale(locale: Locale): void {
  // Setting the page's language, even to the one it has, makes the browser restyle every element (\`:lang()\`):
  // on a page the server rendered in this language, that is a full style pass for nothing.
  if (document.documentElement.lang !== locale) document.documentElement.lang = locale;
  setRequestLanguage(locale);
}

export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : defaultLocale;
}

/** Dutch ships with the first page; other languages load when someone chooses them. */
async function ensureCatalogue(locale: Locale): Promise<void> {
  if (i18next.hasResourceBundle(locale, 'translation')) return;
  if (locale === 'en') {
    const { en } = await import('../../shared/i18n/en.js');
    i18next.addResourceBundle('en', 'translation', en);
  }
}

/** Switches the interface language and remembers it on this device. */
export async function switchLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this visit.
  }
  await ensureCatalogue(locale);
  if (i18next.language !== locale) await i18next.changeLanguage(locale);
  applyLocale(locale);
}

/**
 * Starts i18next in the language of this device, with its catalogue loaded, before the first render; a page the
 * server rendered starts in the language it was rendered in.
 */
export async function initI18n(rendered?: Locale): Promise<typeof i18next> {
  const locale = rendered ?? initialLocale();
  await i18next.use(initReactI18next).init({
    ...i18nOptions,
    resources: { 'nl-BE': { translation: nlBE } },
    lng: defaultLocale,
  });
  await ensureCatalogue(locale);
  if (locale !== defaultLocale) await i18next.changeLanguage(locale);
  applyLocale(locale);
  return i18next;
}
