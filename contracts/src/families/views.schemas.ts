import { Id, MunicipalityCode, Timestamp } from '../common.schemas';
import { Pseudonym } from '../exchange/pool.schemas';
import { z } from '../zod';

export const ProfileView = z
  .object({
    municipality: MunicipalityCode.openapi({ description: 'The partner municipality whose caseworker read the shared profile' }),
    municipalityName: z.string().optional(),
    viewedAt: Timestamp,
  })
  .openapi('ProfileView');
export type ProfileView = z.infer<typeof ProfileView>;

export const FamilyViews = z
  .object({
    familyId: Id,
    pseudonym: Pseudonym.openapi({ description: 'The pseudonym under which partners see the family' }),
    items: z.array(ProfileView).openapi({ description: 'Newest first; at most the 1,000 newest views are kept' }),
  })
  .openapi('FamilyViews');
export type FamilyViews = z.infer<typeof FamilyViews>;
