import { INTRODUCTION_VISIT_STATUSES } from '@familybank/domain-request';
import { Id, IsoDate, LongText, MunicipalityCode, ShortText, Timestamp, isoDateExample, pageOf, text } from '../common.schemas';
import { Pseudonym, SharedProfile } from '../exchange/pool.schemas';
import { ContactDetails, FamilyStage } from '../families/family.schemas';
import { CandidateCriterion, LocalCandidate, RecordedCriterion } from '../inbox/inbox.schemas';
import { z } from '../zod';
import { ChildNeeds } from './needs.schemas';

/** A national id in a case reference would leave the municipality's control; refuse anything shaped like one. */
const NATIONAL_ID_SHAPE = /[0-9]{6}-?[0-9]{4}|[0-9]{8}-?[0-9]{4}/;

export const CaseReference = text(60)
  .refine((value) => !NATIONAL_ID_SHAPE.test(value), { message: 'A case reference must not contain a national id number' })
  .openapi('CaseReference', {
    not: { pattern: NATIONAL_ID_SHAPE.source }, description: 'Your own case system’s reference; never shared with partners. Never a name or national id.', example: 'SAG-2026-1187' });

export const OpenRequestBody = z
  .strictObject({
    caseReference: CaseReference,
    needs: ChildNeeds,
    // A day still ahead, so that the example is a request the API takes (a deadline that has passed is 422).
    responseDeadline: isoDateExample('2030-01-31', 'The last day partners can answer (YYYY-MM-DD); after today'),
  })
  .openapi('OpenRequest', { description: 'A request for one specific child. There is no field for the child’s name or national id, and unknown fields are refused.' });

export const ShareRequestBody = z
  .strictObject({ partners: z.array(MunicipalityCode).min(1).max(100).optional().openapi({ description: 'Default: every active partner' }) })
  .openapi('ShareRequest');
export const ReasonRequiredBody = z.strictObject({ reason: ShortText }).openapi('RequiredReason');
export const EmptyRequestBody = z.strictObject({}).openapi('EmptyRequestBody');

export const RequestIdParams = z.object({ requestId: Id.openapi({ param: { name: 'requestId', in: 'path' } }) });
export const OfferParams = RequestIdParams.extend({ offerId: Id.openapi({ param: { name: 'offerId', in: 'path' } }) });

export const IntroductionVisitStatus = z.enum(INTRODUCTION_VISIT_STATUSES).openapi('IntroductionVisitStatus');
export const IntroductionVisit = z
  .object({ visitId: Id, on: IsoDate, status: IntroductionVisitStatus, note: z.string().optional() })
  .openapi('IntroductionVisit', { description: 'A visit between the child’s family and the new family before the assignment starts' });
export const RecordIntroductionVisitBody = z
  .strictObject({
    visitId: Id.optional().openapi({ description: 'Omit to plan a new visit (an id is generated); name a visit to record that it was held or cancelled' }),
    on: IsoDate.openapi({ description: 'Not after the end of the assignment’s period' }),
    status: IntroductionVisitStatus,
    note: LongText.optional(),
  })
  .openapi('RecordIntroductionVisit');

export const RecruitedFamily = z
  .object({ familyId: Id, householdName: z.string(), stage: FamilyStage })
  .openapi('RecruitedFamily', { description: 'A lead registered with sourceChannel child-request for this request' });

export const PoolCandidate = z
  .object({
    pseudonym: Pseudonym,
    municipality: MunicipalityCode,
    score: z.number(),
    network: z.boolean(),
    criteria: z.array(CandidateCriterion),
    profile: SharedProfile,
  })
  .openapi('PoolCandidate', { description: 'A partner’s family from your pool view that passes the hard filters, with the score explained' });
export const RequestCandidates = z
  .object({
    local: z.array(LocalCandidate).openapi({ description: 'Your own available, consenting families, best first' }),
    pool: z.array(PoolCandidate).openapi({ description: 'Your active partners’ shared families, best first' }),
  })
  .openapi('RequestCandidates', { description: 'Families ranked for the request’s needs; network candidates first, then by score' });

