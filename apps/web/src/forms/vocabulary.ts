import { LOCALES, type Language } from '../i18n/i18n';

/** ISO 3166-2 regions a municipality is likely to use; their names are proper nouns, not translated. */
export const REGIONS: Readonly<Record<string, string>> = {
  'DK-81': 'Region Nordjylland',
  'DK-82': 'Region Midtjylland',
  'DK-83': 'Region Syddanmark',
  'DK-84': 'Region Hovedstaden',
  'DK-85': 'Region Sjælland',
  'SE-AB': 'Stockholms län',
  'SE-M': 'Skåne län',
  'SE-O': 'Västra Götalands län',
  'SE-E': 'Östergötlands län',
  'SE-C': 'Uppsala län',
};

/** Languages offered in forms (ISO 639-1); named by Intl in the reader's language. */
export const SPOKEN_LANGUAGES = ['da', 'sv', 'en', 'de', 'ar', 'tr', 'pl', 'so', 'uk', 'fa'] as const;

export function languageNames(language: string): Record<string, string> {
  const names = new Intl.DisplayNames([LOCALES[language as Language] ?? 'en-GB'], { type: 'language' });
  return Object.fromEntries(SPOKEN_LANGUAGES.map((code) => [code, names.of(code) ?? code]));
}

export const today = (): string => new Date().toISOString().slice(0, 10);
export const inMonths = (months: number): string => {
  const date = new Date();
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
};
