import { ProfilesViewedContent, type RequestsTopicMessage, type SealedBoxMessage } from '@familybank/contracts';
import type { PartnerMessageMappers } from '../federation/partner-message-dispatcher';
import { profileViewsAad } from '../federation/sealing';

/** Opens a box sealed to one of this node's municipalities (`own`). */
export type OpenSealed = (own: string, box: SealedBoxMessage, associatedData: string) => Buffer;

/**
 * What the owner records of a viewer's report of its views of our families: the sealed content,
 * opened with our key and bound to viewer and owner, on the viewer's reported-views stream. The
 * report is signed by the viewer and read only from an active partner's topic: the source is the viewer.
 */
export function profileViewPartnerMessages(openSealed: OpenSealed): PartnerMessageMappers {
  return {
    requests: (own, envelope, message: RequestsTopicMessage) => {
      if (message.type !== 'ProfilesViewed' || message.payload.owner !== own) return [];
      const viewer = envelope.source;
      const opened = openSealed(own, message.payload.sealed, profileViewsAad(viewer, own));
      const { pseudonyms, viewedAt } = ProfilesViewedContent.parse(JSON.parse(opened.toString('utf8')));
      const report = { viewer, messageId: envelope.messageId, pseudonyms, viewedAt };
      return [{ step: 'views', target: { aggregate: 'reported-views', id: viewer, command: { type: 'RecordProfileViews', data: report } } }];
    },
  };
}
