/**
 * Text folded for search, so that what a caseworker types finds what was registered whatever the
 * keyboard: lower case, accents and other marks dropped (é → e, å → a, ö → o), the Nordic letters
 * that are not accented letters spelt out (æ → ae, ø → oe), and then the old and foreign spellings
 * of å, æ and ø (aa, ae, oe) collapsed, so “Aase”, “Åse” and “Ase”, or “Søren”, “Soeren” and
 * “Soren”, fold alike. Both sides are folded the same way, so the rare false friend (“Michael” and
 * “Michal”) is the price of never missing a name.
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[æøœßðþłđ]/g, (letter) => SPELT_OUT[letter]!)
    .replace(/aa|ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/\s+/g, ' ')
    .trim();
}

const SPELT_OUT: Record<string, string> = { æ: 'ae', ø: 'oe', œ: 'oe', ß: 'ss', ð: 'd', þ: 'th', ł: 'l', đ: 'd' };

/** The name under which the document store offers `foldForSearch` to SQL. */
export const SEARCH_FOLD_SQL = 'familybank_fold';

/** A LIKE pattern that finds `text` anywhere, with LIKE's wildcards in it taken literally (ESCAPE '\'). */
export const containsPattern = (text: string): string => `%${escapeLike(text)}%`;
export const startsWithPattern = (text: string): string => `${escapeLike(text)}%`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);
