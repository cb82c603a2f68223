/**
 * Controlled vocabularies of the family domain. The HTTP and Kafka contracts build their enums
 * from these lists, so a value exists in exactly one place.
 */

export const CARE_TYPES = ['respite', 'foster', 'emergency', 'contact'] as const;
export type CareType = (typeof CARE_TYPES)[number];

/**
 * How a lead found us; tracked because channels differ wildly in what they bring. `child-request`:
 * targeted recruitment for one child's request (the lead names the request). `child-network`: a
 * person from the child's own network, registered for that child's request (a network family).
 */
export const SOURCE_CHANNELS = ['campaign', 'social-media', 'family-referral', 'municipality-website', 'event', 'child-request', 'child-network', 'other'] as const;
export type SourceChannel = (typeof SOURCE_CHANNELS)[number];

export const CONTACT_CHANNELS = ['phone', 'meeting', 'video', 'email'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** DA børneattest / straffeattest, SV belastningsregisterutdrag. */
export const CHECK_KINDS = ['child-protection', 'criminal-record'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

export const CHECK_OUTCOMES = ['clear', 'remarks'] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

/** Offences against children always block approval, whatever an approver assesses. */
export const REMARK_CATEGORIES = ['offence-against-children', 'violence', 'drugs', 'traffic', 'other'] as const;
export type RemarkCategory = (typeof REMARK_CATEGORIES)[number];
export const ALWAYS_BLOCKING_REMARKS: readonly RemarkCategory[] = ['offence-against-children'];

export const APPROVING_AUTHORITIES = ['socialtilsyn', 'municipality', 'socialnamnd'] as const;
export type ApprovingAuthority = (typeof APPROVING_AUTHORITIES)[number];

export const REJECTION_REASONS = ['not-suitable', 'withdrew-interest', 'no-response', 'background-check', 'other'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const AVAILABILITY_PATTERNS = ['weekdays', 'weekends', 'holidays'] as const;
export type AvailabilityPattern = (typeof AVAILABILITY_PATTERNS)[number];

export const SUPPORT_KINDS = ['supervision', 'course', 'emergency-call'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

export const COMPETENCES = [
  'adhd',
  'autism',
  'attachment-difficulties',
  'trauma',
  'physical-disability',
  'intellectual-disability',
  'medical-care',
  'infants',
  'teenagers',
  'siblings',
  'substance-abuse-in-family',
  'cultural-background',
] as const;
export type Competence = (typeof COMPETENCES)[number];

/** Stages of a family's life with the municipality, in the order of the recruitment pipeline. */
export const FAMILY_STAGES = [
  'lead',
  'contacted',
  'screened',
  'interviewed',
  'background-checks',
  'approved',
  'available',
  'suspended',
  'approval-expired',
  'rejected',
  'retired',
] as const;
export type FamilyStage = (typeof FAMILY_STAGES)[number];

/** Stages before a decision on approval: where recruitment happens and where rejection is possible. */
export const RECRUITMENT_STAGES: readonly FamilyStage[] = ['lead', 'contacted', 'screened', 'interviewed', 'background-checks'];
/** Stages in which the family holds a (possibly paused) approval. */
export const APPROVED_STAGES: readonly FamilyStage[] = ['approved', 'available', 'suspended'];

/** How a person of the child's network (DA netværk, SV nätverk) is related to the child: kin or friend. */
export const NETWORK_RELATIONS = ['grandparent', 'aunt-or-uncle', 'adult-sibling', 'cousin', 'other-relative', 'family-friend', 'neighbour', 'other'] as const;
export type NetworkRelation = (typeof NETWORK_RELATIONS)[number];
