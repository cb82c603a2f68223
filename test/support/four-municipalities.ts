import { unwrap, type FamilybankClient } from '@familybank/api-client';
import { registration } from './family-fixtures';
import { makePartners, needs } from './federation';
import { eventually, registerAvailableFamily } from './journeys';
import { recordSupport } from './support-journey';

/** Vejle requests; Roskilde owns most families; København is Roskilde's partner until it is revoked; Aarhus answers and requests too. */
export const [A, B, C, D] = ['0630', '0265', '0101', '0751'] as const;
export const MUNICIPALITIES = [A, B, C, D] as const;

type Clients = Record<string, FamilybankClient>;

/**
 * Everything partners tell each other, once: partnerships (one revoked), pools (a family
 * withdrawn), views of shared profiles, a request shared and answered with an offer and a “no
 * match”, an acceptance confirmed with disclosure, the assignment ended by the owner, a request
 * withdrawn with an offer on it, and a request left open. `settle` waits until the federation is quiet.
 */
export async function runFourMunicipalities(clients: Clients, settle: () => Promise<void>, timeoutMs: number): Promise<void> {
  const client = (code: string) => clients[code]!;
  const within = <T>(check: () => Promise<T>) => eventually(check, timeoutMs);
  const pool = async (code: string) => (await unwrap(client(code).GET('/v1/pool', { params: { query: { limit: 200 } } }))).items;
  const request = async (code: string, requestId: string) => unwrap(client(code).GET('/v1/requests/{requestId}', { params: { path: { requestId } } }));
  const inbox = async (code: string) => (await unwrap(client(code).GET('/v1/inbox', {}))).items;

  for (const code of MUNICIPALITIES) await unwrap(client(code).GET('/v1/partnerships', {})); // announces the municipality
  await makePartners(client(A), A, client(B), B);
  await makePartners(client(D), D, client(A), A);
  await makePartners(client(B), B, client(D), D);
  await makePartners(client(C), C, client(B), B);

  const contact = { street: 'Algade 7', postalCode: '4000', city: 'Roskilde', phone: '+45 46 31 31 31', email: 'jensen@roskilde.example' };
  const placed = await registerAvailableFamily(client(B), { registration: { contact } });
  const offeredToD = await registerAvailableFamily(client(B), { registration: { sourceDetail: 'second' } });
  const withdrawn = await registerAvailableFamily(client(B), { registration: { sourceDetail: 'third' } });
  await registerAvailableFamily(client(D), { registration: { sourceDetail: 'aarhus' } });
  await registerAvailableFamily(client(A), { registration: { sourceDetail: 'vejle' } });
  await unwrap(client(A).POST('/v1/families', { body: registration({ sourceDetail: 'a lead' }) }));
  await within(async () => expect(await pool(A)).toHaveLength(4));
  await within(async () => expect(await pool(C)).toHaveLength(3));

  // A family no longer available leaves the partners' pools (a tombstone).
  await unwrap(client(B).POST('/v1/families/{familyId}/availability/withdrawal', { params: { path: { familyId: withdrawn } }, body: { reason: 'Moving house' } }));
  await within(async () => expect(await pool(A)).toHaveLength(3));
  await within(async () => expect(await pool(C)).toHaveLength(2));

  // København looks at Roskilde's families, then Roskilde ends the partnership: København's pool of it is dropped.
  await settle();
  await unwrap(client(B).POST('/v1/partnerships/{partner}/revocation', { params: { path: { partner: C } }, body: { reason: 'Pilot ended' } }));
  await within(async () => expect(await pool(C)).toEqual([]));

  // A's request: B offers, D has no family; A accepts; B confirms and discloses; B ends the assignment.
  const opened = await unwrap(client(A).POST('/v1/requests', { body: { caseReference: 'SAG-2026-1187', needs: needs(), responseDeadline: '2026-12-28' } }));
  await unwrap(client(A).POST('/v1/requests/{requestId}/sharing', { params: { path: { requestId: opened.requestId } }, body: {} }));
  await within(async () => expect(await inbox(B)).toHaveLength(1));
  await within(async () => expect(await inbox(D)).toHaveLength(1));
  const offer = await unwrap(
    client(B).POST('/v1/inbox/{requester}/{requestId}/offers', { params: { path: { requester: A, requestId: opened.requestId } }, body: { familyId: placed } }),
  );
  await unwrap(client(D).POST('/v1/inbox/{requester}/{requestId}/no-match', { params: { path: { requester: A, requestId: opened.requestId } }, body: {} }));
  await within(async () => expect((await request(A, opened.requestId)).answeredBy.sort()).toEqual([B, D].sort()));
  await unwrap(client(A).POST('/v1/requests/{requestId}/offers/{offerId}/acceptance', { params: { path: { requestId: opened.requestId, offerId: offer.offerId } }, body: {} }));
  const filled = await within(async () => {
    const current = await request(A, opened.requestId);
    expect(current.assignment?.contact).toBeDefined();
    return current;
  });
  const path = { familyId: placed, assignmentId: filled.assignment!.assignmentId };
  await unwrap(client(B).POST('/v1/families/{familyId}/assignments/{assignmentId}/end', { params: { path }, body: { reason: 'The child moved home', wantsNewAssignment: true } }));
  await within(async () => expect((await request(A, opened.requestId)).assignment?.endedOn).toBeDefined());

  // D's request gets an offer from B and is withdrawn: B's offer is declined by the workflow.
  const ofD = await unwrap(client(D).POST('/v1/requests', { body: { caseReference: 'AAR-7', needs: needs({ wishedCompetences: [] }), responseDeadline: '2026-12-29' } }));
  await unwrap(client(D).POST('/v1/requests/{requestId}/sharing', { params: { path: { requestId: ofD.requestId } }, body: { partners: [B] } }));
  await within(async () => expect((await inbox(B)).some((item) => item.requestId === ofD.requestId)).toBe(true));
  const declined = await unwrap(
    client(B).POST('/v1/inbox/{requester}/{requestId}/offers', { params: { path: { requester: D, requestId: ofD.requestId } }, body: { familyId: offeredToD } }),
  );
  await within(async () => expect((await request(D, ofD.requestId)).offers).toHaveLength(1));
  await unwrap(client(D).POST('/v1/requests/{requestId}/withdrawal', { params: { path: { requestId: ofD.requestId } }, body: { reason: 'Placed within the network' } }));
  await within(async () => {
    const offers = (await unwrap(client(B).GET('/v1/offers', {}))).items;
    expect(offers.find((candidate) => candidate.offerId === declined.offerId)?.status).toBe('declined');
  });

  // A request left open, shared with both partners.
  const open = await unwrap(client(A).POST('/v1/requests', { body: { caseReference: 'SAG-2026-1200', needs: needs({ childAge: 6 }), responseDeadline: '2026-12-30' } }));
  await unwrap(client(A).POST('/v1/requests/{requestId}/sharing', { params: { path: { requestId: open.requestId } }, body: {} }));
  await within(async () => expect((await inbox(D)).some((item) => item.requestId === open.requestId)).toBe(true));
  await recordSupport(client(B), offeredToD);
  await settle();
}
