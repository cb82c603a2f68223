/**
 * Test helpers for "no personal data leaves the municipality": a generator of shareable families
 * full of personal data, and an assertion that a serialized message holds none of it. Reused by
 * the end-to-end tests of the pool topic and of partner responses.
 */
import fc from 'fast-check';
import type { LocalFamily } from './shared-profile';

export interface FamilyWithPersonalData {
  /** Consenting, approved (valid on `now`) and available, so toSharedProfile shares it. */
  family: LocalFamily;
  /** Every personal value in the family (names, ids, contact details, exact dates, free text). */
  secrets: string[];
  now: Date;
}

export const PERSONAL_DATA_NOW = new Date('2026-06-15T10:00:00.000Z');
const MIN_SECRET_LENGTH = 4;

/**
 * Throws when `serialized` contains any secret of at least 4 characters, case-insensitively, as is
 * or JSON-escaped. Shorter secrets are skipped: "12" or "Bo" occur by chance in any message.
 * `opaque` values (pseudonyms, message ids, signatures) are blanked first: they are random tokens,
 * so a 4-digit postal code would now and then occur inside one by pure chance.
 */
export function assertNoPersonalData(serialized: string, secrets: string[], options: { opaque?: string[] } = {}): void {
  let haystack = serialized;
  for (const token of options.opaque ?? []) if (token.length > 0) haystack = haystack.split(token).join('\u0000');
  haystack = haystack.toLowerCase();
  const leaked = secrets.filter((secret) => {
    if (secret.trim().length < MIN_SECRET_LENGTH) return false;
    const forms = [secret, JSON.stringify(secret).slice(1, -1)].map((form) => form.toLowerCase());
    return forms.some((form) => haystack.includes(form));
  });
  if (leaked.length > 0) throw new Error(`Personal data left the municipality: ${leaked.map((secret) => JSON.stringify(secret)).join(', ')}`);
}

// Names are drawn from lists rather than random letters: a random "Week" or "Resp" would be found
// inside the profile's own vocabulary ("weekends", "respite") and fail the property for no reason.
const FIRST_NAMES = ['Mette', 'Søren', 'Åsa', 'Björn', 'Fatima', 'Mohammed', 'Ingrid', 'Lars', 'Karin', 'Freja', 'Astrid', 'Omar', 'Leila', 'Henrik', 'Camilla', 'Jens', 'Zainab', 'Oskar'];
const LAST_NAMES = ['Hansen', 'Nielsen', 'Jensen', 'Pedersen', 'Andersson', 'Johansson', 'Lindqvist', 'Østergaard', 'Bergström', 'Al-Sayed', 'Kowalski', 'Nguyen', 'Yilmaz'];
const STREETS = ['Søndergade', 'Vestergade', 'Storgatan', 'Kungsgatan', 'Nørrebrogade', 'Drottninggatan', 'Skolevej', 'Kirkebakken'];
const CITIES = ['Vejle', 'Odense', 'Malmö', 'Göteborg', 'Aarhus', 'Kolding', 'Uppsala', 'Esbjerg'];
const MUNICIPALITIES = ['0630', '0101', '0265', '0851', '1280'];
const REGIONS = ['DK-81', 'DK-82', 'DK-83', 'DK-84', 'DK-85', 'SE-AB', 'SE-M'];
const LANGUAGES = ['da', 'sv', 'en', 'ar', 'so', 'de', 'uk', 'fa'];

const pad = (value: number, length = 2) => String(value).padStart(length, '0');
const digits = (length: number) => fc.integer({ min: 0, max: 10 ** length - 1 }).map((value) => pad(value, length));
const DAY_MS = 86_400_000;
/** A date between two ISO dates, inclusive. */
const dateBetween = (from: string, to: string) =>
  fc.integer({ min: Date.parse(from) / DAY_MS, max: Date.parse(to) / DAY_MS }).map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));
const sorted = (a: string, b: string) => (a <= b ? { from: a, to: b } : { from: b, to: a });

const danishCpr = fc
  .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 99 }), digits(4))
  .map(([day, month, year, serial]) => `${pad(day)}${pad(month)}${pad(year)}-${serial}`);
