import { createHash, createHmac } from 'node:crypto';
import { pseudonymOf, toSharedProfile, whyNotShared, isStale, type LocalFamily } from './shared-profile';
import { assertNoPersonalData } from './testing';

const KEY = 'municipality-0630-pseudonym-secret';
const NOW = new Date('2026-06-15T10:00:00.000Z');

/** Given: an available, consenting family of Vejle, approved in March 2026 (the Hansens). */
const hansen: LocalFamily = {
  familyId: 'fam-1',
  municipality: '0630',
  stage: 'available',
  stageSince: '2026-03-09T10:00:00.000Z',
  registeredAt: '2026-03-01T10:00:00.000Z',
  sourceChannel: 'campaign',
  sourceDetail: 'Spring 2026 radio',
  adults: [
    { adultId: 'a1', fullName: 'Mette Hansen', birthYear: 1980 },
    { adultId: 'a2', fullName: 'Jens Hansen', birthYear: 1978 },
  ],
  contact: { street: 'Søndergade 1', postalCode: '7100', city: 'Vejle', phone: '+45 12345678', email: 'hansen@example.dk' },
  region: 'DK-83',
  languages: ['da', 'en'],
  competences: ['adhd', 'siblings'],
  interestedIn: ['respite'],
  firstContactOn: '2026-03-02',
  checks: [],
  approval: {
    careTypes: ['respite', 'contact'],
    capacity: 2,
    ageRange: { min: 4, max: 12 },
    validUntil: '2027-03-01',
    conditions: ['Not during the renovation of Søndergade 1'],
    authority: 'socialtilsyn',
    approvedOn: '2026-03-08',
  },
  availability: {
    careTypes: ['respite'],
    capacity: 2,
    periods: [
      { from: '2026-12-28', to: '2027-01-10' },
      { from: '2026-07-06', to: '2026-07-19' },
      { from: '2026-01-05', to: '2026-02-01' },
    ],
    patterns: ['weekends'],
    confirmedOn: '2026-05-20',
  },
  consentToShare: true,
  support: {
    count: 1,
    lastOn: '2026-04-01',
    recent: [{ familyId: 'fam-1', revision: 13, position: 13, kind: 'supervision', on: '2026-04-01', note: 'Talked about Jens’ new job', recordedBy: 'anna@0630', recordedAt: '2026-04-01T10:00:00.000Z' }],
  },
  assignments: [],
  endedAssignmentCount: 0,
  revision: 14,
};
const context = { pseudonymKey: KEY, now: NOW, version: 14 };
const share = (family: LocalFamily, extra: Partial<typeof context & { committedCapacity: number; staleAfterDays: number }> = {}) => toSharedProfile(family, { ...context, ...extra });

describe('shared profile by allowlist', () => {
  it('shares exactly the allowlisted fields, coarsened', () => {
    expect(share(hansen)).toEqual({
      pseudonym: pseudonymOf(KEY, '0630', 'fam-1'),
      municipality: '0630',
      region: 'DK-83',
      careTypes: ['respite'],
      freeCapacity: 2,
      ageRange: { min: 4, max: 12 },
      competences: ['adhd', 'siblings'],
      languages: ['da', 'en'],
      // The January period ended before today and is dropped; the rest is sorted by week.
      availability: {
        weeks: [{ from: '2026-W28', to: '2026-W29' }, { from: '2026-W53', to: '2027-W01' }],
        patterns: ['weekends'],
        // Nobody placed: both places free from this month on.
        freePlaces: [{ from: '2026-06', places: 2 }],
      },
      availabilityConfirmed: '2026-05',
      approvalValidUntil: '2027-03',
      experience: 'new',
      version: 14,
    });
  });

  it('holds none of the family’s personal data or exact dates', () => {
    const profile = share(hansen)!;
    const { contact, adults } = hansen;
    const secrets = [
      ...adults.flatMap((adult) => [adult.fullName, String(adult.birthYear)]),
      ...Object.values(contact ?? {}),
      hansen.familyId,
      hansen.sourceDetail!,
      ...hansen.approval!.conditions,
      hansen.support.recent[0]!.note!,
      '2026-03-08',
      '2027-03-01',
      '2026-05-20',
      '2026-07-06',
    ];
    expect(() => assertNoPersonalData(JSON.stringify(profile), secrets, { opaque: [profile.pseudonym] })).not.toThrow();
  });

  it('free capacity is the declared capacity minus what is committed, never below zero', () => {
    expect(share(hansen, { committedCapacity: 1 })!.freeCapacity).toBe(1);
    expect(share(hansen, { committedCapacity: 5 })!.freeCapacity).toBe(0);
  });

  it('by default, places of assignments that have not ended are committed in their months only', () => {
    const busy = { ...hansen, assignments: [assignment('as-ended', '2026-05-01', '2026-06-14'), assignment('as-now', '2026-06-01', '2026-08-01')] };
    expect(share(busy)!.freeCapacity).toBe(1);
    expect(share(busy)!.availability.freePlaces).toEqual([
      { from: '2026-06', to: '2026-08', places: 1 },
      { from: '2026-09', places: 2 },
    ]);
    expect(share(busy, { committedCapacity: 0 })!.freeCapacity).toBe(2);
  });
});

