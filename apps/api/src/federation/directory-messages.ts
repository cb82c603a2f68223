import { DirectoryTopic, type DirectoryTopicMessage, type MunicipalityAnnounced, type SigningKeyRetired, type SigningKeySuccessorAnnounced } from '@familybank/contracts';
import type { PartnershipEvent } from '@familybank/domain-partnership';
import type { RecordedEvent } from '@familybank/event-store';
import { draftMessage, type Draft } from '@familybank/exchange';
import { unknownEvent } from './sealing';

/** Who the municipality is and its public keys, on the shared directory; self-signed. */
export function announcementMessage(announcement: MunicipalityAnnounced): Draft<DirectoryTopicMessage> {
  return draftMessage(DirectoryTopic, announcement.code, { type: 'MunicipalityAnnounced', schemaVersion: 1, payload: announcement });
}

/** A rotation's first step: to be signed with the current key (the payload carries the successor's proof). */
export function successorMessage(succession: SigningKeySuccessorAnnounced): Draft<DirectoryTopicMessage> {
  return draftMessage(DirectoryTopic, succession.code, { type: 'SigningKeySuccessorAnnounced', schemaVersion: 1, payload: succession });
}

/** A rotation's last step: to be signed with the successor, which becomes the key. */
export function retirementMessage(retirement: SigningKeyRetired): Draft<DirectoryTopicMessage> {
  return draftMessage(DirectoryTopic, retirement.code, { type: 'SigningKeyRetired', schemaVersion: 1, payload: retirement });
}

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