const swedishPersonnummer = fc
  .tuple(fc.integer({ min: 1940, max: 2005 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), digits(4))
  .map(([year, month, day, serial]) => `${year}${pad(month)}${pad(day)}-${serial}`);

const adult = fc.record({
  adultId: digits(6).map((n) => `adult-${n}`),
  first: fc.constantFrom(...FIRST_NAMES),
  last: fc.constantFrom(...LAST_NAMES),
  birthYear: fc.integer({ min: 1940, max: 2005 }),
  nationalId: fc.oneof(danishCpr, swedishPersonnummer),
});

const contact = fc.record({
  street: fc.tuple(fc.constantFrom(...STREETS), fc.integer({ min: 1, max: 250 }), fc.constantFrom('', 'B', ', 2. tv')).map(([name, n, suffix]) => `${name} ${n}${suffix}`),
  // Danish codes from 3000 up: lower ones such as 2026 would also be a year of the profile's months.
  postalCode: fc.oneof(fc.integer({ min: 3000, max: 9990 }).map(String), fc.tuple(fc.integer({ min: 100, max: 999 }), digits(2)).map(([a, b]) => `${a} ${b}`)),
  city: fc.constantFrom(...CITIES),
  phone: fc.oneof(fc.tuple(digits(2), digits(2), digits(2), digits(2)).map((parts) => `+45 ${parts.join(' ')}`), fc.tuple(digits(3), digits(2), digits(2)).map(([a, b, c]) => `070-${a} ${b} ${c}`)),
  emailUser: fc.stringMatching(/^[a-z]{3,10}[0-9]{0,3}$/),
  emailDomain: fc.constantFrom('example.dk', 'example.se', 'mail.example.com'),
});

const terms = fc.record({
  familyNumber: digits(6),
  municipality: fc.constantFrom(...MUNICIPALITIES),
  region: fc.constantFrom(...REGIONS),
  languages: fc.subarray(LANGUAGES),
  pollutedLanguages: fc.boolean(),
  competences: fc.subarray(['adhd', 'autism', 'trauma', 'infants', 'teenagers', 'siblings'] as const),
  careTypes: fc.subarray(['respite', 'foster', 'emergency', 'contact'] as const, { minLength: 1 }),
  capacity: fc.integer({ min: 1, max: 10 }),
  ages: fc.tuple(fc.integer({ min: 0, max: 17 }), fc.integer({ min: 0, max: 17 })),
  approvedOn: dateBetween('2018-01-01', '2026-06-15'),
  validUntil: dateBetween('2026-06-15', '2029-12-31'),
  confirmedOn: dateBetween('2025-06-01', '2026-06-15'),
  periods: fc.array(fc.tuple(dateBetween('2026-06-15', '2027-12-31'), dateBetween('2026-06-15', '2027-12-31')).map(([a, b]) => sorted(a, b)), { maxLength: 4 }),
  patterns: fc.subarray(['weekdays', 'weekends', 'holidays'] as const),
  registeredAt: dateBetween('2017-01-01', '2017-12-31'),
  lorem: fc.lorem({ maxCount: 6 }),
});

/** A shareable family whose every personal value is random, with the list of those values. */
export function arbitraryFamilyWithPersonalData(): fc.Arbitrary<FamilyWithPersonalData> {
  return fc.record({ adults: fc.array(adult, { minLength: 1, maxLength: 3 }), contact, terms }).map(({ adults, contact: c, terms: t }) => {
    const fullNames = adults.map((a) => `${a.first} ${a.last}`);
    const email = `${c.emailUser}@${c.emailDomain}`;
    const sourceDetail = `Recommended by ${fullNames[0]} at ${c.street}`;
    const supportNote = `Called ${c.phone} about ${adults[0]!.nationalId}; ${t.lorem}`;
    const condition = `Only while ${fullNames.at(-1)} (${adults.at(-1)!.nationalId}) lives at ${c.street}, ${c.postalCode} ${c.city}`;
    const assessment = `${t.lorem} (${fullNames[0]}, born ${adults[0]!.birthYear})`;
    const decisionReference = `J.nr. ${adults[0]!.nationalId}`;
    const registeredAt = `${t.registeredAt}T09:30:00.000Z`;
    const family: LocalFamily = {
      familyId: `fam-${t.familyNumber}`,
      municipality: t.municipality,
      stage: 'available',
      stageSince: `${t.confirmedOn}T12:00:00.000Z`,
      registeredAt,
      sourceChannel: 'family-referral',
      sourceDetail,
      referredByFamilyId: `fam-ref-${t.familyNumber}`,
      adults: adults.map((a, index) => ({ adultId: a.adultId, fullName: fullNames[index]!, birthYear: a.birthYear })),
      contact: { street: c.street, postalCode: c.postalCode, city: c.city, phone: c.phone, email },
      region: t.region,
      // A polluted list (a name, a wrongly cased code) must be filtered, never shared.
      languages: t.pollutedLanguages ? [...t.languages, 'DA', 'da-DK', fullNames[0]!] : t.languages,
      competences: t.competences,
      interestedIn: t.careTypes,
      firstContactOn: t.registeredAt,
      checks: adults.map((a) => ({ adultId: a.adultId, kind: 'criminal-record' as const, requestedOn: t.approvedOn, outcome: 'remarks' as const, remarkCategory: 'traffic' as const, receivedOn: t.approvedOn, assessment: { acceptable: true, assessment, assessedBy: email } })),
      approval: {
        careTypes: t.careTypes,
        capacity: t.capacity,
        ageRange: { min: Math.min(...t.ages), max: Math.max(...t.ages) },
        validUntil: t.validUntil,
        conditions: [condition],
        authority: 'socialtilsyn',
        decisionReference,
        approvedOn: t.approvedOn,
      },
      availability: { careTypes: t.careTypes, capacity: t.capacity, periods: t.periods, patterns: t.patterns, confirmedOn: t.confirmedOn },
      consentToShare: true,
      support: {
        count: 1,
        lastOn: t.confirmedOn,
        recent: [{ familyId: `fam-${t.familyNumber}`, revision: 11, position: 11, kind: 'supervision', on: t.confirmedOn, note: supportNote, recordedBy: email, recordedAt: registeredAt }],
      },
      assignments: [],
      endedAssignmentCount: 0,
      revision: 12,
    };
    const exactDates = [t.approvedOn, t.validUntil, t.confirmedOn, t.registeredAt, registeredAt, ...t.periods.flatMap((p) => [p.from, p.to])];
    const secrets = [
      family.familyId,
      family.referredByFamilyId!,
      ...fullNames,
      ...adults.flatMap((a) => [a.first, a.last, a.adultId, String(a.birthYear), a.nationalId]),
      c.street,
      c.postalCode,
      c.city,
      c.phone,
      email,
      sourceDetail,
      supportNote,
      condition,
      assessment,
      decisionReference,
      ...exactDates,
    ];
    return { family, secrets, now: PERSONAL_DATA_NOW };
  });
}

const RELATIONS = ['grandparent', 'aunt-or-uncle', 'adult-sibling', 'cousin', 'other-relative', 'family-friend', 'neighbour', 'other'] as const;

/**
 * A network family full of personal data: any shareable family of arbitraryFamilyWithPersonalData,
 * tied to one child's request, with a relation note naming people. Even consenting and available,
 * nothing of it may leave the municipality. Its secrets include the request id and the note.
 */
export function arbitraryNetworkFamilyWithPersonalData(): fc.Arbitrary<FamilyWithPersonalData> {
  return fc
    .tuple(arbitraryFamilyWithPersonalData(), fc.constantFrom(...RELATIONS), digits(6), fc.constantFrom(...FIRST_NAMES), fc.integer({ min: 0, max: 17 }))
    .map(([{ family, secrets, now }, relation, requestNumber, childName, age]) => {
      const relationNote = `${childName}'s ${relation} via ${family.adults[0]!.fullName}`;
      const requestId = `req-${requestNumber}`;
      const network = {
        requestId,
        relation,
        relationNote,
        personId: `person-${requestNumber}`,
        child: { careType: family.approval!.careTypes[0]!, age, places: 1 },
        status: 'provisionally-approved' as const,
        provisionalApproval: { approvedOn: family.approval!.approvedOn, deadline: family.approval!.validUntil },
      };
      return { family: { ...family, sourceChannel: 'child-network' as const, network }, secrets: [...secrets, requestId, relationNote, `person-${requestNumber}`], now };
    });
}