const assignment = (assignmentId: string, from: string, to: string, children = 1) => ({
  assignmentId,
  requester: { municipality: '0101', requestId: 'r1' },
  period: { from, to },
  children,
});

describe('capacity per period in the shared profile', () => {
  it('a family placed January–June shows its free place from July, and no month of the placement', () => {
    const single = { ...hansen, availability: { ...hansen.availability!, capacity: 1 } };
    const placed = share({ ...single, assignments: [assignment('as-1', '2027-01-01', '2027-06-30')] }, { now: new Date('2026-11-20T10:00:00Z') })!;
    expect(placed.availability.freePlaces).toEqual([
      { from: '2026-11', to: '2026-12', places: 1 },
      { from: '2027-07', places: 1 },
    ]);
    // A consumer that knows no months sees the fewest places of any month.
    expect(placed.freeCapacity).toBe(0);
  });

  it('a month a placement only partly covers counts as taken: months, never the placement’s dates', () => {
    const single = { ...hansen, availability: { ...hansen.availability!, capacity: 1 } };
    const profile = share({ ...single, assignments: [assignment('as-1', '2026-07-09', '2026-09-17')] })!;
    expect(profile.availability.freePlaces).toEqual([
      { from: '2026-06', to: '2026-06', places: 1 },
      { from: '2026-10', places: 1 },
    ]);
    expect(JSON.stringify(profile)).not.toMatch(/07-09|09-17|W38/);
  });

  it('siblings and overlapping placements add up per month; the places are capped like the capacity', () => {
    const large = { ...hansen, approval: { ...hansen.approval!, capacity: 14 }, availability: { ...hansen.availability!, capacity: 14 } };
    const profile = share({ ...large, assignments: [assignment('as-1', '2026-07-01', '2026-08-31', 2), assignment('as-2', '2026-08-01', '2026-09-30', 3)] })!;
    // June 14 free, July 12, August 9, September 11, then 14 again: capped at 10.
    expect(profile.availability.freePlaces).toEqual([
      { from: '2026-06', to: '2026-07', places: 10 },
      { from: '2026-08', to: '2026-08', places: 9 },
      { from: '2026-09', places: 10 },
    ]);
    expect(profile.freeCapacity).toBe(9);
  });

  it('filters languages that are not ISO 639-1 codes, defensively', () => {
    expect(share({ ...hansen, languages: ['da', 'DA', 'dan', 'Mette Hansen', 'ar'] })!.languages).toEqual(['da', 'ar']);
  });

  it('the experience band follows the approval date', () => {
    const approvedOn = (date: string) => share({ ...hansen, approval: { ...hansen.approval!, approvedOn: date } })!.experience;
    expect(approvedOn('2024-01-10')).toBe('1-3-years');
    expect(approvedOn('2020-01-10')).toBe('over-3-years');
  });

  it('fails loudly when the result would break the contract', () => {
    expect(() => share(hansen, { version: -1 })).toThrow();
  });
});

describe('only a consenting, approved, available family is shared', () => {
  it.each<[string, LocalFamily, string]>([
    ['not in stage available', { ...hansen, stage: 'suspended' }, 'not-available'],
    ['without consent', { ...hansen, consentToShare: false }, 'no-consent'],
    ['without approval', { ...hansen, approval: undefined }, 'no-valid-approval'],
    ['with an approval that ran out yesterday', { ...hansen, approval: { ...hansen.approval!, validUntil: '2026-06-14' } }, 'no-valid-approval'],
    ['without availability', { ...hansen, availability: undefined }, 'no-availability'],
  ])('a family %s is not shared', (_case, family, reason) => {
    expect(whyNotShared(family, NOW)).toBe(reason);
    expect(share(family)).toBeNull();
  });

  it('an approval valid until today still counts', () => {
    expect(share({ ...hansen, approval: { ...hansen.approval!, validUntil: '2026-06-15' } })).not.toBeNull();
  });
});

