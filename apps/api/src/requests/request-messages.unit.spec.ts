import { DocumentStore, familyDetailProjection, offersProjection, requestsProjection } from '@familybank/read-models';
import type { DirectoryEntry } from '../federation/federation-consumer';
import { disclosureAad } from '../federation/sealing';
import { RequestMessages } from './request-messages';
import { familyContact, offer, openAs, OWNER, PSEUDONYM, recorded, request, REQUESTER, requesterKeys } from '../federation/testing/federation-message.fixtures';

/** The loader around the pure mappers: it finds what they need by the event's stream. */
describe('RequestMessages', () => {
  let documents: DocumentStore;
  const directory = new Map<string, DirectoryEntry>();
  const subject = () => new RequestMessages(documents, (code) => directory.get(code));

  beforeEach(() => {
    documents = new DocumentStore(':memory:');
    documents.put(requestsProjection.collection, 'req-1', REQUESTER, request);
    documents.put(offersProjection.collection, 'offer-1', OWNER, offer);
    // Only the fields a disclosure reads of the family's detail document.
    documents.put(familyDetailProjection.collection, 'fam-7', OWNER, { contact: familyContact.contact, adults: [{ fullName: 'Mette Hansen' }, { fullName: 'Lars Hansen' }] });
    directory.set(REQUESTER, { code: REQUESTER, name: 'Vejle', signingKey: 'pem', fingerprint: 'f', encryptionKey: requesterKeys.publicKey, announcedAt: '2026-03-01T00:00:00.000Z' });
  });
  afterEach(() => documents.close());

  it('maps a request’s event with the request’s document', () => {
    const [draft] = subject().for(recorded('request-req-1', REQUESTER, { type: 'RequestShared', data: { partners: [OWNER] } }));
    expect(draft).toMatchObject({ key: 'req-1', message: { type: 'RequestPublished', payload: { audience: request.sharedWith } } });
  });

  it('seals a disclosure to the requester’s announced key, with the family’s contact details and household name', () => {
    const [draft] = subject().for(recorded('offer-offer-1', OWNER, { type: 'ContactDetailsDisclosed', data: { assignmentId: 'as-offer-1', recipientKeyFingerprint: 'f' } }));
    if (draft?.message.type !== 'ContactDetailsDisclosed') throw new Error(`Expected a disclosure, got ${JSON.stringify(draft)}`);
    expect(openAs(requesterKeys.privateKey, draft.message.payload.sealed, disclosureAad(OWNER, REQUESTER, 'as-offer-1'))).toEqual({ contact: familyContact.contact, householdName: 'Mette Hansen & Lars Hansen' });
  });

  it('publishes profile views only to an owner whose key it knows', () => {
    const viewed = (owner: string) => recorded(`profile-views-${OWNER}`, OWNER, { type: 'ProfilesViewed', data: { owner, pseudonyms: [PSEUDONYM], viewedAt: '2026-03-10T09:00:00.000Z' } });
    expect(subject().for(viewed(REQUESTER))).toMatchObject([{ topic: 'familybank.0265.requests.v1', key: REQUESTER }]);
    expect(subject().for(viewed('0101'))).toEqual([]);
  });

  it('publishes nothing for the streams that stay home', () => {
    expect(subject().for(recorded('family-fam-7', OWNER, { type: 'SupportRecorded', data: {} }))).toEqual([]);
  });
});
