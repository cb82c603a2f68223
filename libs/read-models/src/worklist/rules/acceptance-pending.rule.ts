import { requestsProjection, type RequestDocument } from '../../requests/requests.projection';
import { condition } from '../../search/where';
import { addDays, type WorklistRule } from '../worklist-rule';
import { noted } from '../worklist-notes';

/**
 * An accepted offer waits for its owner to reserve the family and confirm. Usually that takes
 * moments; one still pending after a few days needs a call to the partner, or cancelling so that
 * another offer can be accepted.
 */
export const acceptancePendingRule: WorklistRule = {
  kind: 'acceptance-pending',
  items(source, { policy }) {
    const requests = source.documents<RequestDocument>(requestsProjection.collection, condition(`json_type(body, '$.pendingAcceptance') IS NOT NULL`));
    return requests.flatMap((request) => {
      const pending = request.pendingAcceptance;
      if (!pending) return [];
      const offer = request.offers.find((candidate) => candidate.offerId === pending.offerId);
      return [
        {
          kind: 'acceptance-pending' as const,
          dueOn: addDays(pending.since.slice(0, 10), policy.acceptanceFollowUpDays),
          subject: { type: 'request' as const, id: request.requestId, name: request.caseReference },
          ...noted({ code: 'acceptance-pending.chase', params: { offerId: pending.offerId, ...(offer && { partner: offer.partner }), acceptedOn: pending.since.slice(0, 10) } }),
        },
      ];
    });
  },
};
