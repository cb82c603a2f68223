import type { PartnershipEvent } from '@familybank/domain-partnership';
import { OWNER, recorded, REQUESTER } from '../federation/testing/federation-message.fixtures';
import { mapperSpecification } from '../federation/testing/message-mapper-specification';
import { partnershipStepMessages, partnershipStepOutgoing } from './partnership-step-messages';

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

describe('partnership steps, as the relay asks for them', () => {
  it('only partnership streams publish steps, each under its event id alone', () => {
    const proposed = step({ type: 'PartnershipProposed', data: { partner: OWNER, proposedBy: 'us' } });
    expect(partnershipStepOutgoing.for({ ...proposed, streamId: 'family-fam-1' })).toEqual([]);
    const [draft] = partnershipStepOutgoing.for(proposed);
    expect(partnershipStepOutgoing.dedupeKey?.(proposed, draft!)).toBe(proposed.eventId);
  });
});