export const RequestStatus = z.enum(['open', 'filled', 'withdrawn', 'expired']).openapi('RequestStatus');
export const OfferStatus = z.enum(['received', 'shortlisted', 'declined', 'acceptance-requested', 'withdrawn', 'confirmed']).openapi('OfferStatus');

export const PlaceOwnFamilyBody = z
  .strictObject({ familyId: Id.openapi({ description: 'One of your own families among the request’s candidates (GET …/candidates, local)' }) })
  .openapi('PlaceOwnFamily');

export const OwnPlacementDetail = z
  .object({
    familyId: Id,
    householdName: z.string().optional(),
    children: z.number().int().min(1),
    network: z.boolean().optional().openapi({ description: 'The family is a network family registered for this request: the placement counts as from the child’s network' }),
    match: z
      .object({ score: z.number(), criteria: z.array(RecordedCriterion) })
      .openapi({ description: 'Why the matching engine proposed the family when it was placed' }),
  })
  .openapi('OwnPlacementDetail', { description: 'Your own family placed for your own request' });

export const ReceivedOffer = z
  .object({
    offerId: Id,
    partner: MunicipalityCode.openapi({ description: 'The municipality that owns the family: your own for an own placement' }),
    pseudonym: Pseudonym,
    status: OfferStatus,
    withdrawnReason: z.string().optional(),
    profile: SharedProfile.optional().openapi({ description: 'The family’s shared profile, from your pool view' }),
    own: OwnPlacementDetail.optional().openapi({ description: 'Set for an own placement: your family, and the match explanation' }),
  })
  .openapi('ReceivedOffer');

export const RequestDetail = z
  .object({
    requestId: Id,
    municipality: MunicipalityCode,
    caseReference: z.string(),
    needs: ChildNeeds,
    responseDeadline: IsoDate,
    status: RequestStatus,
    openedAt: Timestamp,
    sharedWith: z.array(MunicipalityCode),
    answeredBy: z.array(MunicipalityCode),
    awaitingAnswerFrom: z.array(MunicipalityCode).openapi({ description: 'Partners it was shared with that have neither offered nor answered “no match”' }),
    offers: z.array(ReceivedOffer),
    pendingAcceptance: z
      .object({ offerId: Id, since: Timestamp, ageMinutes: z.number().int() })
      .optional()
      .openapi({ description: 'An acceptance waiting for the owner’s confirmation; it can be cancelled' }),
    assignment: z
      .object({
        assignmentId: Id,
        partner: MunicipalityCode,
        pseudonym: Pseudonym,
        period: z.object({ from: IsoDate, to: IsoDate }),
        endedOn: IsoDate.optional().openapi({ description: 'Set when the owner ended the assignment' }),
        endReason: z.string().optional(),
        contact: ContactDetails.optional().openapi({
          description: 'The family’s contact details, decrypted from the owner’s disclosure once it arrived; for an own placement, your own record',
        }),
        familyId: Id.optional().openapi({ description: 'Set for an own placement: your own family' }),
        householdName: z.string().optional(),
      })
      .optional(),
    recruitmentStarted: z.boolean(),
    recruitedFamilies: z.array(RecruitedFamily).openapi({ description: 'Leads registered for this request by targeted recruitment' }),
    introductionVisits: z.array(IntroductionVisit),
    network: z
      .object({ explored: z.boolean(), persons: z.number().int().min(0) })
      .openapi({ description: 'The child’s network: explored (anyone on the map, or the flag of a request opened before the map) and how many persons are on the map (GET …/network-map)' }),
    revision: z.number().int(),
  })
  .openapi('RequestDetail');
export type RequestDetail = z.infer<typeof RequestDetail>;

export const RequestPage = pageOf(RequestDetail, 'RequestPage');
