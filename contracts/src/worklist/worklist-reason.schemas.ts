import { Id, IsoDate, MunicipalityCode } from '../common.schemas';
import { CareType, CheckKind } from '../families/family.schemas';
import { codesOf, reason } from '../reasons/reason';
import { z } from '../zod';

/**
 * What a worklist item asks to be done (WorklistItem.note), as a code with its params. Each code
 * begins with the item's kind; availability-stale has two, before and after the stale day.
 */
export const WorklistReason = z
  .discriminatedUnion('code', [
    reason('first-contact.make', { registeredOn: IsoDate }),
    reason('check-assessment.assess', {
      checks: z.array(z.object({ kind: CheckKind, adultId: Id })).openapi({ description: 'The checks with remarks waiting for an assessment' }),
    }),
    reason('approval-expiring.renew', { validUntil: IsoDate }),
    reason('availability-stale.confirm', { confirmedOn: IsoDate }),
    reason('availability-stale.stale', { confirmedOn: IsoDate }),
    reason('inbox-request.answer', { requester: MunicipalityCode, responseDeadline: IsoDate, careType: CareType, childAge: z.number().int().min(0) }),
    reason('acceptance-pending.chase', { offerId: Id, partner: MunicipalityCode.optional(), acceptedOn: IsoDate }),
    reason('provisional-approval-due.assess', { deadline: IsoDate }),
    reason('plan-follow-up.follow-up', { goal: z.string().openapi({ description: 'The goal’s title, as the caseworker wrote it' }) }),
  ])
  .openapi('WorklistReason', { description: 'The note as a code with its params; the `note` is the same in English' });
export type WorklistReason = z.infer<typeof WorklistReason>;
export type WorklistReasonCode = WorklistReason['code'];
export const WORKLIST_REASON_CODES: readonly WorklistReasonCode[] = codesOf(WorklistReason);
