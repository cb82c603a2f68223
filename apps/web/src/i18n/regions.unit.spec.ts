import { formatters } from './format';
import { LANGUAGES } from './i18n';
import { regionName } from './regions';

describe('regions by name', () => {
  it('a Danish region is named the way each language names it', () => {
    expect(LANGUAGES.map((language) => regionName('DK-85', language))).toEqual(['Region Sjælland', 'Region Själland', 'Region Zealand']);
    expect(formatters('da').region('DK-84')).toBe('Region Hovedstaden');
    expect(formatters('en').region('DK-84')).toBe('Capital Region of Denmark');
  });

  it('a Swedish county keeps its Swedish name in Danish and Swedish, and has an English one', () => {
    expect(formatters('da').region('SE-O')).toBe('Västra Götalands län');
    expect(formatters('sv').region('SE-AB')).toBe('Stockholms län');
    expect(formatters('en').region('SE-M')).toBe('Skåne County');
  });

  it('a region the table does not know, or not a region at all, stays its code', () => {
    expect(formatters('da').region('NO-03')).toBe('NO-03');
    expect(formatters('en').region('toString')).toBe('toString');
  });
});

describe('ISO weeks in the locale’s words', () => {
  it('2026-W07 is week 7 of 2026 in each language, without the leading zero', () => {
    expect(formatters('da').week('2026-W07')).toBe('uge 7, 2026');
    expect(formatters('sv').week('2026-W27')).toBe('vecka 27, 2026');
    expect(formatters('en').week('2026-W53')).toBe('week 53, 2026');
  });

  it('an unknown language writes English; anything but an ISO week is shown as it is', () => {
    expect(formatters('fi').week('2026-W01')).toBe('week 1, 2026');
    expect(formatters('da').week('2026-07')).toBe('2026-07');
  });
});
