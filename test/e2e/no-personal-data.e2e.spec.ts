import Database from 'better-sqlite3';
import fc from 'fast-check';
import { join } from 'node:path';
import { assertNoPersonalData } from '@familybank/anonymize/testing';
import { unwrap, type FamilybankClient } from '@familybank/api-client';
import { startTestServer, type TestServer } from '../support/api-server';
import { makePartners } from '../support/federation';
import { eventually, registerAvailableFamily } from '../support/journeys';

jest.setTimeout(120_000);

const FIRST = ['Mette', 'Søren', 'Åsa', 'Björn', 'Fatima', 'Mohammed', 'Ingrid', 'Freja', 'Omar', 'Leila'];
const LAST = ['Hansen', 'Nielsen', 'Andersson', 'Østergaard', 'Bergström', 'Al-Sayed', 'Kowalski', 'Nguyen'];
const word = fc.stringMatching(/^[A-Z][a-z]{5,9}$/);
const digits = (n: number) => fc.stringMatching(new RegExp(`^[0-9]{${n}}$`));

/** A family full of personal data, as a caseworker would register it, with the list of its personal values. */
const familyWithPersonalData = fc
  .record({ first: fc.constantFrom(...FIRST), last: fc.constantFrom(...LAST), middle: word, street: word, houseNumber: fc.integer({ min: 1, max: 250 }), city: word, postal: digits(4), phone: digits(8), mailbox: fc.stringMatching(/^[a-z]{6,10}$/), cpr: digits(6), serial: digits(4) })
  .map((p) => {
    const fullName = `${p.first} ${p.middle} ${p.last}`;
    const nationalId = `${p.cpr}-${p.serial}`;
    const contact = { street: `${p.street}vej ${p.houseNumber}`, postalCode: p.postal, city: `${p.city}by`, phone: `+45 ${p.phone.slice(0, 4)} ${p.phone.slice(4)}`, email: `${p.mailbox}@${p.city.toLowerCase()}.example` };
    const sourceDetail = `Recommended by ${fullName} (${nationalId})`;
    return { fullName, contact, sourceDetail, supportNote: `Called ${contact.phone} about ${nationalId}`, secrets: [fullName, `${p.middle} ${p.last}`, nationalId, contact.street, contact.city, contact.phone, p.phone, contact.email, p.mailbox, sourceDetail] };
  });

/** Random tokens (ids, pseudonyms, signatures, ciphertext) are blanked: a short secret could occur inside one by chance. */
const withoutTokens = (text: string) => text.replace(/[A-Za-z0-9_-]{20,}/g, '<token>').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>');

/**
 * The privacy property, end to end: whatever personal data a family is registered with, none of it
 * appears in any message on the exchange or in any response a partner municipality gets.
 */
describe('no personal data leaves the municipality', () => {
  let server: TestServer;
  let roskilde: FamilybankClient;
  let vejle: FamilybankClient;

  beforeAll(async () => {
    server = await startTestServer();
    vejle = await server.client('0630');
    roskilde = await server.client('0265');
    await unwrap(vejle.GET('/v1/partnerships', {}));
    await unwrap(roskilde.GET('/v1/partnerships', {}));
    await makePartners(vejle, '0630', roskilde, '0265');
  });
  afterAll(() => server.stop());

  const everythingOnTheExchange = () => {
    const db = new Database(join(server.dataDir, 'exchange.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT * FROM messages').all();
    db.close();
    return JSON.stringify(rows);
  };

  it('holds for families with random names, addresses, phone numbers, e-mails and national ids', async () => {
    let shared = 0;
    await fc.assert(
      fc.asyncProperty(familyWithPersonalData, async (family) => {
        await registerAvailableFamily(roskilde, {
          registration: { adults: [{ adultId: 'a1', fullName: family.fullName }], contact: family.contact, sourceDetail: family.sourceDetail },
          supportNote: family.supportNote,
        });
        shared += 1;
        const pool = await eventually(async () => {
          const page = await unwrap(vejle.GET('/v1/pool', { params: { query: { limit: 200 } } }));
          expect(page.items).toHaveLength(shared);
          return page;
        });
        const partnerVisible = [JSON.stringify(pool), JSON.stringify(await unwrap(vejle.GET('/v1/directory', {}))), JSON.stringify(await unwrap(vejle.GET('/v1/partnerships', {})))];
        for (const text of [everythingOnTheExchange(), ...partnerVisible]) assertNoPersonalData(withoutTokens(text), family.secrets);
      }),
      { numRuns: 8, seed: 20261127, endOnFailure: true },
    );
    expect(shared).toBe(8);
  });

  it('an own placement publishes nothing of the family, the request or the placement: partners see only the months still free', async () => {
    const secrets = ['Birthe Own-Placement', 'Ownvej 12', '+45 7000 1234', 'own@placement.example'];
    const familyId = await registerAvailableFamily(roskilde, {
      registration: { adults: [{ adultId: 'a1', fullName: secrets[0]! }], contact: { street: secrets[1]!, postalCode: '4000', city: 'Roskilde', phone: secrets[2]!, email: secrets[3]! } },
    });
    const needs = {
      careType: 'respite' as const,
      childAge: 8,
      siblings: 0,
      requiredCompetences: [],
      wishedCompetences: [],
      languages: ['da'],
      schedule: { patterns: ['weekends' as const], period: { from: '2027-01-04', to: '2027-03-19' } },
      region: 'DK-83',
      networkExplored: true,
      networkCandidates: [],
      startDate: '2027-01-04',
    };
    const { requestId } = await unwrap(roskilde.POST('/v1/requests', { body: { caseReference: 'ROS-OWN-77', needs, responseDeadline: '2026-12-20' } }));
    await unwrap(roskilde.POST('/v1/requests/{requestId}/placements', { params: { path: { requestId } }, body: { familyId } }));
    const filled = await eventually(async () => {
      const current = await unwrap(roskilde.GET('/v1/requests/{requestId}', { params: { path: { requestId } } }));
      expect(current.status).toBe('filled');
      return current;
    });
    await eventually(async () => {
      const profiles = (await unwrap(vejle.GET('/v1/pool', { params: { query: { limit: 200 } } }))).items;
      expect(profiles.some((profile) => profile.freeCapacity === 0 && profile.availability.freePlaces?.some((range) => range.from === '2027-04'))).toBe(true);
    });
    const exchange = everythingOnTheExchange();
    assertNoPersonalData(withoutTokens(exchange), secrets);
    for (const placed of [requestId, filled.offers[0]!.offerId, filled.assignment!.assignmentId, 'ROS-OWN-77', '2027-01-04', '2027-03-19']) expect(exchange).not.toContain(placed);
  });

  it('the property can fail: the check finds personal data where it is', () => {
    expect(() => assertNoPersonalData(withoutTokens('{"street":"Algade 7"}'), ['Algade 7'])).toThrow(/Personal data left/);
  });
});
