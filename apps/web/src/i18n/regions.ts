import type { Language } from './i18n';

/**
 * The regions a family or a child can be in (ISO 3166-2:DK regions, ISO 3166-2:SE counties), by
 * the name a reader of each language knows them. The API names them by code only and there are few
 * and they rarely change, so a static table suffices. A Swedish county keeps its Swedish name in
 * Danish; a Danish region keeps its Danish name in Swedish except where Swedish spells it its way.
 */
const DANISH_REGIONS: Record<string, Record<Language, string>> = {
  'DK-81': { da: 'Region Nordjylland', sv: 'Region Nordjylland', en: 'North Denmark Region' },
  'DK-82': { da: 'Region Midtjylland', sv: 'Region Mittjylland', en: 'Central Denmark Region' },
  'DK-83': { da: 'Region Syddanmark', sv: 'Region Syddanmark', en: 'Region of Southern Denmark' },
  'DK-84': { da: 'Region Hovedstaden', sv: 'Region Hovedstaden', en: 'Capital Region of Denmark' },
  'DK-85': { da: 'Region Sjælland', sv: 'Region Själland', en: 'Region Zealand' },
};

/** Swedish counties: the Swedish name (used in Danish too) and the English one. */
const SWEDISH_COUNTIES: Record<string, [swedish: string, english: string]> = {
  'SE-AB': ['Stockholms län', 'Stockholm County'],
  'SE-AC': ['Västerbottens län', 'Västerbotten County'],
  'SE-BD': ['Norrbottens län', 'Norrbotten County'],
  'SE-C': ['Uppsala län', 'Uppsala County'],
  'SE-D': ['Södermanlands län', 'Södermanland County'],
  'SE-E': ['Östergötlands län', 'Östergötland County'],
  'SE-F': ['Jönköpings län', 'Jönköping County'],
  'SE-G': ['Kronobergs län', 'Kronoberg County'],
  'SE-H': ['Kalmar län', 'Kalmar County'],
  'SE-I': ['Gotlands län', 'Gotland County'],
  'SE-K': ['Blekinge län', 'Blekinge County'],
  'SE-M': ['Skåne län', 'Skåne County'],
  'SE-N': ['Hallands län', 'Halland County'],
  'SE-O': ['Västra Götalands län', 'Västra Götaland County'],
  'SE-S': ['Värmlands län', 'Värmland County'],
  'SE-T': ['Örebro län', 'Örebro County'],
  'SE-U': ['Västmanlands län', 'Västmanland County'],
  'SE-W': ['Dalarnas län', 'Dalarna County'],
  'SE-X': ['Gävleborgs län', 'Gävleborg County'],
  'SE-Y': ['Västernorrlands län', 'Västernorrland County'],
  'SE-Z': ['Jämtlands län', 'Jämtland County'],
};

/** An ISO 3166-2 region code → its name in `language`; the code itself when the region is not one of the table's. */
export function regionName(code: string, language: Language): string {
  if (Object.hasOwn(DANISH_REGIONS, code)) return DANISH_REGIONS[code]![language];
  if (Object.hasOwn(SWEDISH_COUNTIES, code)) return SWEDISH_COUNTIES[code]![language === 'en' ? 1 : 0];
  return code;
}
