import type { PartnershipEvent } from '@familybank/domain-partnership';
import { generateEncryptionKeys, generateSigningKeys, publicKeyFingerprint } from '@familybank/exchange';
import { announcementMessage, partnershipStepMessages } from './directory-messages';
import { REQUESTER, OWNER, recorded } from './testing/federation-message.fixtures';
import { mapperSpecification } from './testing/message-mapper-specification';

/** A partnership step needs nothing but its event. */
const NO_LOOKUPS = undefined;
const spec = mapperSpecification((event: ReturnType<typeof step>) => partnershipStepMessages(event));
const step = (event: PartnershipEvent) => recorded(`partnership-${REQUESTER}-${OWNER}`, REQUESTER, event);
const partnerKey = { publicKey: 'pem', fingerprint: 'f' };
const onDirectory = { topic: 'familybank.directory.v1', key: `${REQUESTER}-${OWNER}` };

describe('partnership steps → directory', () => {
  it.each<[PartnershipEvent['type'], string, PartnershipEvent]>([
    ['PartnershipProposed', 'PartnershipProposed', { type: 'PartnershipProposed', data: { partner: OWNER, proposedBy: 'us' } }],
    ['PartnershipActivated', 'PartnershipAccepted', { type: 'PartnershipActivated', data: { partner: OWNER, partnerKey, acceptedBy: 'us' } }],
    ['PartnershipDeclined', 'PartnershipDeclined', { type: 'PartnershipDeclined', data: { partner: OWNER, declinedBy: 'us', reason: 'Not now' } }],
    ['PartnershipRevoked', 'PartnershipRevoked', { type: 'PartnershipRevoked', data: { partner: OWNER, revokedBy: 'us', reason: 'Ended' } }],
  ])('our own %s is sent to the partner as %s, from us to it, without our reason', (_eventType, type, event) => {
    spec
      .given(NO_LOOKUPS)
      .when(step(event))
      .then([{ ...onDirectory, message: { type, schemaVersion: 1, payload: { from: REQUESTER, to: OWNER } } }]);
  });

  it.each<PartnershipEvent>([
    { type: 'PartnershipProposed', data: { partner: OWNER, proposedBy: 'partner' } },
    { type: 'PartnershipActivated', data: { partner: OWNER, partnerKey, acceptedBy: 'partner' } },
    { type: 'PartnershipDeclined', data: { partner: OWNER, declinedBy: 'partner' } },
    { type: 'PartnershipRevoked', data: { partner: OWNER, revokedBy: 'partner' } },
  ])('$type recorded from the partner’s own message is not sent back', (event) => {
    spec.given(NO_LOOKUPS).when(step(event)).thenNothing();
  });
});

describe('announcement → directory', () => {
  const signing = generateSigningKeys();
  const announcement = { code: REQUESTER, name: 'Vejle', signingKey: signing.publicKey, fingerprint: publicKeyFingerprint(signing.publicKey), encryptionKey: generateEncryptionKeys().publicKey };

  it('publishes who we are and our public keys, keyed by our code', () => {
    expect(announcementMessage(announcement)).toEqual({ ...onDirectory, key: REQUESTER, message: { type: 'MunicipalityAnnounced', schemaVersion: 1, payload: announcement } });
  });

  it('is refused at the sender when a key is missing', () => {
    expect(() => announcementMessage({ ...announcement, encryptionKey: '' })).toThrow(/MunicipalityAnnounced .*encryptionKey/);
  });
});
