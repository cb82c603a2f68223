import type { FamilyEvent } from '@familybank/domain-family';
import type { RecordedEvent } from '@familybank/event-store';

export type RecordedFamilyEvent = RecordedEvent & FamilyEvent;

export const FAMILY_EVENT_TYPES: ReadonlySet<string> = new Set<FamilyEvent['type']>([
  'FamilyRegistered',
  'FirstContactMade',
  'FamilyScreened',
  'FamilyInterviewed',
  'BackgroundChecksRequested',
  'BackgroundCheckReceived',
  'BackgroundCheckRemarksAssessed',
  'FamilyApproved',
  'FamilyRejected',
  'AvailabilityDeclared',
  'AvailabilityConfirmed',
  'AvailabilityWithdrawn',
  'FamilySuspended',
  'FamilyReinstated',
  'ApprovalRenewed',
  'ApprovalExpired',
  'FamilyRetired',
  'ConsentToShareGiven',
  'ConsentToShareWithdrawn',
  'ProfileUpdated',
  'SupportRecorded',
  'FamilyReserved',
  'AssignmentEnded',
  'ContactPersonAssigned',
  'FamilyProvisionallyApproved',
  'FamilyErased',
]);

export const familyIdOf = (event: RecordedEvent): string => event.streamId.replace(/^family-/, '');

export const householdName = (adults: ReadonlyArray<{ fullName: string }>): string => adults.map((adult) => adult.fullName).join(' & ');
