import { searchQuery } from './family-search';

describe('family search query', () => {
  it('leaves blank filters out and trims the rest, so an empty search lists every family', () => {
    expect(searchQuery({ q: '  Hodan ', postalCode: '', competence: 'adhd', language: ' ', stage: '' })).toEqual({ q: 'Hodan', competence: 'adhd' });
    expect(searchQuery({ q: '', postalCode: '', competence: '', language: '', stage: '' })).toEqual({});
  });
});