describe('pseudonym', () => {
  it('is stable per key, municipality and family', () => {
    expect(pseudonymOf(KEY, '0630', 'fam-1')).toBe(pseudonymOf(Buffer.from(KEY), '0630', 'fam-1'));
    expect(pseudonymOf(KEY, '0630', 'fam-1')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('differs across keys, municipalities and families', () => {
    const pseudonyms = new Set([
      pseudonymOf(KEY, '0630', 'fam-1'),
      pseudonymOf(`${KEY}-other`, '0630', 'fam-1'),
      pseudonymOf(KEY, '0101', 'fam-1'),
      pseudonymOf(KEY, '0630', 'fam-2'),
    ]);
    expect(pseudonyms.size).toBe(4);
  });

  it('is no hash anyone could compute from the family id without the key', () => {
    const pseudonym = pseudonymOf(KEY, '0630', 'fam-1');
    const messages = ['fam-1', '0630:fam-1', '0630fam-1', 'fam-1:0630'];
    const unkeyed = messages.flatMap((message) => [
      ...['sha256', 'sha1', 'md5', 'sha512'].flatMap((algorithm) =>
        (['hex', 'base64', 'base64url'] as const).map((encoding) => createHash(algorithm).update(message).digest(encoding)),
      ),
      createHmac('sha256', '').update(message).digest('base64url'),
      createHmac('sha256', message).update(message).digest('base64url'),
    ]);
    expect(unkeyed).not.toContain(pseudonym);
    expect(unkeyed.some((hash) => hash.includes(pseudonym) || pseudonym.includes(hash))).toBe(false);
  });

  it('refuses a key too short to be secret', () => {
    expect(() => pseudonymOf('', '0630', 'fam-1')).toThrow(/at least 16 bytes/);
    expect(() => pseudonymOf('short', '0630', 'fam-1')).toThrow(/at least 16 bytes/);
  });
});

describe('staleness', () => {
  it('availability confirmed more than N days ago is stale', () => {
    const confirmedOn = (date: string) => ({ ...hansen, availability: { ...hansen.availability!, confirmedOn: date } });
    expect(isStale(confirmedOn('2026-05-16'), NOW, 30)).toBe(false); // 30 days ago
    expect(isStale(confirmedOn('2026-05-15'), NOW, 30)).toBe(true); // 31 days ago
  });

  it('a family without availability is not shared, so never stale', () => {
    expect(isStale({ ...hansen, availability: undefined }, NOW, 0)).toBe(false);
  });

  it('a family whose availability went stale is not shared until it is confirmed again', () => {
    const confirmedOn = (date: string) => ({ ...hansen, availability: { ...hansen.availability!, confirmedOn: date } });
    // NOW is 2026-06-15: confirmed 60 days before is still fresh, 61 days before is stale.
    expect(share(confirmedOn('2026-04-16'), { staleAfterDays: 60 })).toMatchObject({ availabilityConfirmed: '2026-04' });
    expect(share(confirmedOn('2026-04-15'), { staleAfterDays: 60 })).toBeNull();
    expect(whyNotShared(confirmedOn('2026-04-15'), NOW, 60)).toBe('stale-availability');
    expect(share(confirmedOn('2026-06-15'), { staleAfterDays: 60 })).toMatchObject({ availabilityConfirmed: '2026-06' });
  });

  it('without staleAfterDays, staleness is not checked', () => {
    const longAgo = { ...hansen, availability: { ...hansen.availability!, confirmedOn: '2025-01-02' } };
    expect(share(longAgo)).not.toBeNull();
    expect(whyNotShared(longAgo, NOW)).toBeNull();
  });

  it('other reasons come before staleness', () => {
    const staleWithoutConsent = { ...hansen, consentToShare: false, availability: { ...hansen.availability!, confirmedOn: '2025-01-02' } };
    expect(whyNotShared(staleWithoutConsent, NOW, 60)).toBe('no-consent');
  });
});
