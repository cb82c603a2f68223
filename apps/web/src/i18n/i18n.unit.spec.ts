import { RESOURCES, detectLanguage, LANGUAGES } from './i18n';
import { formatters } from './format';

const keys = (value: unknown, prefix = ''): string[] =>
  typeof value === 'string' ? [prefix] : Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));

describe('translations', () => {
  it.each(LANGUAGES)('%s has every key of every other language, and no empty text', (language) => {
    const own = new Set(keys(RESOURCES[language]));
    for (const other of LANGUAGES) expect(keys(RESOURCES[other]).filter((key) => !own.has(key))).toEqual([]);
    expect(keys(RESOURCES[language]).filter((key) => !key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], RESOURCES[language]))).toEqual([]);
  });

  it('every language keeps the interpolations of English', () => {
    const placeholders = (text: string) => (text.match(/\{\{\w+\}\}/g) ?? []).sort();
    const at = (language: (typeof LANGUAGES)[number], key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], RESOURCES[language]) as string;
    for (const key of keys(RESOURCES.en)) {
      for (const language of LANGUAGES) expect({ key, language, placeholders: placeholders(at(language, key)) }).toEqual({ key, language, placeholders: placeholders(at('en', key)) });
    }
  });
});

describe('language detection', () => {
  it('the browser’s first supported language picks, with its region ignored', () => {
    expect(detectLanguage(null, ['de-DE', 'sv-SE', 'en'])).toBe('sv');
    expect(detectLanguage(null, ['da-DK'])).toBe('da');
  });
  it('Norwegian readers get Danish; anything else falls back to English', () => {
    expect(detectLanguage(null, ['nb-NO'])).toBe('da');
    expect(detectLanguage(null, ['fi-FI', 'de'])).toBe('en');
  });
  it('a choice made with the switch wins over the browser', () => {
    expect(detectLanguage('en', ['da-DK'])).toBe('en');
    expect(detectLanguage('xx', ['da-DK'])).toBe('da');
  });
});

describe('dates and numbers per locale', () => {
  it('a calendar day is written the way each country writes it, whatever the time zone', () => {
    expect(formatters('da').date('2027-01-05')).toBe('5. jan. 2027');
    expect(formatters('sv').date('2027-01-05')).toBe('5 jan. 2027');
    expect(formatters('en').date('2027-01-05')).toBe('5 Jan 2027');
  });
  it('numbers use the locale’s decimal separator', () => {
    expect(formatters('da').number(1234.5)).toBe('1.234,5');
    expect(formatters('en').number(1234.5)).toBe('1,234.5');
  });
});
