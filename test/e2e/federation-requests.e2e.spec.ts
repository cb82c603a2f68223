import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { unwrap, type FamilybankClient } from '@familybank/api-client';
import { startTestServer, type TestServer } from '../support/api-server';
import { makePartners, needs } from '../support/federation';
import { eventually, registerAvailableFamily } from '../support/journeys';

jest.setTimeout(60_000);

const [A, B, C, D] = ['0630', '0265', '0101', '0751'];

/**
 * The reason familybank exists: A needs a family for one child; B, a partner, offers one of its
 * families; A accepts; B reserves and confirms; A receives the contact details, sealed to it.
 */
describe('a request for one child, across municipalities on one node', () => {
  let server: TestServer;
  const client: Record<string, FamilybankClient> = {};
  let familyOfB: string;
  let requestOfA: string;
  let offerId: string;

  beforeAll(async () => {
    server = await startTestServer();
    for (const code of [A, B, C, D]) {
      client[code] = await server.client(code, ['caseworker', 'approver']);
      await unwrap(client[code]!.GET('/v1/partnerships', {}));
    }
    await makePartners(client[A]!, A, client[B]!, B);
    await makePartners(client[D]!, D, client[A]!, A);
    await makePartners(client[B]!, B, client[D]!, D);
    familyOfB = await registerAvailableFamily(client[B]!, {
      registration: { contact: { street: 'Algade 7', postalCode: '4000', city: 'Roskilde', phone: '+45 46 31 31 31', email: 'jensen@roskilde.example' } },
    });
  });
  afterAll(() => server.stop());

  const request = (id = requestOfA, who = A) => unwrap(client[who]!.GET('/v1/requests/{requestId}', { params: { path: { requestId: id } } }));
  const inbox = (who: string) => unwrap(client[who]!.GET('/v1/inbox', {}));

  it('A opens a request (no name, no national id) and shares it with its active partners', async () => {
    const refused = await client[A]!.POST('/v1/requests', { body: { caseReference: 'Child 010118-1234', needs: needs(), responseDeadline: '2026-12-15' } });
    expect(refused.response.status).toBe(400);
    const opened = await unwrap(client[A]!.POST('/v1/requests', { body: { caseReference: 'SAG-2026-1187', needs: needs(), responseDeadline: '2026-12-15' } }));
    requestOfA = opened.requestId;
    const shared = await unwrap(client[A]!.POST('/v1/requests/{requestId}/sharing', { params: { path: { requestId: requestOfA } }, body: {} }));
    expect(shared.sharedWith.sort()).toEqual([B, D].sort());
    expect(shared.awaitingAnswerFrom.sort()).toEqual([B, D].sort());
  });

  it('B sees it in its inbox with its matching family ranked and explained; C receives nothing', async () => {
    const item = await eventually(async () => {
      const { items } = await inbox(B);
      expect(items).toHaveLength(1);
      return items[0]!;
    });
    expect(item).toMatchObject({ requester: A, requesterName: 'Vejle', requestId: requestOfA, status: 'open', answered: false });
    expect(item.candidates[0]).toMatchObject({ familyId: familyOfB, householdName: 'Mette Hansen & Jens Hansen' });
    expect(item.candidates[0]!.criteria.map((criterion) => criterion.criterion)).toEqual(expect.arrayContaining(['competences', 'region', 'language']));
    expect(JSON.stringify(item.needs)).not.toContain('SAG-2026-1187');
    expect((await inbox(C)).items).toEqual([]);
    expect((await unwrap(client[C]!.GET('/v1/pool', {}))).items).toEqual([]);
  });

  it('B offers its family and D answers “no match”; A sees the offer with the shared profile and who answered', async () => {
    const offer = await unwrap(client[B]!.POST('/v1/inbox/{requester}/{requestId}/offers', { params: { path: { requester: A, requestId: requestOfA } }, body: { familyId: familyOfB } }));
    offerId = offer.offerId;
    await eventually(async () => expect((await inbox(D)).items).toHaveLength(1));
    await unwrap(client[D]!.POST('/v1/inbox/{requester}/{requestId}/no-match', { params: { path: { requester: A, requestId: requestOfA } }, body: {} }));
    const seen = await eventually(async () => {
      const current = await request();
      expect(current.offers).toHaveLength(1);
      expect(current.answeredBy.sort()).toEqual([B, D].sort());
      return current;
    });
    expect(seen.offers[0]).toMatchObject({ offerId, partner: B, status: 'received', profile: { municipality: B, freeCapacity: 1 } });
    expect(seen.awaitingAnswerFrom).toEqual([]);
  });

  it('A accepts; B reserves and confirms; both sides show the assignment and A reads the contact details', async () => {
    const accepted = await unwrap(client[A]!.POST('/v1/requests/{requestId}/offers/{offerId}/acceptance', { params: { path: { requestId: requestOfA, offerId } }, body: {} }));
    expect(accepted.pendingAcceptance).toMatchObject({ offerId });
    const filled = await eventually(async () => {
      const current = await request();
      expect(current.status).toBe('filled');
      expect(current.assignment?.contact).toBeDefined();
      return current;
    });
    expect(filled.assignment).toMatchObject({ partner: B, contact: { phone: '+45 46 31 31 31', street: 'Algade 7' }, householdName: 'Mette Hansen & Jens Hansen' });
    const offers = await unwrap(client[B]!.GET('/v1/offers', {}));
    expect(offers.items.find((offer) => offer.offerId === offerId)).toMatchObject({ status: 'confirmed', disclosed: true });
    const family = await unwrap(client[B]!.GET('/v1/families/{familyId}', { params: { path: { familyId: familyOfB } } }));
    expect(family.assignments).toEqual([expect.objectContaining({ requester: { municipality: A, requestId: requestOfA }, children: 1 })]);
    await eventually(async () => expect((await unwrap(client[A]!.GET('/v1/pool', {}))).items[0]).toMatchObject({ municipality: B, freeCapacity: 0 }));
  });

  it('the disclosure on the exchange is ciphertext: only A’s key opens it', async () => {
    const db = new Database(join(server.dataDir, 'exchange.sqlite'), { readonly: true });
    const rows = db.prepare("SELECT * FROM messages WHERE topic = 'familybank.0265.disclosures.v1'").all() as Array<Record<string, unknown>>;
    const everything = (db.prepare('SELECT * FROM messages').all() as Array<Record<string, unknown>>).map((row) => JSON.stringify(row)).join('\n');
    db.close();
    expect(rows).toHaveLength(1);
    for (const personal of ['46 31 31 31', 'Algade', 'jensen@roskilde', 'Mette Hansen', 'SAG-2026-1187']) expect(everything).not.toContain(personal);
  });

  it('A and D accept offers of the same family for overlapping periods at the same moment: exactly one gets it', async () => {
    const contested = await registerAvailableFamily(client[B]!, { registration: { sourceDetail: 'contested' } });
    const open = async (who: string) => {
      const opened = await unwrap(client[who]!.POST('/v1/requests', { body: { caseReference: `RACE-${who}`, needs: needs({ wishedCompetences: [] }), responseDeadline: '2026-12-20' } }));
      await unwrap(client[who]!.POST('/v1/requests/{requestId}/sharing', { params: { path: { requestId: opened.requestId } }, body: { partners: [B] } }));
      return opened.requestId;
    };
    const [requestA, requestD] = [await open(A), await open(D)];
    await eventually(async () => expect((await inbox(B)).items.filter((item) => item.status === 'open')).toHaveLength(2));
    const offerTo = async (requester: string, requestId: string) =>
      (await unwrap(client[B]!.POST('/v1/inbox/{requester}/{requestId}/offers', { params: { path: { requester, requestId } }, body: { familyId: contested } }))).offerId;
    const [offerA, offerD] = [await offerTo(A, requestA), await offerTo(D, requestD)];
    await eventually(async () => {
      expect((await request(requestA, A)).offers).toHaveLength(1);
      expect((await request(requestD, D)).offers).toHaveLength(1);
    });
    await Promise.all([
      unwrap(client[A]!.POST('/v1/requests/{requestId}/offers/{offerId}/acceptance', { params: { path: { requestId: requestA, offerId: offerA } }, body: {} })),
      unwrap(client[D]!.POST('/v1/requests/{requestId}/offers/{offerId}/acceptance', { params: { path: { requestId: requestD, offerId: offerD } }, body: {} })),
    ]);
    const outcomes = await eventually(async () => {
      const both = [await request(requestA, A), await request(requestD, D)];
      expect(both.map((r) => r.offers[0]!.status).sort()).toEqual(['confirmed', 'withdrawn']);
      return both;
    });
    const loser = outcomes.find((r) => r.offers[0]!.status === 'withdrawn')!;
    expect(loser.status).toBe('open');
    expect(loser.offers[0]!.withdrawnReason).toMatch(/free place/);
    const family = await unwrap(client[B]!.GET('/v1/families/{familyId}', { params: { path: { familyId: contested } } }));
    expect(family.assignments).toHaveLength(1);
  });

  it('an acceptance cancelled while the owner reserves the family: both sides end consistent, the place freed', async () => {
    const familyId = await registerAvailableFamily(client[B]!, { registration: { sourceDetail: 'cancelled' } });
    const opened = await unwrap(client[A]!.POST('/v1/requests', { body: { caseReference: 'CANCEL-1', needs: needs(), responseDeadline: '2026-12-20' } }));
    await unwrap(client[A]!.POST('/v1/requests/{requestId}/sharing', { params: { path: { requestId: opened.requestId } }, body: { partners: [B] } }));
    await eventually(async () => expect((await inbox(B)).items.some((item) => item.requestId === opened.requestId)).toBe(true));
    const { offerId: cancelled } = await unwrap(
      client[B]!.POST('/v1/inbox/{requester}/{requestId}/offers', { params: { path: { requester: A, requestId: opened.requestId } }, body: { familyId } }),
    );
    await eventually(async () => expect((await request(opened.requestId)).offers).toHaveLength(1));
    const path = { path: { requestId: opened.requestId, offerId: cancelled } };
    await unwrap(client[A]!.POST('/v1/requests/{requestId}/offers/{offerId}/acceptance', { params: path, body: {} }));
    // The cancellation races the owner's reservation and confirmation.
    const cancel = await client[A]!.POST('/v1/requests/{requestId}/offers/{offerId}/acceptance/cancellation', { params: path, body: {} });
    const assignmentsOfFamily = async () => (await unwrap(client[B]!.GET('/v1/families/{familyId}', { params: { path: { familyId } } }))).assignments;
    if (cancel.response.status === 200) {
      expect(cancel.data).toMatchObject({ status: 'open', offers: [expect.objectContaining({ status: 'declined' })] });
      await eventually(async () => {
        const offers = await unwrap(client[B]!.GET('/v1/offers', {}));
        expect(offers.items.find((offer) => offer.offerId === cancelled)?.status).toMatch(/declined|confirmed/);
        expect(await assignmentsOfFamily()).toEqual([]);
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await request(opened.requestId)).status).toBe('open');
      expect(await assignmentsOfFamily()).toEqual([]);
    } else {
      expect(cancel.error).toMatchObject({ status: 409, code: 'REQUEST.NOT_OPEN' });
      expect((await request(opened.requestId)).status).toBe('filled');
      expect(await assignmentsOfFamily()).toHaveLength(1);
      // The crossing case, delivered as the owner would receive it: a decline of a confirmed offer.
      const declined = { requestId: opened.requestId, offerId: cancelled, to: B, reason: 'The requester cancelled the acceptance' };
      const envelope = { messageId: randomUUID(), type: 'OfferDeclined', schemaVersion: 1, occurredAt: new Date().toISOString(), source: A, correlationId: 'crossing', payload: declined, signature: 'x' };
      await server.app.runtime.federation.partnerMessages!.onRequestMessage(B, envelope, { type: 'OfferDeclined', schemaVersion: 1, payload: declined });
      expect(await assignmentsOfFamily()).toEqual([]);
      const offers = await unwrap(client[B]!.GET('/v1/offers', {}));
      expect(offers.items.find((offer) => offer.offerId === cancelled)).toMatchObject({ status: 'confirmed' });
      const { items: events } = await unwrap(client[B]!.GET('/v1/families/{familyId}/events', { params: { path: { familyId } } }));
      expect(events.at(-1)).toMatchObject({ type: 'AssignmentEnded', actor: `partner:${A}`, data: { wantsNewAssignment: true } });
    }
  });

  it('50 concurrent accepts on offers of one request: exactly one goes through, the rest are refused with 409', async () => {
    const families: string[] = [];
    for (let n = 0; n < 5; n++) families.push(await registerAvailableFamily(client[B]!, { registration: { sourceDetail: `batch ${n}` } }));
    const opened = await unwrap(client[A]!.POST('/v1/requests', { body: { caseReference: 'MANY-OFFERS', needs: needs(), responseDeadline: '2026-12-20' } }));
    await unwrap(client[A]!.POST('/v1/requests/{requestId}/sharing', { params: { path: { requestId: opened.requestId } }, body: { partners: [B] } }));
    await eventually(async () => expect((await inbox(B)).items.some((item) => item.requestId === opened.requestId)).toBe(true));
    const offerIds: string[] = [];
    for (const familyId of families) {
      offerIds.push((await unwrap(client[B]!.POST('/v1/inbox/{requester}/{requestId}/offers', { params: { path: { requester: A, requestId: opened.requestId } }, body: { familyId } }))).offerId);
    }
    await eventually(async () => expect((await request(opened.requestId)).offers).toHaveLength(5));
    const statuses = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        client[A]!.POST('/v1/requests/{requestId}/offers/{offerId}/acceptance', { params: { path: { requestId: opened.requestId, offerId: offerIds[n % 5]! } }, body: {} }).then((r) => r.response.status),
      ),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    const filled = await eventually(async () => {
      const current = await request(opened.requestId);
      expect(current.status).toBe('filled');
      return current;
    });
    expect(filled.offers.filter((offer) => offer.status === 'confirmed')).toHaveLength(1);
    expect(filled.offers.filter((offer) => offer.status === 'declined')).toHaveLength(4);
    const assignments = await Promise.all(families.map(async (familyId) => (await unwrap(client[B]!.GET('/v1/families/{familyId}', { params: { path: { familyId } } }))).assignments.length));
    expect(assignments.reduce((sum, count) => sum + count, 0)).toBe(1);
  });
});
