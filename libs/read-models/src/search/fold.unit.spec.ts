import { containsPattern, foldForSearch } from './fold';

describe('folding text for search', () => {
  it.each([
    ['Søren', 'Soeren', 'SOREN', 'soren'],
    ['Åse', 'Aase', 'ase', 'ÅSE'],
    ['Mæhl', 'Maehl', 'mahl', 'MÆHL'],
    ['Söderberg', 'Soederberg', 'soderberg', 'SÖDERBERG'],
    ['José', 'jose', 'JOSÉ', 'José'.normalize('NFD')],
  ])('%s, %s, %s and %s fold alike', (...spellings) => {
    expect(new Set(spellings.map(foldForSearch)).size).toBe(1);
  });

  it('keeps different names apart and collapses spaces', () => {
    expect(foldForSearch('Hodan  Warsame ')).toBe('hodan warsame');
    expect(foldForSearch('Hansen')).not.toBe(foldForSearch('Jensen'));
    expect(foldForSearch('Øster')).not.toBe(foldForSearch('Ester'));
  });

  it('a search pattern takes LIKE wildcards in the text literally', () => {
    expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
  });
});
