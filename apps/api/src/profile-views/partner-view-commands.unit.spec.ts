import type { RequestsTopicMessage } from '@familybank/contracts';
import { openSealedBox, seal, type SealedBox } from '@familybank/exchange';
import { profileViewsAad } from '../federation/sealing';
import { needs, OTHER, OWNER, ownerKeys, PSEUDONYM, REQUESTER } from '../federation/testing/federation-message.fixtures';
import { partnerMessageSpecification } from '../federation/testing/partner-message-specification';
import { profileViewPartnerMessages } from './partner-view-commands';

const openAsOwner = (_own: string, box: SealedBox, aad: string) => openSealedBox(box, ownerKeys.privateKey, aad);
const { given } = partnerMessageSpecification(profileViewPartnerMessages(openAsOwner).requests);
const content = { pseudonyms: [PSEUDONYM], viewedAt: '2026-03-09T11:00:00.000Z' };
const viewed = (owner = OWNER, aad = profileViewsAad(REQUESTER, OWNER)): RequestsTopicMessage => ({ type: 'ProfilesViewed', schemaVersion: 1, payload: { owner, sealed: seal(JSON.stringify(content), ownerKeys.publicKey, aad) } });

describe('a viewer’s report of its views of our families, as the owner records it', () => {
  it('the sealed report is opened and recorded on the viewer’s reported-views stream, with its message id', () => {
    given(OWNER, REQUESTER)
      .when(viewed(), 'msg-views-1')
      .then([{ step: 'views', target: { aggregate: 'reported-views', id: REQUESTER, command: { type: 'RecordProfileViews', data: { viewer: REQUESTER, messageId: 'msg-views-1', ...content } } } }]);
  });

  it('a report about another municipality’s families is not ours (and not opened)', () => {
    given(OWNER, REQUESTER).when(viewed(OTHER)).thenNothing();
  });

  it('a report sealed for another viewer does not open: a box moved to another sender is refused', () => {
    expect(() => given(OWNER, OTHER).when(viewed()).thenNothing()).toThrow();
  });

  it('the requester’s other messages are not views', () => {
    given(OWNER, REQUESTER).when({ type: 'RequestPublished', schemaVersion: 1, payload: { requestId: 'req-1', audience: [OWNER], needs, responseDeadline: '2026-03-20' } }).thenNothing();
  });
});
