import { LOCALES, type Language } from '../i18n/i18n';
import { regionName } from '../i18n/regions';

/** ISO 3166-2 regions a municipality is likely to use, offered in forms. */
export const REGION_CODES = ['DK-81', 'DK-82', 'DK-83', 'DK-84', 'DK-85', 'SE-AB', 'SE-M', 'SE-O', 'SE-E', 'SE-C'] as const;

/** The offered regions by their names in the reader's language (see i18n/regions.ts). */
export function regionNames(language: string): Record<string, string> {
  const known = (Object.hasOwn(LOCALES, language) ? language : 'en') as Language;
  return Object.fromEntries(REGION_CODES.map((code) => [code, regionName(code, known)]));
}

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
