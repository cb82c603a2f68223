import { NETWORK_CONTACT_OUTCOMES } from '@familybank/domain-request';
import { Id, IsoDate, Language, Region, ShortText } from '../common.schemas';
import { Adult, ApprovingAuthority, ContactChannel, ContactDetails, FamilyStage, NETWORK_FAMILY_STATUSES, NetworkRelation } from '../families/family.schemas';
import { z } from '../zod';

/**
 * The child's own network (seed 003): who was explored, and the persons registered as network
 * families for the child's request. Everything here names people: it never leaves the municipality.
 */
export const NetworkContactOutcome = z.enum(NETWORK_CONTACT_OUTCOMES).openapi('NetworkContactOutcome');
/** registered-as-network-family is recorded by registering the person (POST …/network-families), not by hand. */
const RecordableOutcome = z.enum(NETWORK_CONTACT_OUTCOMES.filter((outcome) => outcome !== 'registered-as-network-family') as ['not-contacted', 'declined', 'not-suitable', 'assessed']);

export const NetworkPerson = z
  .object({
    personId: Id,
    name: z.string(),
    relation: NetworkRelation,
    outcome: NetworkContactOutcome,
    reason: z.string().optional(),
    on: IsoDate,
    familyId: Id.optional().openapi({ description: 'With outcome registered-as-network-family: the family registered for this request' }),
  })
  .openapi('NetworkPerson');

export const RecordNetworkPersonBody = z
  .strictObject({
    personId: Id.optional().openapi({ description: 'Omit to add a person (an id is generated); name a person to record a later outcome' }),
    name: ShortText,
    relation: NetworkRelation,
    outcome: RecordableOutcome.openapi({ description: 'registered-as-network-family follows from registering the person (POST …/network-families)' }),
    reason: ShortText.optional().openapi({ description: 'Required with declined and not-suitable' }),
    on: IsoDate.openapi({ description: 'The day of the contact, or of the decision not to contact; not after today' }),
  })
  .openapi('RecordNetworkPerson');

export const NetworkFamilySummary = z
  .object({
    familyId: Id,
    householdName: z.string(),
    relation: NetworkRelation,
    stage: FamilyStage,
    status: z.enum(NETWORK_FAMILY_STATUSES),
    deadline: IsoDate.optional().openapi({ description: 'While provisionally approved: the full assessment is due by this day' }),
  })
  .openapi('NetworkFamilySummary');

export const NetworkMap = z
  .object({
    requestId: Id,
    explored: z.boolean().openapi({ description: 'Someone of the network is on the map (or, for a request opened before the map, its networkExplored flag)' }),
    persons: z.array(NetworkPerson),
    networkFamilies: z.array(NetworkFamilySummary).openapi({ description: 'Persons registered as network families for this request' }),
    revision: z.number().int().openapi({ description: 'The request’s stream revision' }),
  })
  .openapi('NetworkMap', { description: 'Who of the child’s network was explored. Never shared with partners.' });
export type NetworkMap = z.infer<typeof NetworkMap>;

export const RegisterNetworkFamilyBody = z
  .strictObject({
    relation: NetworkRelation,
    relationNote: ShortText.optional().openapi({ description: 'e.g. “mother’s sister”' }),
    personId: Id.optional().openapi({ description: 'The person on the request’s network map this registers; their entry then says registered-as-network-family' }),
    adults: z.array(Adult).min(1).max(6),
    contact: ContactDetails,
    region: Region,
    languages: z.array(Language).max(20).default([]),
    firstContact: z
      .strictObject({ on: IsoDate, channel: ContactChannel })
      .optional()
      .openapi({ description: 'When and how the person was met while exploring the network; default today, meeting' }),
  })
  .openapi('RegisterNetworkFamily');

export const ProvisionalApprovalBody = z
  .strictObject({
    deadline: IsoDate.optional().openapi({
      description: 'The last day of the provisional approval: the full assessment is due by then. Default: today + NETWORK_ASSESSMENT_DAYS (90). At most a year ahead.',
    }),
    authority: ApprovingAuthority.default('municipality'),
    decisionReference: ShortText.optional(),
    conditions: z.array(ShortText).max(20).default([]),
  })
  .openapi('ProvisionalApproval');
