import { DirectoryTopic, type DirectoryTopicMessage } from '@familybank/contracts';
import type { PartnershipEvent } from '@familybank/domain-partnership';
import type { RecordedEvent } from '@familybank/event-store';
import { draftMessage, type Draft } from '@familybank/exchange';
import type { OutgoingMessages } from '../federation/outbox-relay';
import { unknownEvent } from '../federation/sealing';

/**
 * The partnership steps this municipality took, for the partner to record on its side. A step
 * recorded from the partner's message (`…By: 'partner'`) is not sent back.
 */
export function partnershipStepMessages(event: RecordedEvent & PartnershipEvent): Array<Draft<DirectoryTopicMessage>> {
  const own = event.metadata.municipality;
  const step = { from: own, to: event.data.partner };
  const draft = (type: 'PartnershipProposed' | 'PartnershipAccepted' | 'PartnershipDeclined' | 'PartnershipRevoked') => [draftMessage(DirectoryTopic, own, { type, schemaVersion: 1, payload: step })];
  switch (event.type) {
    case 'PartnershipProposed':
      return event.data.proposedBy === 'us' ? draft('PartnershipProposed') : [];
    case 'PartnershipActivated':
      return event.data.acceptedBy === 'us' ? draft('PartnershipAccepted') : [];
    case 'PartnershipDeclined':
      return event.data.declinedBy === 'us' ? draft('PartnershipDeclined') : [];
    case 'PartnershipRevoked':
      return event.data.revokedBy === 'us' ? draft('PartnershipRevoked') : [];
    default:
      return unknownEvent(event);
  }
}

/** What the partnership streams publish, for the relay. */
export const partnershipStepOutgoing: OutgoingMessages = {
  for: (event) => (event.streamId.startsWith('partnership-') ? partnershipStepMessages(event as RecordedEvent & PartnershipEvent) : []),
  // As in earlier releases, a step's message id derives from its event id alone, so a re-published step is recognised.
  dedupeKey: (event) => event.eventId,
};
