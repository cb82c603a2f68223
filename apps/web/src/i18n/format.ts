import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Language } from './i18n';
import { regionName } from './regions';

export interface Formatters {
  /** 2026-11-27 or a timestamp → the day, as the locale writes it. */
  date(value: string): string;
  dateTime(value: string): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** 2026-11 → the month and year, as the locale writes them. */
  month(value: string): string;
  /** ['a', 'b', 'c'] → "a, b and c" in the locale's words. */
  list(values: readonly string[]): string;
  /** An ISO 639-1 code → the language's name in the locale (da → dansk), or the code when unknown. */
  languageName(code: string): string;
  /** An ISO 3166-2 region (DK-83, SE-M) → its name in the locale, or the code when unknown. */
  region(code: string): string;
  /** An ISO week (2026-W07) → "uge 7, 2026" / "vecka 7, 2026" / "week 7, 2026". */
  week(value: string): string;
}

/** Each language's word for a week of the year; Intl has none for ISO weeks. */
const WEEK: Record<Language, string> = { da: 'uge', sv: 'vecka', en: 'week' };
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** Dates without a time are calendar days: formatted in UTC so that no time zone moves them a day. */
export function formatters(language: string): Formatters {
  const lang: Language = Object.hasOwn(LOCALES, language) ? (language as Language) : 'en';
  const locale = LOCALES[lang];
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const languages = new Intl.DisplayNames(locale, { type: 'language', fallback: 'code' });
  return {
    date: (value) => day.format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)),
    dateTime: (value) => moment.format(new Date(value)),
    number: (value, options) => new Intl.NumberFormat(locale, options).format(value),
    month: (value) => month.format(new Date(`${value}-01T00:00:00Z`)),
    list: (values) => list.format(values),
    languageName: (code) => languages.of(code) ?? code,
    region: (code) => regionName(code, lang),
    week: (value) => {
      const parts = ISO_WEEK.exec(value);
      return parts ? `${WEEK[lang]} ${Number(parts[2])}, ${parts[1]}` : value;
    },
  };
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => formatters(i18n.language), [i18n.language]);
}
