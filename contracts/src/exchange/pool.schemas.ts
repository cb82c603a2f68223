import { AVAILABILITY_PATTERNS, CARE_TYPES, COMPETENCES } from '@familybank/domain-family';
import { Language, MunicipalityCode, Region } from '../common.schemas';
import { z } from '../zod';

/** ISO 8601 week, e.g. 2026-W49: availability is shared by week, never by exact date. */
export const IsoWeek = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'Expected an ISO week such as 2026-W49').openapi('IsoWeek');
/** YYYY-MM: dates that leave the municipality are coarsened to the month. */
export const IsoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Expected a month such as 2026-11').openapi('IsoMonth');

export const EXPERIENCE_BANDS = ['new', '1-3-years', 'over-3-years'] as const;
export const ExperienceBand = z.enum(EXPERIENCE_BANDS).openapi('ExperienceBand');

/** Keyed hash of the family id (HMAC-SHA256 with a secret that never leaves the municipality), base64url. */
export const Pseudonym = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, 'Expected a pseudonym').openapi('Pseudonym');

/** Months (never the dates of another child's placement) in which the family has `places` free; without `to`, from then on. */
export const FreePlaces = z
  .strictObject({ from: IsoMonth, to: IsoMonth.optional(), places: z.number().int().min(1).max(10) })
  .openapi('FreePlaces');
export type FreePlaces = z.infer<typeof FreePlaces>;

/**
 * The one shape of a family that may leave its municipality (DESIGN §5), by allowlist: no names,
 * addresses, postal codes, phone numbers, e-mails, national ids, exact dates or free text.
 * Strict, so a field added by mistake is refused by every consumer.
 */
export const SharedProfile = z
  .strictObject({
    pseudonym: Pseudonym,
    municipality: MunicipalityCode,
    region: Region,
    careTypes: z.array(z.enum(CARE_TYPES)).min(1),
    freeCapacity: z
      .number()
      .int()
      .min(0)
      .max(10)
      .openapi({ description: 'The fewest places free in any coming month; availability.freePlaces says when more are free' }),
    ageRange: z.strictObject({ min: z.number().int().min(0).max(17), max: z.number().int().min(0).max(17) }),
    competences: z.array(z.enum(COMPETENCES)),
    languages: z.array(Language),
    availability: z.strictObject({
      weeks: z.array(z.strictObject({ from: IsoWeek, to: IsoWeek })),
      patterns: z.array(z.enum(AVAILABILITY_PATTERNS)),
      freePlaces: z.array(FreePlaces).max(240).optional().openapi({
        description:
          'Places free per month from this month on, in consecutive ranges (the last without an end); months with no free place are left out. ' +
          'Absent from older profiles: then freeCapacity holds for every month.',
      }),
    }),
    availabilityConfirmed: IsoMonth,
    approvalValidUntil: IsoMonth,
    experience: ExperienceBand,
    /** Increases with every change of the family; consumers keep the highest version per pseudonym. */
    version: z.number().int().min(0),
  })
  .openapi('SharedProfile');
export type SharedProfile = z.infer<typeof SharedProfile>;
