import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Language } from './i18n';

export interface Formatters {
  /** 2026-11-27 or a timestamp → the day, as the locale writes it. */
  date(value: string): string;
  dateTime(value: string): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

/** Dates without a time are calendar days: formatted in UTC so that no time zone moves them a day. */
export function formatters(language: string): Formatters {
  const locale = LOCALES[language as Language] ?? LOCALES.en;
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    date: (value) => day.format(new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)),
    dateTime: (value) => moment.format(new Date(value)),
    number: (value, options) => new Intl.NumberFormat(locale, options).format(value),
  };
}

export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => formatters(i18n.language), [i18n.language]);
}
