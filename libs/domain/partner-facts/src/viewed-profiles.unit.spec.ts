import { deciderSpecification } from '@familybank/domain-core/testing';
import { viewedProfilesDecider, type ViewedProfilesCommand, type ViewedProfilesEvent } from './viewed-profiles';

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

describe('views coalesced per owner, profile and day', () => {
  // The gateway passes the acting municipality with the time.
  const context = { now: NOW, municipality: '0630' };
  const spec = deciderSpecification(viewedProfilesDecider, context);
  const viewed = (owner: string, pseudonyms: string[], viewedAt: string): ViewedProfilesEvent => ({ type: 'ProfilesViewed', data: { owner, pseudonyms, viewedAt } });

  it('record shown, for a profile already recorded today, records nothing', () => {
    spec.given([viewed('0265', [P1], '2026-11-27T08:00:00.000Z')]).when(shown(['0265', P1])).then([]);
  });

  it('record shown, with profiles seen and not yet seen today, records only the new ones', () => {
    spec
      .given([viewed('0265', [P1], '2026-11-27T00:00:00.000Z')])
      .when(shown(['0265', P1], ['0265', P2], ['0751', P1]))
      .then([viewed('0265', [P2], NOW.toISOString()), viewed('0751', [P1], NOW.toISOString())]);
  });

  it('record shown, for a profile recorded yesterday, records it again today', () => {
    spec.given([viewed('0265', [P1], '2026-11-26T23:59:59.999Z')]).when(shown(['0265', P1])).then([viewed('0265', [P1], NOW.toISOString())]);
  });

  it('record shown, for the same pseudonym of another owner, is another profile', () => {
    spec.given([viewed('0751', [P1], '2026-11-27T08:00:00.000Z')]).when(shown(['0265', P1])).then([viewed('0265', [P1], NOW.toISOString())]);
  });

  it('the state keeps only the latest day: earlier days are forgotten, so it stays bounded', () => {
    const state = [viewed('0265', [P1], '2026-11-26T10:00:00.000Z'), viewed('0265', [P2], '2026-11-27T10:00:00.000Z')].reduce(
      viewedProfilesDecider.evolve,
      viewedProfilesDecider.initialState(),
    );
    expect({ day: state.day, seen: [...state.seen] }).toEqual({ day: '2026-11-27', seen: [`0265:${P2}`] });
  });
});
