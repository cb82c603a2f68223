import {
  APPROVING_AUTHORITIES,
  AVAILABILITY_PATTERNS,
  CARE_TYPES,
  CHECK_KINDS,
  CHECK_OUTCOMES,
  COMPETENCES,
  CONTACT_CHANNELS,
  FAMILY_STAGES,
  NETWORK_RELATIONS,
  REJECTION_REASONS,
  REMARK_CATEGORIES,
  SOURCE_CHANNELS,
  SUPPORT_KINDS,
} from '@familybank/domain-family';
import { Email, Id, IsoDate, Language, LongText, MunicipalityCode, PageQuery, Region, ShortText, Timestamp, pageOf } from '../common.schemas';
import { z } from '../zod';

export const CareType = z.enum(CARE_TYPES).openapi('CareType');
export const SourceChannel = z.enum(SOURCE_CHANNELS).openapi('SourceChannel');
export const ContactChannel = z.enum(CONTACT_CHANNELS).openapi('ContactChannel');
export const CheckKind = z.enum(CHECK_KINDS).openapi('CheckKind');
export const CheckOutcome = z.enum(CHECK_OUTCOMES).openapi('CheckOutcome');
export const RemarkCategory = z.enum(REMARK_CATEGORIES).openapi('RemarkCategory');
export const ApprovingAuthority = z.enum(APPROVING_AUTHORITIES).openapi('ApprovingAuthority');
export const RejectionReason = z.enum(REJECTION_REASONS).openapi('RejectionReason');
export const AvailabilityPattern = z.enum(AVAILABILITY_PATTERNS).openapi('AvailabilityPattern');
export const SupportKind = z.enum(SUPPORT_KINDS).openapi('SupportKind');
export const Competence = z.enum(COMPETENCES).openapi('Competence');
export const FamilyStage = z.enum(FAMILY_STAGES).openapi('FamilyStage');
export const NetworkRelation = z.enum(NETWORK_RELATIONS).openapi('NetworkRelation', { description: 'How a person of the child’s network is related to the child' });

const unique = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((values) => new Set(values).size === values.length, { message: 'Values must be unique' })
    .openapi({ uniqueItems: true });

export const Adult = z
  .strictObject({
    adultId: Id,
    fullName: ShortText,
    birthYear: z.number().int().min(1900).max(2100).optional(),
  })
  .openapi('Adult');

export const ContactDetails = z
  .strictObject({
    street: ShortText,
    postalCode: z.string().regex(/^[0-9A-Z -]{3,10}$/, 'Expected a postal code'),
    city: ShortText,
    phone: z.string().regex(/^\+?[0-9 ()-]{6,20}$/, 'Expected a phone number'),
    email: Email,
  })
  .openapi('ContactDetails');

export const AgeRange = z.strictObject({ min: z.number().int().min(0).max(17), max: z.number().int().min(0).max(17) }).openapi('AgeRange');
export const DateRange = z.strictObject({ from: IsoDate, to: IsoDate }).openapi('DateRange');

const profileFields = {
  contact: ContactDetails,
  region: Region,
  languages: unique(Language, 20),
  competences: unique(Competence, COMPETENCES.length),
  interestedIn: unique(CareType, CARE_TYPES.length).min(1),
};

/** The channels that name neither a request nor a referring family (see RegisterFamilyBody). */
const PLAIN_CHANNELS = SOURCE_CHANNELS.filter((channel) => channel !== 'child-request' && channel !== 'family-referral');

export const RegisterFamilyBody = z
  .strictObject({
    sourceChannel: SourceChannel,
    sourceDetail: ShortText.optional().openapi({ description: 'e.g. the campaign or event, to learn which channels bring families' }),
    referredByFamilyId: Id.optional().openapi({ description: 'The existing family that recommended this one (sourceChannel family-referral)' }),
    recruitedForRequestId: Id.optional().openapi({
      description: 'Your request whose targeted recruitment brought this lead; required with sourceChannel child-request, refused with any other channel',
    }),
    adults: z.array(Adult).min(1).max(6),
    ...profileFields,
    languages: profileFields.languages.default([]),
    competences: profileFields.competences.default([]),
  })
  // Which channel names what (the decider's validRegistration: 422 FAMILY.REQUEST_SOURCE_MISSING,
  // FAMILY.REQUEST_SOURCE_UNEXPECTED, FAMILY.REFERRAL_NEEDS_REFERRER), in the document too. One object,
  // not a zod union, because the console's form reads its shape. `not: {}`: the field must be absent.
  .openapi('RegisterFamily', {
    allOf: [
      {
        anyOf: [
          { properties: { sourceChannel: { const: 'child-request' } }, required: ['recruitedForRequestId'] },
          { properties: { sourceChannel: { const: 'family-referral' }, recruitedForRequestId: { not: {} } }, required: ['referredByFamilyId'] },
          { properties: { sourceChannel: { enum: [...PLAIN_CHANNELS] }, recruitedForRequestId: { not: {} } } },
        ],
      },
    ],
  });

