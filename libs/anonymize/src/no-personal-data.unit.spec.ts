import fc from 'fast-check';
import type { FamilyEvent } from '@familybank/domain-family';
import { available } from '@familybank/domain-family/testing';
import { evolveFamilyDetail, type FamilyDetailDocument } from '@familybank/read-models';
import { networkCandidateProfile, toSharedProfile, whyNotShared } from './shared-profile';
import { arbitraryFamilyWithPersonalData, arbitraryNetworkFamilyWithPersonalData, assertNoPersonalData } from './testing';

const KEY = 'municipality-pseudonym-secret-for-tests';

/** The events as the store would hand them to the read model, one a day. */
const recorded = (events: FamilyEvent[]) =>
  events.map((event, index) => {
    const occurredAt = new Date(Date.UTC(2026, 2, 1 + index, 9)).toISOString();
    const metadata = { actor: 'anna@0630', municipality: '0630', correlationId: 'c', causationId: `cmd-${index}`, occurredAt, schemaVersion: 1 };
    return { ...event, eventId: `e-${index}`, streamId: 'family-fam-1', revision: index, position: index + 1, recordedAt: occurredAt, metadata } as Parameters<typeof evolveFamilyDetail>[1];
  });

/** The allowlist, spelled out: changing what leaves a municipality must change this test too. */
const ALLOWLIST = [
  'pseudonym',
  'municipality',
  'region',
  'careTypes',
  'freeCapacity',
  'ageRange',
  'competences',
  'languages',
  'availability',
  'availabilityConfirmed',
  'approvalValidUntil',
  'experience',
  'version',
].sort();

describe('no personal data leaves the municipality (property)', () => {
  it('for any family full of personal data, the profile holds none of it and only allowlisted keys', () => {
    fc.assert(
      fc.property(arbitraryFamilyWithPersonalData(), fc.nat({ max: 12 }), fc.nat({ max: 999 }), ({ family, secrets, now }, committedCapacity, version) => {
        const profile = toSharedProfile(family, { pseudonymKey: KEY, now, committedCapacity, version });
        expect(profile).not.toBeNull();
        assertNoPersonalData(JSON.stringify(profile), secrets, { opaque: [profile!.pseudonym] });
        expect(Object.keys(profile!).sort()).toEqual(ALLOWLIST);
        expect(Object.keys(profile!.ageRange).sort()).toEqual(['max', 'min']);
        expect(Object.keys(profile!.availability).sort()).toEqual(['freePlaces', 'patterns', 'weeks']);
        for (const week of profile!.availability.weeks) expect(Object.keys(week).sort()).toEqual(['from', 'to']);
        // Free places are months: nothing of a placement's exact dates.
        for (const range of profile!.availability.freePlaces!) {
          expect(Object.keys(range).filter((key) => !['from', 'to', 'places'].includes(key))).toEqual([]);
          expect([range.from, range.to ?? range.from].every((month) => /^\d{4}-\d{2}$/.test(month))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('for any network family full of personal data, consenting and available or not, nothing is shared at all', () => {
    fc.assert(
      fc.property(arbitraryNetworkFamilyWithPersonalData(), fc.boolean(), fc.nat({ max: 999 }), ({ family, now }, consent, version) => {
        const asked = { ...family, consentToShare: consent };
        expect(whyNotShared(asked, now)).toBe('network-family');
        expect(toSharedProfile(asked, { pseudonymKey: KEY, now, version })).toBeNull();
        expect(toSharedProfile(asked, { pseudonymKey: KEY, now, version, committedCapacity: 0, staleAfterDays: 10_000 })).toBeNull();
      }),
      { numRuns: 200 },
    );
  });

  it('a network family is ranked (inside its municipality) for its own request only, never for another', () => {
    fc.assert(
      fc.property(arbitraryNetworkFamilyWithPersonalData(), ({ family, secrets, now }) => {
        const own = networkCandidateProfile(family, family.network!.requestId, { pseudonymKey: KEY, now, version: 1 });
        expect(own).not.toBeNull();
        // Even the internal ranking profile is built by the allowlist: no relation note, no request id, no names.
        assertNoPersonalData(JSON.stringify(own), secrets, { opaque: [own!.pseudonym] });
        expect(networkCandidateProfile(family, 'req-another', { pseudonymKey: KEY, now, version: 1 })).toBeNull();
        expect(networkCandidateProfile({ ...family, network: undefined }, family.network!.requestId, { pseudonymKey: KEY, now, version: 1 })).toBeNull();
      }),
      { numRuns: 100 },
    );
  });

  it('a family folded by the read model from its events is shared without its personal data', () => {
    const events: FamilyEvent[] = [...available, { type: 'ConsentToShareGiven', data: { on: '2026-03-09' } }];
    const family = recorded(events).reduce<FamilyDetailDocument | null>(evolveFamilyDetail, null)!;
    const profile = toSharedProfile(family, { pseudonymKey: KEY, now: new Date('2026-03-10T09:00:00.000Z'), version: family.revision });
    expect(profile).toMatchObject({ municipality: '0630', region: 'DK-83', careTypes: ['respite'], freeCapacity: 1, experience: 'new' });
    const secrets = [family.familyId, ...family.adults.map((adult) => adult.fullName), ...Object.values(family.contact ?? {}), family.sourceDetail!];
    assertNoPersonalData(JSON.stringify(profile), secrets, { opaque: [profile!.pseudonym] });
  });
});

describe('assertNoPersonalData', () => {
  it('finds a secret case-insensitively, also JSON-escaped', () => {
    expect(() => assertNoPersonalData('{"note":"call METTE hansen"}', ['Mette Hansen'])).toThrow(/Mette Hansen/);
    expect(() => assertNoPersonalData(JSON.stringify({ note: 'He said "hi" twice' }), ['said "hi"'])).toThrow();
  });

  it('ignores secrets shorter than 4 characters and random tokens named opaque', () => {
    expect(() => assertNoPersonalData('{"a":"Bo"}', ['Bo'])).not.toThrow();
    expect(() => assertNoPersonalData('{"pseudonym":"xY7100zz"}', ['7100'], { opaque: ['xY7100zz'] })).not.toThrow();
    expect(() => assertNoPersonalData('{"pseudonym":"xY7100zz"}', ['7100'])).toThrow();
  });
});
