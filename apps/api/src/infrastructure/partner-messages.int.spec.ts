import type { Envelope, RequestsTopicMessage } from '@familybank/contracts';
import { offerStreamId } from '@familybank/domain-offer';
import { partnerRequestStreamId, reportedViewsStreamId } from '@familybank/domain-partner-facts';
import { openSealedBox, seal, type SealedBox } from '@familybank/exchange';
import { WorkflowFixture } from '../workflows/testing';
import type { PartnerMessageDispatcher } from '../federation/partner-message-dispatcher';
import { profileViewsAad } from '../federation/sealing';
import { needs, OTHER, OWNER, ownerKeys, PSEUDONYM, REQUESTER } from '../federation/testing/federation-message.fixtures';
import { partnerMessageDispatcher } from './partner-messages';

let sequence = 0;
const envelope = (type: string, messageId = `msg-${++sequence}`): Envelope => ({
  messageId,
  type,
  schemaVersion: 1,
  occurredAt: '2026-03-09T10:00:00.000Z',
  source: REQUESTER,
  correlationId: `corr-${messageId}`,
  payload: {},
  signature: 'verified by the consumer',
});
const published = (audience = [OWNER, OTHER]): RequestsTopicMessage => ({ type: 'RequestPublished', schemaVersion: 1, payload: { requestId: 'req-1', audience, needs, responseDeadline: '2026-03-20' } });
const closed = (reason: 'withdrawn' | 'filled' = 'withdrawn'): RequestsTopicMessage => ({ type: 'RequestClosed', schemaVersion: 1, payload: { requestId: 'req-1', audience: [OWNER, OTHER], reason } });

/** Partners' messages to the municipalities of one node become commands on our own streams (the dispatcher with every capability's mapper). */
describe('partner messages, recorded as our own events', () => {
  let fixture: WorkflowFixture;
  let messages: PartnerMessageDispatcher;
  const types = async (streamId: string) => fixture.types(streamId);

  beforeEach(async () => {
    fixture = new WorkflowFixture();
    await fixture.runner.run();
    messages = partnerMessageDispatcher(fixture.gateway, (_own, box, aad) => openSealedBox(box as SealedBox, ownerKeys.privateKey, aad));
  });
  afterEach(() => fixture.close());

  it('a request shared with two municipalities of this node is received by each, once, at the time the requester published it', async () => {
    const message = envelope('RequestPublished');
    for (const own of [OWNER, OTHER, '0751']) await messages.onRequestMessage(own, message, published());
    await messages.onRequestMessage(OWNER, message, published());

    const [received] = await fixture.stream(partnerRequestStreamId(OWNER, REQUESTER, 'req-1'));
    expect(received).toMatchObject({ type: 'PartnerRequestReceived', data: { requester: REQUESTER, requestId: 'req-1', needs, receivedAt: '2026-03-09T10:00:00.000Z' } });
    expect(received!.metadata).toMatchObject({ actor: `partner:${REQUESTER}`, municipality: OWNER, correlationId: message.messageId });
    expect(await types(partnerRequestStreamId(OWNER, REQUESTER, 'req-1'))).toEqual(['PartnerRequestReceived']);
    expect(await types(partnerRequestStreamId(OTHER, REQUESTER, 'req-1'))).toEqual(['PartnerRequestReceived']);
    expect(await types(partnerRequestStreamId('0751', REQUESTER, 'req-1'))).toEqual([]);
  });

  it('a withdrawn request is closed in the inbox, and the workflow declines our offer for it', async () => {
    await messages.onRequestMessage(OWNER, envelope('RequestPublished'), published());
    await fixture.availableFamily('fam-1');
    await fixture.makeOffer('offer-1', 'fam-1');
    await fixture.runner.run();

    await messages.onRequestMessage(OWNER, envelope('RequestClosed'), closed('withdrawn'));
    await fixture.runner.run();

    expect(await types(partnerRequestStreamId(OWNER, REQUESTER, 'req-1'))).toEqual(['PartnerRequestReceived', 'PartnerRequestClosed']);
    expect((await fixture.stream(offerStreamId('offer-1'))).at(-1)).toMatchObject({ type: 'OfferDeclinedByRequester', data: { reason: 'The request was withdrawn' } });
  });

  it('a filled request is closed in the inbox and leaves our offers to the requester', async () => {
    await messages.onRequestMessage(OWNER, envelope('RequestPublished'), published());
    await fixture.availableFamily('fam-1');
    await fixture.makeOffer('offer-1', 'fam-1');
    await messages.onRequestMessage(OWNER, envelope('RequestClosed'), closed('filled'));
    await fixture.runner.run();
    expect(await types(offerStreamId('offer-1'))).toEqual(['OfferMade']);
  });

  it('views of our families reported by the viewer are recorded once per message', async () => {
    const content = JSON.stringify({ pseudonyms: [PSEUDONYM], viewedAt: '2026-03-09T11:00:00.000Z' });
    const sealed = seal(content, ownerKeys.publicKey, profileViewsAad(REQUESTER, OWNER));
    const viewed: RequestsTopicMessage = { type: 'ProfilesViewed', schemaVersion: 1, payload: { owner: OWNER, sealed } };
    const message = envelope('ProfilesViewed');
    await messages.onRequestMessage(OWNER, message, viewed);
    await messages.onRequestMessage(OWNER, message, viewed);
    await messages.onRequestMessage(OTHER, message, viewed);

    const reports = await fixture.stream(reportedViewsStreamId(OWNER, REQUESTER));
    expect(reports.map((event) => event.data)).toEqual([{ viewer: REQUESTER, messageId: message.messageId, pseudonyms: [PSEUDONYM], viewedAt: '2026-03-09T11:00:00.000Z' }]);
    expect(await types(reportedViewsStreamId(OTHER, REQUESTER))).toEqual([]);
  });
});
