import { AVAILABILITY_PATTERNS, CARE_TYPES, COMPETENCES } from '@familybank/domain-family';
import { DateRange } from '../families/family.schemas';
import { IsoDate, Language, Region } from '../common.schemas';
import { Pseudonym } from '../exchange/pool.schemas';
import { z } from '../zod';

/**
 * What a child needs from a family. It describes the need, never the child: no name, national id,
 * exact birth date or free text, so it may be shared with partners as it is.
 */
export const ChildNeeds = z
  .strictObject({
    careType: z.enum(CARE_TYPES),
    childAge: z.number().int().min(0).max(17),
    siblings: z.number().int().min(0).max(5).default(0).openapi({ description: 'Siblings to be placed together with the child' }),
    requiredCompetences: z.array(z.enum(COMPETENCES)).max(COMPETENCES.length).default([]),
    wishedCompetences: z.array(z.enum(COMPETENCES)).max(COMPETENCES.length).default([]),
    languages: z.array(Language).max(10).default([]).openapi({ description: 'Languages the child speaks; a family speaking one of them scores higher' }),
    schedule: z.strictObject({
      patterns: z.array(z.enum(AVAILABILITY_PATTERNS)).default([]),
      period: DateRange.openapi({ description: 'The period the family is needed for' }),
    }),
    region: Region,
    networkExplored: z.boolean().optional().openapi({
      deprecated: true,
      description: 'Superseded by the request’s network map (POST /v1/requests/{requestId}/network-map); still accepted. Whether the child’s own network (kin, friends) was explored first',
    }),
    networkCandidates: z.array(Pseudonym).max(20).default([]).openapi({ description: 'Families from the child’s network; ranked first' }),
    startDate: IsoDate,
  })
  .openapi('ChildNeeds');
export type ChildNeeds = z.infer<typeof ChildNeeds>;
