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
export const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A moment as an <input type="datetime-local"> shows it: local time, to the minute. */
export function localDateTime(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A datetime-local value as the instant the API takes; anything unparsable is passed on for the schema to name. */
export function toInstant(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}
