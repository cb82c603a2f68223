import { viewedProfilesDecider, type ViewedProfilesCommand } from './viewed-profiles';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const P1 = 'p'.repeat(43);
const P2 = 'q'.repeat(43);
const decide = (command: ViewedProfilesCommand, municipality = '0630') => viewedProfilesDecider.decide(command, viewedProfilesDecider.initialState(), { now: NOW, municipality });
const shown = (...profiles: Array<[string, string]>): ViewedProfilesCommand => ({ type: 'RecordProfilesShown', data: { shown: profiles.map(([municipality, pseudonym]) => ({ municipality, pseudonym })) } });

describe('profiles our caseworkers were shown', () => {
  it('records one view per owner, each pseudonym once, owners in order', () => {
    expect(decide(shown(['0751', P2], ['0265', P1], ['0265', P2], ['0265', P1]))).toEqual([
      { type: 'ProfilesViewed', data: { owner: '0265', pseudonyms: [P1, P2], viewedAt: NOW.toISOString() } },
      { type: 'ProfilesViewed', data: { owner: '0751', pseudonyms: [P2], viewedAt: NOW.toISOString() } },
    ]);
  });

  it('records nothing for our own families, or when nothing was shown', () => {
    expect(decide(shown(['0630', P1]))).toEqual([]);
    expect(decide(shown())).toEqual([]);
  });

  it('splits more than 200 profiles of one owner over several views', () => {
    const many = Array.from({ length: 450 }, (_, index): [string, string] => ['0265', `p${String(index).padStart(30, '0')}`]);
    expect(decide(shown(...many)).map((event) => event.data.pseudonyms.length)).toEqual([200, 200, 50]);
  });
});
