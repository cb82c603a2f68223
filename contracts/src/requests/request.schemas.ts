import { Id, IsoDate, MunicipalityCode, PageQuery, Timestamp, pageOf } from '../common.schemas';
import { Pseudonym, SharedProfile } from '../exchange/pool.schemas';
import { ContactDetails } from '../families/family.schemas';
import { z } from '../zod';
import { ChildNeeds } from './needs.schemas';

/** A national id in a case reference would leave the municipality's control; refuse anything shaped like one. */
const NATIONAL_ID_SHAPE = /\d{6}-?\d{4}|\d{8}-?\d{4}/;

export const CaseReference = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine((value) => !NATIONAL_ID_SHAPE.test(value), { message: 'A case reference must not contain a national id number' })
  .openapi('CaseReference', { description: 'Your own case system’s reference; never shared with partners. Never a name or national id.', example: 'SAG-2026-1187' });

export const OpenRequestBody = z
  .strictObject({ caseReference: CaseReference, needs: ChildNeeds, responseDeadline: IsoDate })
  .openapi('OpenRequest', { description: 'A request for one specific child. There is no field for the child’s name or national id, and unknown fields are refused.' });

export const ShareRequestBody = z
  .strictObject({ partners: z.array(MunicipalityCode).min(1).max(100).optional().openapi({ description: 'Default: every active partner' }) })
  .openapi('ShareRequest');
export const ReasonRequiredBody = z.strictObject({ reason: z.string().trim().min(1).max(200) }).openapi('RequiredReason');
export const EmptyRequestBody = z.strictObject({}).openapi('EmptyRequestBody');

export const RequestIdParams = z.object({ requestId: Id.openapi({ param: { name: 'requestId', in: 'path' } }) });
export const OfferParams = RequestIdParams.extend({ offerId: Id.openapi({ param: { name: 'offerId', in: 'path' } }) });

export const RequestStatus = z.enum(['open', 'filled', 'withdrawn', 'expired']).openapi('RequestStatus');
export const OfferStatus = z.enum(['received', 'shortlisted', 'declined', 'acceptance-requested', 'withdrawn', 'confirmed']).openapi('OfferStatus');

export const ReceivedOffer = z
  .object({
    offerId: Id,
    partner: MunicipalityCode,
    pseudonym: Pseudonym,
    status: OfferStatus,
    withdrawnReason: z.string().optional(),
    profile: SharedProfile.optional().openapi({ description: 'The family’s shared profile, from your pool view' }),
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
        contact: ContactDetails.optional().openapi({ description: 'The family’s contact details, decrypted from the owner’s disclosure once it arrived' }),
        householdName: z.string().optional(),
      })
      .optional(),
    recruitmentStarted: z.boolean(),
    revision: z.number().int(),
  })
  .openapi('RequestDetail');
export type RequestDetail = z.infer<typeof RequestDetail>;

export const RequestListQuery = PageQuery.extend({ status: RequestStatus.optional() });
export const RequestPage = pageOf(RequestDetail, 'RequestPage');
