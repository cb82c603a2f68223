import { COMPETENCES } from '@familybank/domain-family';
import { Language, PageQuery } from '../common.schemas';
import { z } from '../zod';
import { CareType, Competence, FamilyStage } from './family.schemas';

/** A repeatable query parameter: `?competence=adhd&competence=trauma`; one value is a list of one. */
const repeatable = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(item).min(1).max(max)).optional();

/**
 * Search and filters of the municipality's families. Every filter given narrows the list (they
 * combine with AND), and a page's cursor continues only the list of the same filters.
 */
export const FamilySearchQuery = PageQuery.extend({
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({
      description:
        'Free text found in the adults’ names (any part of a name). Case and diacritics do not matter, nor the Nordic spellings: “soren”, “Soeren” and “SØREN” find Søren; “aase” finds Åse; “hodan” finds Hodan',
    }),
  postalCode: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z -]{1,10}$/, 'Expected a postal code or its beginning')
    .optional()
    .openapi({ description: 'A postal code or its beginning: 7100, or 71 for 7100–7199; spaces do not matter (Swedish 123 45 = 12345)' }),
  competence: repeatable(Competence, COMPETENCES.length).openapi({ description: 'Families with this competence; repeat the parameter to require several' }),
  language: repeatable(Language, 10).openapi({ description: 'Families that speak this language (ISO 639-1); repeat the parameter to require several' }),
  careType: CareType.optional().openapi({
    description: 'Families approved for this care type (their latest approval, also while suspended or expired); before any approval, families interested in it',
  }),
  childAge: z.coerce
    .number()
    .int()
    .min(0)
    .max(17)
    .optional()
    .openapi({ description: 'Families whose approval takes a child of this age (its age range includes it); families without an approval are left out' }),
  stage: FamilyStage.optional(),
  contactPerson: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: 'Families whose current contact person is this user (the token subject of the staff member, as in `contactPerson.userId`)' }),
});
export type FamilySearchQuery = z.output<typeof FamilySearchQuery>;
