import type { OfferDocument } from '../../offers/offers.projection';
import { offersProjection } from '../../offers/offers.projection';
import { INBOX, type InboxEntry } from '../../partners/inbox.projection';
import { condition } from '../../search/where';
import type { WorklistRule } from '../worklist-rule';
import { noted } from '../worklist-notes';

/** An offer of ours that still stands answers a partner's request. */
const LIVE_OFFER: ReadonlyArray<OfferDocument['status']> = ['made', 'acceptance-received', 'confirmed'];

/** Partners' open requests that wait for our answer: an offer of one of our families, or “no match”. */
export const inboxRequestRule: WorklistRule = {
  kind: 'inbox-request',
  items(source) {
    const open = source.documents<InboxEntry>(INBOX, condition(`json_extract(body, '$.status') = 'open' AND json_extract(body, '$.answeredNoMatch') = 0`));
    const offered = new Set(
      source
        .documents<OfferDocument>(offersProjection.collection)
        .filter((offer) => LIVE_OFFER.includes(offer.status))
        .map((offer) => `${offer.requester}:${offer.requestId}`),
    );
    return open
      .filter((entry) => entry.status === 'open' && !entry.answeredNoMatch && !offered.has(`${entry.requester}:${entry.requestId}`))
      .map((entry) => ({
        kind: 'inbox-request',
        dueOn: entry.responseDeadline,
        subject: { type: 'partner-request', id: entry.requestId, municipality: entry.requester, name: `${entry.needs.careType}, child aged ${entry.needs.childAge}` },
        ...noted({
          code: 'inbox-request.answer',
          params: { requester: entry.requester, responseDeadline: entry.responseDeadline, careType: entry.needs.careType, childAge: entry.needs.childAge },
        }),
      }));
  },
};
