import { DirectoryTopic, type DirectoryTopicMessage, type MunicipalityAnnounced, type SigningKeyRetired, type SigningKeySuccessorAnnounced } from '@familybank/contracts';
import { draftMessage, type Draft } from '@familybank/exchange';

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
