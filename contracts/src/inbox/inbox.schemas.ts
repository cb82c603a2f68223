import { Id, IsoDate, MunicipalityCode, ShortText, Timestamp } from '../common.schemas';
import { Pseudonym } from '../exchange/pool.schemas';
import { ChildNeeds } from '../requests/needs.schemas';
import { MatchReason } from '../reasons/match-reason.schemas';
import { z } from '../zod';

export const CandidateCriterion = z
  .object({
    criterion: z.string(),
    points: z.number(),
    max: z.number(),
    explanation: z.string().openapi({ description: 'Why, in English; `reason` says the same as a code' }),
    reason: MatchReason,
  })
  .openapi('CandidateCriterion');

/** A criterion as recorded with an own placement: placements recorded before reasons existed have only the English explanation. */
export const RecordedCriterion = CandidateCriterion.extend({
  reason: MatchReason.optional().openapi({ description: 'Absent for placements recorded before match reasons existed' }),
}).openapi('RecordedCriterion');

export const LocalCandidate = z
  .object({
    familyId: Id,
    householdName: z.string(),
    pseudonym: Pseudonym,
    score: z.number(),
    network: z.boolean(),
    criteria: z.array(CandidateCriterion),
  })
  .openapi('LocalCandidate', { description: 'One of your own families that passes the hard filters, with the score explained' });

export const InboxItem = z
  .object({
    requester: MunicipalityCode,
    requesterName: z.string().optional(),
    requestId: Id,
    needs: ChildNeeds,
    responseDeadline: IsoDate,
    overdue: z.boolean(),
    status: z.enum(['open', 'closed']),
    closedReason: z.string().optional(),
    receivedAt: Timestamp,
    answered: z.boolean().openapi({ description: 'You have offered a family or answered “no match”' }),
    offers: z.array(z.object({ offerId: Id, familyId: Id, status: z.string() })),
    candidates: z.array(LocalCandidate),
  })
  .openapi('InboxItem');
export const Inbox = z.object({ items: z.array(InboxItem) }).openapi('Inbox', { description: 'Partners’ requests, open ones first, by response deadline' });

export const InboxParams = z.object({
  requester: MunicipalityCode.openapi({ param: { name: 'requester', in: 'path' } }),
  requestId: Id.openapi({ param: { name: 'requestId', in: 'path' } }),
});
export const MakeOfferBody = z.strictObject({ familyId: Id }).openapi('MakeOffer');

export const OwnOffer = z
  .object({
    offerId: Id,
    requester: MunicipalityCode,
    requestId: Id,
    familyId: Id,
    pseudonym: Pseudonym,
    period: z.object({ from: IsoDate, to: IsoDate }),
    children: z.number().int(),
    status: z.enum(['made', 'acceptance-received', 'confirmed', 'withdrawn', 'declined']),
    madeAt: Timestamp,
    assignmentId: Id.optional(),
    withdrawnReason: z.string().optional(),
    declinedReason: z.string().optional(),
    disclosed: z.boolean(),
    revision: z.number().int(),
  })
  .openapi('OwnOffer');
export const OwnOffers = z.object({ items: z.array(OwnOffer) }).openapi('OwnOffers');
export const OfferIdParams = z.object({ offerId: Id.openapi({ param: { name: 'offerId', in: 'path' } }) });
export const WithdrawOfferBody = z.strictObject({ reason: ShortText }).openapi('WithdrawOffer');
export const NoMatchAnswer = z.object({ requester: MunicipalityCode, requestId: Id, answered: z.literal(true) }).openapi('NoMatchAnswer');
