import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { da } from './locales/da';
import { en } from './locales/en';
import { sv } from './locales/sv';

export const LANGUAGES = ['da', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const FALLBACK_LANGUAGE: Language = 'en';
/** Intl locale per language: dates and numbers are formatted the way the reader's country writes them. */
export const LOCALES: Record<Language, string> = { da: 'da-DK', sv: 'sv-SE', en: 'en-GB' };
/** Each language named in itself, for the switch in the header. */
export const LANGUAGE_NAMES: Record<Language, string> = { da: 'Dansk', sv: 'Svenska', en: 'English' };

export const RESOURCES = { en, da, sv } as const;
const STORAGE_KEY = 'familybank.language';

const isLanguage = (value: string | null | undefined): value is Language => LANGUAGES.includes(value as Language);

/** A choice made with the switch wins; then the browser's languages in order (da-DK → da; nb/nn/no read Danish best); English otherwise. */
export function detectLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
    if (base === 'nb' || base === 'nn' || base === 'no') return 'da';
  }
  return FALLBACK_LANGUAGE;
}

export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    resources: Object.fromEntries(Object.entries(RESOURCES).map(([lng, translation]) => [lng, { translation }])),
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  instance.on('languageChanged', (lng) => {
    if (typeof document !== 'undefined') document.documentElement.lang = lng;
  });
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  return instance;
}

export function browserLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return detectLanguage(stored, typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language]);
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
}
