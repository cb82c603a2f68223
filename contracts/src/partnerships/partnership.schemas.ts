import { MunicipalityCode, PageQuery, Region, ShortText, Timestamp, municipalityCodeExample, pageOf } from '../common.schemas';
import { SharedProfile } from '../exchange/pool.schemas';
import { CareType } from '../families/family.schemas';
import { z } from '../zod';

export const PartnershipStatus = z.enum(['proposed-by-us', 'proposed-to-us', 'active', 'declined', 'revoked']).openapi('PartnershipStatus');

export const Partnership = z
  .object({
    partner: MunicipalityCode,
    partnerName: z.string().optional(),
    status: PartnershipStatus,
    since: Timestamp,
    partnerKeyFingerprint: z.string().optional().openapi({ description: 'Fingerprint of the partner’s signing key: pinned on activation; compare it with the partner’s liaison' }),
    revision: z.number().int(),
  })
  .openapi('Partnership');
export type Partnership = z.infer<typeof Partnership>;

export const PartnershipList = z
  .object({
    municipality: MunicipalityCode,
    ownKeyFingerprint: z.string().openapi({ description: 'Fingerprint of your own signing key, for partners to compare' }),
    items: z.array(Partnership),
  })
  .openapi('PartnershipList');

// Its own example: MunicipalityCode's (0630) is the demo node's own code, and a partnership with oneself is 422.
export const ProposePartnershipBody = z.strictObject({ partner: municipalityCodeExample('0461') }).openapi('ProposePartnership');
export const PartnershipReasonBody = z.strictObject({ reason: ShortText.optional() }).openapi('PartnershipReason');
export const PartnerParams = z.object({ partner: MunicipalityCode.openapi({ param: { name: 'partner', in: 'path' } }) });

export const DirectoryEntry = z
  .object({ code: MunicipalityCode, name: z.string(), fingerprint: z.string(), announcedAt: Timestamp })
  .openapi('DirectoryEntry');
export const Directory = z.object({ items: z.array(DirectoryEntry) }).openapi('Directory');

export const PoolQuery = PageQuery.extend({ careType: CareType.optional(), region: Region.optional() });
export const PoolPage = pageOf(SharedProfile, 'PoolPage');
