import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Language } from './i18n';

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
}

/** Dates without a time are calendar days: formatted in UTC so that no time zone moves them a day. */
export function formatters(language: string): Formatters {
  const locale = LOCALES[language as Language] ?? LOCALES.en;
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
  };
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => formatters(i18n.language), [i18n.language]);
}