export const RecordFirstContactBody = z.strictObject({ on: IsoDate, channel: ContactChannel, summary: LongText.optional() }).openapi('RecordFirstContact');
export const RecordScreeningBody = z.strictObject({ on: IsoDate, notes: LongText.optional() }).openapi('RecordScreening');
export const RecordInterviewBody = z
  .strictObject({ on: IsoDate, interviewers: z.array(ShortText).min(1).max(10), notes: LongText.optional() })
  .openapi('RecordInterview');
export const RequestBackgroundChecksBody = z
  .strictObject({
    on: IsoDate,
    adultIds: unique(Id, 6).min(1).optional().openapi({ description: 'Default: every adult of the household' }),
    kinds: unique(CheckKind, CHECK_KINDS.length).min(1).optional().openapi({ description: 'Default: both kinds' }),
  })
  .openapi('RequestBackgroundChecks');
export const RecordBackgroundCheckResultBody = z
  .strictObject({
    adultId: Id,
    kind: CheckKind,
    outcome: CheckOutcome,
    remarkCategory: RemarkCategory.optional().openapi({ description: 'Required when outcome is remarks. The certificate itself is never stored.' }),
    receivedOn: IsoDate,
  })
  // Remarks name their category, a clear check none (the decider's FAMILY.REMARKS_NEED_CATEGORY and
  // FAMILY.CLEAR_CHECK_HAS_NO_CATEGORY, 422), in the document too.
  .openapi('RecordBackgroundCheckResult', {
    allOf: [
      {
        anyOf: [
          { properties: { outcome: { const: 'remarks' } }, required: ['remarkCategory'] },
          { properties: { outcome: { const: 'clear' }, remarkCategory: { not: {} } } },
        ],
      },
    ],
  });
export const AssessRemarksBody = z
  .strictObject({ adultId: Id, kind: CheckKind, acceptable: z.boolean(), assessment: LongText })
  .openapi('AssessBackgroundCheckRemarks');

const approvalTerms = {
  careTypes: unique(CareType, CARE_TYPES.length).min(1),
  capacity: z.number().int().min(1).max(10),
  ageRange: AgeRange,
  validUntil: IsoDate,
  conditions: z.array(ShortText).max(20).default([]),
  authority: ApprovingAuthority,
  decisionReference: ShortText.optional(),
};
export const ApprovalTerms = z.strictObject(approvalTerms).openapi('ApprovalTerms');
/**
 * The approval as a family shows it: the terms and the day they were decided. Its own complete
 * object, not `ApprovalTerms.extend(...)`, which OpenAPI renders as an allOf of two closed objects
 * that no value can satisfy.
 */
export const Approval = z.strictObject({ ...approvalTerms, approvedOn: IsoDate }).openapi('Approval');

export const RejectFamilyBody = z.strictObject({ reason: RejectionReason, note: LongText.optional() }).openapi('RejectFamily');
export const DeclareAvailabilityBody = z
  .strictObject({
    careTypes: unique(CareType, CARE_TYPES.length).min(1).optional().openapi({ description: 'Default: every approved care type' }),
    capacity: z.number().int().min(1).max(10),
    periods: z.array(DateRange).max(52).default([]),
    patterns: unique(AvailabilityPattern, AVAILABILITY_PATTERNS.length).default([]),
  })
  // At least one period or pattern (the decider's FAMILY.AVAILABILITY_WITHOUT_TIME, 422), in the document too.
  .openapi('DeclareAvailability', {
    allOf: [
      {
        anyOf: [
          { required: ['periods'], properties: { periods: { minItems: 1 } } },
          { required: ['patterns'], properties: { patterns: { minItems: 1 } } },
        ],
      },
    ],
  });
export const ReasonBody = z.strictObject({ reason: ShortText }).openapi('Reason');
export const OptionalReasonBody = z.strictObject({ reason: ShortText.optional() }).openapi('OptionalReason');
export const NoteBody = z.strictObject({ note: LongText.optional() }).openapi('Note');
export const EmptyBody = z.strictObject({}).openapi('Empty');
export const ConsentBody = z.strictObject({ on: IsoDate }).openapi('Consent');
export const UpdateProfileBody = z
  .strictObject({
    contact: profileFields.contact.optional(),
    region: profileFields.region.optional(),
    languages: profileFields.languages.optional(),
    competences: profileFields.competences.optional(),
    interestedIn: profileFields.interestedIn.optional(),
  })
  // An update changes at least one field (the decider's FAMILY.EMPTY_PROFILE_UPDATE, 422), in the document too.
  .openapi('UpdateProfile', { minProperties: 1 });
