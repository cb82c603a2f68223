import { RequestsTopic, type RequestsTopicMessage } from '@familybank/contracts';
import type { RecordedEvent } from '@familybank/event-store';
import { draftMessage, type Draft } from '@familybank/exchange';
import { profileViewsAad, type Seal } from '../federation/sealing';
import type { ProfilesViewedData } from './profile-views';

/**
 * Tells the owner which of its shared profiles the viewer's caseworkers read, and when: never
 * who read them. Sealed to the owner, since the viewer's other partners read the viewer's
 * requests topic too and must not learn whom it looked at. Without the owner's announced key
 * nothing is published.
 */
export function profileViewsMessages(
  event: RecordedEvent<'ProfilesViewed', ProfilesViewedData>,
  recipient: { encryptionKey: string } | undefined,
  seal: Seal,
): Array<Draft<RequestsTopicMessage>> {
  if (!recipient) return [];
  const { owner, pseudonyms, viewedAt } = event.data;
  const viewer = event.metadata.municipality;
  const sealed = seal(JSON.stringify({ pseudonyms, viewedAt }), recipient.encryptionKey, profileViewsAad(viewer, owner));
  return [draftMessage(RequestsTopic, viewer, { type: 'ProfilesViewed', schemaVersion: 1, payload: { owner, sealed } })];
}
