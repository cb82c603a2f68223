import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { da } from './locales/da';
import { en } from './locales/en';
import type { ProblemsTranslation } from './locales/problems.en';
import { sv } from './locales/sv';

export const LANGUAGES = ['da', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const FALLBACK_LANGUAGE: Language = 'en';
/** Intl locale per language: dates and numbers are formatted the way the reader's country writes them. */
export const LOCALES: Record<Language, string> = { da: 'da-DK', sv: 'sv-SE', en: 'en-GB' };
/** Each language named in itself, for the switch in the header. */
export const LANGUAGE_NAMES: Record<Language, string> = { da: 'Dansk', sv: 'Svenska', en: 'English' };

export const RESOURCES = { en, da, sv } as const;

/**
 * The problem codes' texts, per language, in chunks of their own: some 25 kB that no first paint
 * needs. createI18n loads the reader's language and English (the fallback) right away; until they
 * arrive, a problem shows the server's detail (as an unknown code does).
 */
export const PROBLEM_TEXTS: Record<Language, () => Promise<ProblemsTranslation>> = {
  en: () => import('./locales/problems.en').then((module) => module.enProblems),
  da: () => import('./locales/problems.da').then((module) => module.daProblems),
  sv: () => import('./locales/problems.sv').then((module) => module.svProblems),
};

/** Adds the problem texts of `language` and of English to `instance`; resolves when both are in. */
export async function loadProblemTexts(instance: i18n, language: string): Promise<void> {
  // The modules are fetched once; adding a bundle again merges the same texts.
  const wanted = [...new Set([FALLBACK_LANGUAGE, language])].filter(isLanguage);
  await Promise.all(wanted.map(async (lng) => instance.addResourceBundle(lng, 'translation', await PROBLEM_TEXTS[lng](), true, true)));
}
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

/**
 * `problemTexts`: the problem codes' texts already at hand (tests import them), added before the
 * first render instead of loaded after it, so no screen renders again when they arrive.
 */
export function createI18n(language: Language, options: { problemTexts?: Record<Language, ProblemsTranslation> } = {}): i18n {
  const instance = i18next.createInstance();
  const loadsProblemTexts = options.problemTexts === undefined;
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    // Copies (texts only, so JSON copies them whole): adding the problem texts to an instance must not change the modules' objects other instances read.
    resources: Object.fromEntries(
      Object.entries(RESOURCES).map(([lng, translation]) => [lng, { translation: JSON.parse(JSON.stringify({ ...translation, ...options.problemTexts?.[lng as Language] })) as typeof translation }]),
    ),
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    // Screens render again when the problem texts arrive.
    react: { bindI18nStore: 'added' },
  });
  if (loadsProblemTexts) void loadProblemTexts(instance, language);
  instance.on('languageChanged', (lng) => {
    if (loadsProblemTexts) void loadProblemTexts(instance, lng);
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