export const RecordSupportBody = z.strictObject({ kind: SupportKind, on: IsoDate, note: LongText.optional() }).openapi('RecordSupport');

export const Assignment = z
  .object({
    assignmentId: Id,
    requester: z.object({ municipality: MunicipalityCode, requestId: Id }),
    period: DateRange,
    children: z.number().int().min(1),
  })
  .openapi('Assignment');

/** How many support records the family detail embeds; the rest are read page by page. */
export const RECENT_SUPPORT_RECORDS = 5;

export const SupportRecordView = z
  .object({
    familyId: Id,
    revision: z.number().int().openapi({
      description: 'Revision of the family’s stream at which the support was recorded: identifies the record within the family, and the event in the audit trail',
    }),
    position: z.number().int().openapi({ description: 'Global position of that event in the log' }),
    kind: SupportKind,
    on: IsoDate.openapi({ description: 'The day the support was given' }),
    note: z.string().optional(),
    recordedBy: z.string().openapi({ description: 'Who recorded it: the token subject' }),
    recordedAt: Timestamp,
  })
  .openapi('SupportRecord');
export type SupportRecordView = z.infer<typeof SupportRecordView>;

export const SupportSummary = z
  .object({
    count: z.number().int().min(0).openapi({ description: 'How many support records the family has in all' }),
    lastOn: IsoDate.optional().openapi({ description: 'The latest day on which support was given (the greatest `on`); absent while none is recorded' }),
    recent: z
      .array(SupportRecordView)
      .max(RECENT_SUPPORT_RECORDS)
      .openapi({
        description: `The ${RECENT_SUPPORT_RECORDS} most recently recorded support records, newest first. Every record: GET /v1/families/{familyId}/support`,
      }),
  })
  .openapi('SupportSummary', { description: 'A bounded summary of the support given: its size does not grow with the history' });

export const FamilyIdParams = z.object({ familyId: Id.openapi({ param: { name: 'familyId', in: 'path' } }) });
export const AssignmentParams = FamilyIdParams.extend({ assignmentId: Id.openapi({ param: { name: 'assignmentId', in: 'path' } }) });
export const EndAssignmentBody = z
  .strictObject({
    reason: ShortText,
    wantsNewAssignment: z.boolean().openapi({ description: 'Retention: does the family want a new assignment?' }),
  })
  .openapi('EndAssignment');

export const BackgroundCheckView = z
  .object({
    adultId: Id,
    kind: CheckKind,
    requestedOn: IsoDate,
    outcome: CheckOutcome.optional(),
    remarkCategory: RemarkCategory.optional(),
    receivedOn: IsoDate.optional(),
    assessment: z.object({ acceptable: z.boolean(), assessment: z.string(), assessedBy: z.string() }).optional(),
  })
  .openapi('BackgroundCheck');

export const NETWORK_FAMILY_STATUSES = ['registered', 'provisionally-approved', 'provisional-lapsed', 'approved'] as const;
export const NetworkFamilyTie = z
  .object({
    requestId: Id.openapi({ description: 'The one request (child) the family is registered for: it is a candidate for no other request' }),
    relation: NetworkRelation,
    relationNote: z.string().optional(),
    personId: Id.optional().openapi({ description: 'The entry of the request’s network map the person came from' }),
    child: z
      .object({ careType: CareType, age: z.number().int(), places: z.number().int() })
      .openapi({ description: 'The child as its request describes it (never a name): what the provisional approval is limited to' }),
    status: z.enum(NETWORK_FAMILY_STATUSES).openapi({
      description: 'registered (records checks pending), provisionally-approved (for the one child, until the deadline), provisional-lapsed (the deadline passed without a full approval), approved (fully)',
    }),
    provisionalApproval: z
      .object({ approvedOn: IsoDate, deadline: IsoDate.openapi({ description: 'The full assessment is due by this day; the provisional approval lapses the day after' }) })
      .optional(),
    fullyApprovedOn: IsoDate.optional(),
  })
  .openapi('NetworkFamilyTie', { description: 'A family from one child’s own network. It never leaves the municipality: no pool, no offer, no partner response.' });

export const FamilyDetail = z
  .object({
    familyId: Id,
    municipality: MunicipalityCode,
    stage: FamilyStage,
    stageSince: Timestamp,
    daysInStage: z.number().int(),
    registeredAt: Timestamp,
    sourceChannel: SourceChannel,
    sourceDetail: z.string().optional(),
    referredByFamilyId: Id.optional(),
    recruitedForRequestId: Id.optional(),
    adults: z.array(Adult).openapi({ description: 'Once the family is erased, each adult keeps its id and its name reads "[erased]"' }),
    contact: ContactDetails.optional().openapi({ description: 'Absent once the family is erased' }),
    region: Region,
    languages: z.array(Language),
    competences: z.array(Competence),
    interestedIn: z.array(CareType),
    erased: z.boolean().optional().openapi({ description: 'True once the family’s personal data was erased (crypto-shredding): free texts read "[erased]", contact details are gone' }),
    erasedOn: IsoDate.optional(),
    firstContactOn: IsoDate.optional(),
    checks: z.array(BackgroundCheckView),
    approval: Approval.optional(),
    availability: DeclareAvailabilityBody.required({ careTypes: true }).extend({ confirmedOn: IsoDate }).optional(),
    consentToShare: z.boolean(),
    contactPerson: z
      .object({
        userId: z.string().openapi({ description: 'The staff member’s user (token subject); families can be found by it' }),
        name: z.string(),
        since: IsoDate,
        assignedBy: z.string().openapi({ description: 'Who assigned (or changed to) this contact person' }),
      })
      .optional()
      .openapi({ description: 'The family’s current contact person (support after approval); absent until one is assigned' }),
    support: SupportSummary,
    assignments: z.array(Assignment).openapi({
      description:
        'The places the family holds for children of requests (own or partners’): the assignments not ended (in any one period, at most the family’s capacity). Ended ones: GET /v1/families/{familyId}/assignments?status=ended',
    }),
    endedAssignmentCount: z.number().int().min(0).openapi({ description: 'How many of the family’s assignments have ended' }),
    network: NetworkFamilyTie.optional().openapi({ description: 'Set for a network family (sourceChannel child-network)' }),
    revision: z.number().int().openapi({ description: 'Stream revision; also sent as the ETag' }),
  })
  .openapi('FamilyDetail');
export type FamilyDetail = z.infer<typeof FamilyDetail>;

export const FamilyPage = pageOf(FamilyDetail, 'FamilyPage');

export const AvailableFamily = z
  .object({
    familyId: Id,
    municipality: MunicipalityCode,
    householdName: z.string(),
    region: Region,
    careTypes: z.array(CareType),
    capacity: z.number().int(),
    ageRange: AgeRange,
    periods: z.array(DateRange),
    patterns: z.array(AvailabilityPattern),
    languages: z.array(Language),
    competences: z.array(Competence),
    approvalValidUntil: IsoDate,
    availabilityConfirmedOn: IsoDate,
    consentToShare: z.boolean(),
  })
  .openapi('AvailableFamily');
export type AvailableFamily = z.infer<typeof AvailableFamily>;
export const AvailableFamiliesQuery = PageQuery.extend({ careType: CareType.optional(), region: Region.optional() });
export const AvailableFamilyPage = pageOf(AvailableFamily, 'AvailableFamilyPage');

export const AvailabilityReminder = z
  .object({
    familyId: Id,
    householdName: z.string(),
    confirmedOn: IsoDate.openapi({ description: 'When the availability was last declared or confirmed' }),
    staleOn: IsoDate.openapi({ description: 'The first day the availability counts as stale: from then on the family is withdrawn from partners’ pools' }),
    daysLeft: z.number().int().openapi({ description: 'Days from today until staleOn; zero or negative once stale' }),
    stale: z.boolean(),
  })
  .openapi('AvailabilityReminder');
export const AvailabilityReminders = z
  .object({
    staleAfterDays: z.number().int().openapi({ description: 'Availability confirmed more than this many days ago is stale' }),
    reminderDays: z.number().int().openapi({ description: 'Families are listed from this many days before their availability goes stale' }),
    items: z.array(AvailabilityReminder).openapi({ description: 'Sorted by staleOn, the most overdue first' }),
  })
  .openapi('AvailabilityReminders');
export type AvailabilityReminders = z.infer<typeof AvailabilityReminders>;
export type AvailabilityReminder = z.infer<typeof AvailabilityReminder>;

export const PipelineStage = z
  .object({ stage: FamilyStage, count: z.number().int(), averageDaysInStage: z.number(), maxDaysInStage: z.number().int() })
  .openapi('PipelineStage');
export const ChannelYield = z
  .object({ channel: SourceChannel, leads: z.number().int(), approved: z.number().int() })
  .openapi('ChannelYield', { description: 'Leads per source channel and how many of them reached approval' });
export const OverdueFirstContact = z
  .object({ familyId: Id, householdName: z.string(), registeredAt: Timestamp, workingDaysWaiting: z.number().int() })
  .openapi('OverdueFirstContact');
export const Pipeline = z
  .object({
    municipality: MunicipalityCode,
    asOf: Timestamp,
    stages: z.array(PipelineStage),
    channels: z.array(ChannelYield),
    firstContactDueWithinWorkingDays: z.number().int(),
    firstContactOverdue: z.array(OverdueFirstContact),
  })
  .openapi('Pipeline');
export type Pipeline = z.infer<typeof Pipeline>;
